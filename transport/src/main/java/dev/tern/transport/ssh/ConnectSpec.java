package dev.tern.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to open one SSH connection, fully resolved (profile, then ssh_config, then defaults). Built by
 * {@link ConnectSpecResolver}; tests may build one directly.
 *
 * @param alias                  the name the user gave (profile host or ssh_config alias), for messages
 * @param hostName               the name or address actually connected to
 * @param identityFiles          private keys to offer, in order (missing files are skipped with a warning)
 * @param useAgent               offer the agent's keys first
 * @param agentSocket            the agent's Unix socket; absent on Windows (Pageant / named pipe) or without agent
 * @param knownHostsFiles        user known_hosts files; the first one receives newly accepted keys
 * @param globalKnownHostsFiles  read-only system files
 * @param serverAliveInterval    keepalive period; zero disables
 * @param jumps                  jump hosts in connection order (each without jumps of its own)
 * @param hostKeyAlias           the name to look host keys up under instead of host/port
 * @param warnings               problems met while resolving (bad config lines, ignored ProxyCommand, ...)
 */
public record ConnectSpec(String alias, String hostName, int port, String user, List<Path> identityFiles,
                          boolean identitiesOnly, boolean useAgent, Optional<Path> agentSocket,
                          List<Path> knownHostsFiles, List<Path> globalKnownHostsFiles, boolean hashKnownHosts,
                          StrictHostKeyChecking strictHostKeyChecking, Duration serverAliveInterval,
                          int serverAliveCountMax, Duration connectTimeout, String preferredAuthentications,
                          List<ConnectSpec> jumps, Optional<String> hostKeyAlias, List<String> warnings) {

    public ConnectSpec {
        identityFiles = List.copyOf(identityFiles);
        knownHostsFiles = List.copyOf(knownHostsFiles);
        globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
        jumps = List.copyOf(jumps);
        warnings = List.copyOf(warnings);
    }

    /** {@code user@host:port} for messages. */
    public String displayName() {
        String host = hostName.contains(":") ? "[" + hostName + "]" : hostName;
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }

    /** This spec with its jump hosts replaced. */
    public ConnectSpec withJumps(List<ConnectSpec> newJumps) {
        return new ConnectSpec(alias, hostName, port, user, identityFiles, identitiesOnly, useAgent, agentSocket,
                knownHostsFiles, globalKnownHostsFiles, hashKnownHosts, strictHostKeyChecking, serverAliveInterval,
                serverAliveCountMax, connectTimeout, preferredAuthentications, newJumps, hostKeyAlias, warnings);
    }
}
