package dev.tern.transport.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The local facts SSH settings depend on: the home folder (for {@code ~/.ssh}), the local user name, the ssh-agent
 * socket and the system-wide known_hosts. Tests build an isolated one so they never touch the real {@code ~/.ssh}.
 *
 * @param agentSocket {@code SSH_AUTH_SOCK}, when set (Unix)
 * @param windows     whether to look for Pageant / the Windows OpenSSH agent instead of a Unix socket
 */
public record SshEnvironment(Path home, String localUser, Optional<Path> agentSocket, List<Path> globalKnownHosts,
                             boolean windows) {

    public SshEnvironment {
        agentSocket = agentSocket == null ? Optional.empty() : agentSocket;
        globalKnownHosts = List.copyOf(globalKnownHosts);
    }

    /** The real machine: user.home, user.name, SSH_AUTH_SOCK and /etc/ssh/ssh_known_hosts. */
    public static SshEnvironment system() {
        String socket = System.getenv("SSH_AUTH_SOCK");
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new SshEnvironment(Path.of(System.getProperty("user.home")), System.getProperty("user.name"),
                socket == null || socket.isBlank() ? Optional.empty() : Optional.of(Path.of(socket)),
                List.of(Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2")), windows);
    }

    /** A fake home with no agent and no system known_hosts. */
    public static SshEnvironment isolated(Path home, String localUser) {
        return new SshEnvironment(home, localUser, Optional.empty(), List.of(), false);
    }

    public SshEnvironment withAgentSocket(Path socket) {
        return new SshEnvironment(home, localUser, Optional.ofNullable(socket), globalKnownHosts, windows);
    }

    public Path sshDir() {
        return home.resolve(".ssh");
    }

    public Path configFile() {
        return sshDir().resolve("config");
    }

    /** The user's ssh_config, parsed (empty when there is none). */
    public OpenSshConfig readConfig() {
        return Files.exists(configFile()) ? OpenSshConfig.parse(configFile(), sshDir()) : OpenSshConfig.empty();
    }
}
