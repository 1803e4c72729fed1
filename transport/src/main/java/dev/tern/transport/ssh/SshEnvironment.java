package dev.tern.transport.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The local facts SSH settings depend on: the home folder (for {@code ~/.ssh}), the local user name, the ssh-agent
 * socket and the system-wide known_hosts. Tests build an isolated one so they never touch the real {@code ~/.ssh}.
 *
 * @param agentSocket {@code SSH_AUTH_SOCK}, when set (Unix)
 * @param windows      whether to look for Pageant / the Windows OpenSSH agent instead of a Unix socket
 * @param systemConfig the system-wide ssh_config read after the user's ({@code /etc/ssh/ssh_config}), if any
 */
public record SshEnvironment(Path home, String localUser, Optional<Path> agentSocket, List<Path> globalKnownHosts,
                             boolean windows, Optional<Path> systemConfig) {

    public SshEnvironment {
        agentSocket = agentSocket == null ? Optional.empty() : agentSocket;
        globalKnownHosts = List.copyOf(globalKnownHosts);
        systemConfig = systemConfig == null ? Optional.empty() : systemConfig;
    }

    /** An environment that reads the machine's system-wide ssh_config after the user's. */
    public SshEnvironment(Path home, String localUser, Optional<Path> agentSocket, List<Path> globalKnownHosts,
                          boolean windows) {
        this(home, localUser, agentSocket, globalKnownHosts, windows, Optional.of(systemConfigFile(windows)));
    }

    /** Where OpenSSH keeps the system-wide client config. */
    static Path systemConfigFile(boolean windows) {
        if (windows) {
            String programData = System.getenv("PROGRAMDATA");
            return Path.of(programData == null ? "C:\\ProgramData" : programData, "ssh", "ssh_config");
        }
        return Path.of("/etc/ssh/ssh_config");
    }

    /** The real machine: user.home, user.name, SSH_AUTH_SOCK, /etc/ssh/ssh_known_hosts and /etc/ssh/ssh_config. */
    public static SshEnvironment system() {
        String socket = System.getenv("SSH_AUTH_SOCK");
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return new SshEnvironment(Path.of(System.getProperty("user.home")), System.getProperty("user.name"),
                socket == null || socket.isBlank() ? Optional.empty() : Optional.of(Path.of(socket)),
                List.of(Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2")), windows);
    }

    /** A fake home with no agent, no system known_hosts and no system ssh_config. */
    public static SshEnvironment isolated(Path home, String localUser) {
        return new SshEnvironment(home, localUser, Optional.empty(), List.of(), false, Optional.empty());
    }

    public SshEnvironment withAgentSocket(Path socket) {
        return new SshEnvironment(home, localUser, Optional.ofNullable(socket), globalKnownHosts, windows,
                systemConfig);
    }

    /** This environment with another system-wide ssh_config (read after the user's), or none. */
    public SshEnvironment withSystemConfig(Path file) {
        return new SshEnvironment(home, localUser, agentSocket, globalKnownHosts, windows, Optional.ofNullable(file));
    }

    public Path sshDir() {
        return home.resolve(".ssh");
    }

    public Path configFile() {
        return sshDir().resolve("config");
    }

    /** The user's ssh_config, then the system-wide one, parsed (empty when there is none). */
    public OpenSshConfig readConfig() {
        return OpenSshConfig.parse(configFile(), sshDir(), systemConfig);
    }
}
