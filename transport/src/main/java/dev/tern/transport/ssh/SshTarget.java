package dev.tern.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a connection profile says about an SSH destination. Every field but {@code host} may be null, meaning "not
 * set here": {@link ConnectSpecResolver} then takes it from {@code ~/.ssh/config}, then from defaults. Fields set
 * here always win over the config file. The known_hosts file, host-key policy, timeouts and identity files of a
 * profile also apply to its jump hosts (the keys are offered there too); how a jump host logs in (methods, agent,
 * IdentitiesOnly) comes from its own ssh_config block and the defaults, never from the target's.
 *
 * @param host                    an ssh_config alias, a host name or an address (IPv6 without brackets)
 * @param jumpHosts               ProxyJump hops, {@code [user@]host[:port]} each, first hop first; an empty list
 *                                means "no jump host even if the config names one"
 * @param knownHostsFile          where host keys are read and new ones recorded
 * @param useAgent                whether to offer ssh-agent (or Pageant) keys; default yes
 * @param preferredAuthentications comma-separated methods in order, e.g. "publickey,password"
 */
public record SshTarget(String host, Integer port, String user, List<Path> identityFiles, Boolean identitiesOnly,
                        List<String> jumpHosts, Path knownHostsFile, StrictHostKeyChecking strictHostKeyChecking,
                        Integer serverAliveIntervalSeconds, Duration connectTimeout, Boolean useAgent,
                        String preferredAuthentications) {

    public SshTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an SSH target needs a host");
        }
        identityFiles = identityFiles == null ? null : List.copyOf(identityFiles);
        jumpHosts = jumpHosts == null ? null : List.copyOf(jumpHosts);
    }

    public static Builder builder(String host) {
        return new Builder(host);
    }

    /** A builder starting from this target's values. */
    public Builder toBuilder() {
        Builder builder = new Builder(host);
        builder.port = port;
        builder.user = user;
        builder.identityFiles = identityFiles;
        builder.identitiesOnly = identitiesOnly;
        builder.jumpHosts = jumpHosts;
        builder.knownHostsFile = knownHostsFile;
        builder.strictHostKeyChecking = strictHostKeyChecking;
        builder.serverAliveIntervalSeconds = serverAliveIntervalSeconds;
        builder.connectTimeout = connectTimeout;
        builder.useAgent = useAgent;
        builder.preferredAuthentications = preferredAuthentications;
        return builder;
    }

    public static final class Builder {
        private String host;
        private Integer port;
        private String user;
        private List<Path> identityFiles;
        private Boolean identitiesOnly;
        private List<String> jumpHosts;
        private Path knownHostsFile;
        private StrictHostKeyChecking strictHostKeyChecking;
        private Integer serverAliveIntervalSeconds;
        private Duration connectTimeout;
        private Boolean useAgent;
        private String preferredAuthentications;

        private Builder(String host) {
            this.host = host;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(Integer value) {
            port = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder identityFiles(List<Path> value) {
            identityFiles = value;
            return this;
        }

        public Builder identityFile(Path value) {
            identityFiles = List.of(value);
            return this;
        }

        public Builder identitiesOnly(Boolean value) {
            identitiesOnly = value;
            return this;
        }

        public Builder jumpHosts(List<String> value) {
            jumpHosts = value;
            return this;
        }

        public Builder knownHostsFile(Path value) {
            knownHostsFile = value;
            return this;
        }

        public Builder strictHostKeyChecking(StrictHostKeyChecking value) {
            strictHostKeyChecking = value;
            return this;
        }

        public Builder serverAliveIntervalSeconds(Integer value) {
            serverAliveIntervalSeconds = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder useAgent(Boolean value) {
            useAgent = value;
            return this;
        }

        public Builder preferredAuthentications(String value) {
            preferredAuthentications = value;
            return this;
        }

        public SshTarget build() {
            return new SshTarget(host, port, user, identityFiles, identitiesOnly, jumpHosts, knownHostsFile,
                    strictHostKeyChecking, serverAliveIntervalSeconds, connectTimeout, useAgent,
                    preferredAuthentications);
        }
    }
}
