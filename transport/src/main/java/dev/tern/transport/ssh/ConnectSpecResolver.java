package dev.tern.transport.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Merges a profile's {@link SshTarget} with {@code ~/.ssh/config} and defaults into a {@link ConnectSpec}. The
 * profile wins field by field; ProxyJump hops are looked up in the config too (the first hop's own ProxyJump is
 * followed, as OpenSSH does), giving a flat chain of jump hosts.
 */
public final class ConnectSpecResolver {
    /** Tern keeps connections alive by default: dying idle SSH sessions are what Tern users come from. */
    public static final int DEFAULT_SERVER_ALIVE_SECONDS = 30;
    public static final int DEFAULT_SERVER_ALIVE_COUNT_MAX = 3;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final String DEFAULT_AUTHENTICATIONS = "publickey,keyboard-interactive,password";
    private static final List<String> DEFAULT_IDENTITIES = List.of("id_rsa", "id_ecdsa", "id_ecdsa_sk",
            "id_ed25519", "id_ed25519_sk", "id_xmss", "id_dsa");
    private static final int MAX_JUMP_DEPTH = 8;

    private final OpenSshConfig config;
    private final SshEnvironment environment;

    public ConnectSpecResolver(OpenSshConfig config, SshEnvironment environment) {
        this.config = config;
        this.environment = environment;
    }

    /** A resolver over the environment's own {@code ~/.ssh/config}. */
    public static ConnectSpecResolver forEnvironment(SshEnvironment environment) {
        return new ConnectSpecResolver(environment.readConfig(), environment);
    }

    public ConnectSpec resolve(SshTarget target) throws SshException {
        return resolve(target, 0);
    }

    private ConnectSpec resolve(SshTarget target, int depth) throws SshException {
        if (depth > MAX_JUMP_DEPTH) {
            throw new SshException(SshFailure.CONFIG_ERROR, "The jump hosts (ProxyJump) of " + target.host()
                    + " lead to more than " + MAX_JUMP_DEPTH + " hops; there is probably a loop in ~/.ssh/config.");
        }
        if (!config.errors().isEmpty()) {
            throw new SshException(SshFailure.CONFIG_ERROR, "Tern does not connect while the SSH config has "
                    + "errors: " + String.join(" ", config.errors()));
        }
        String alias = target.host();
        HostSettings settings = config.lookup(alias, target.user(), environment.localUser());
        UnsupportedConfig.check(alias, settings, target.jumpHosts() != null);
        List<String> warnings = new ArrayList<>(depth == 0 ? config.warnings() : List.of());

        int port = target.port() != null ? target.port() : settings.port().orElse(22);
        String user = firstNonNull(target.user(), settings.user().orElse(null), environment.localUser());
        String hostName = settings.hostName().map(name -> name.replace("%%", "\0").replace("%h", alias)
                .replace("\0", "%")).orElse(alias);
        Tokens tokens = new Tokens(environment.home(), hostName, port, user, environment.localUser(), alias);

        List<Path> identities = new ArrayList<>();
        if (target.identityFiles() != null) {
            identities.addAll(target.identityFiles());
        }
        for (String file : settings.identityFiles()) {
            tokens.tryExpandPath(file, warnings).ifPresent(identities::add);
        }
        if (identities.isEmpty()) {
            for (String name : DEFAULT_IDENTITIES) {
                Path candidate = environment.sshDir().resolve(name);
                if (Files.isRegularFile(candidate)) {
                    identities.add(candidate);
                }
            }
        } else {
            for (Path file : identities) {
                if (!Files.isRegularFile(file)) {
                    warnings.add("Identity file " + file + " not found; it was skipped.");
                }
            }
        }
        List<Path> existingIdentities = new ArrayList<>(new LinkedHashSet<>(identities)).stream()
                .filter(Files::isRegularFile).toList();

        boolean identitiesOnly = target.identitiesOnly() != null ? target.identitiesOnly()
                : settings.identitiesOnly().orElse(false);

        Optional<Path> agentSocket = environment.agentSocket();
        boolean useAgent = target.useAgent() == null || target.useAgent();
        Optional<String> identityAgent = settings.identityAgent();
        if (identityAgent.isPresent()) {
            String value = identityAgent.get();
            if (value.equalsIgnoreCase("none")) {
                useAgent = target.useAgent() != null && target.useAgent();
            } else if (!value.equals("SSH_AUTH_SOCK")) {
                agentSocket = tokens.tryExpandPath(value, warnings);
            }
        }
        useAgent = useAgent && (agentSocket.isPresent() || environment.windows());

        List<Path> knownHosts = new ArrayList<>();
        if (target.knownHostsFile() != null) {
            knownHosts.add(target.knownHostsFile());
        } else if (!settings.userKnownHostsFiles().isEmpty()) {
            for (String file : settings.userKnownHostsFiles()) {
                if (!file.equalsIgnoreCase("none")) {
                    tokens.tryExpandPath(file, warnings).ifPresent(knownHosts::add);
                }
            }
        } else {
            knownHosts.add(environment.sshDir().resolve("known_hosts"));
            knownHosts.add(environment.sshDir().resolve("known_hosts2"));
        }
        List<Path> globalKnownHosts = settings.globalKnownHostsFiles().isEmpty() ? environment.globalKnownHosts()
                : settings.globalKnownHostsFiles().stream().filter(f -> !f.equalsIgnoreCase("none"))
                .flatMap(f -> tokens.tryExpandPath(f, warnings).stream()).toList();

        StrictHostKeyChecking strict = target.strictHostKeyChecking() != null ? target.strictHostKeyChecking()
                : settings.strictHostKeyChecking().orElse(StrictHostKeyChecking.ASK);
        int aliveSeconds = target.serverAliveIntervalSeconds() != null ? target.serverAliveIntervalSeconds()
                : settings.serverAliveInterval().orElse(DEFAULT_SERVER_ALIVE_SECONDS);
        Duration connectTimeout = target.connectTimeout() != null ? target.connectTimeout()
                : settings.connectTimeout().isPresent() ? Duration.ofSeconds(settings.connectTimeout().getAsInt())
                : DEFAULT_CONNECT_TIMEOUT;
        String authentications = allowedMethods(firstNonNull(target.preferredAuthentications(),
                settings.preferredAuthentications().orElse(null), DEFAULT_AUTHENTICATIONS), settings);

        List<String> hops = target.jumpHosts() != null ? target.jumpHosts()
                : settings.proxyJump().filter(value -> !value.equalsIgnoreCase("none"))
                .map(value -> List.of(value.split(","))).orElse(List.of());
        List<ConnectSpec> jumps = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            String hop = hops.get(i).strip();
            HopAddress address = HopAddress.parse(hop).orElseThrow(() -> new SshException(SshFailure.CONFIG_ERROR,
                    "The jump host '" + hop + "' of " + alias + " is not of the form [user@]host[:port]."));
            // a jump host logs in by its own rules (its ssh_config block, then defaults): the target's methods
            // (e.g. password first) would send the bastion a password question where a key would do
            SshTarget hopTarget = new SshTarget(address.host(), address.port().orElse(null),
                    address.user().orElse(null), target.identityFiles(), null,
                    // only the first hop may bring jump hosts of its own (OpenSSH's rule)
                    i == 0 ? null : List.of(), target.knownHostsFile(), target.strictHostKeyChecking(),
                    target.serverAliveIntervalSeconds(), target.connectTimeout(), null, null);
            ConnectSpec hopSpec = resolve(hopTarget, depth + 1);
            jumps.addAll(hopSpec.jumps());
            jumps.add(hopSpec.withJumps(List.of()));
        }

        return new ConnectSpec(alias, hostName, port, user, existingIdentities, identitiesOnly, useAgent,
                useAgent ? agentSocket : Optional.empty(), knownHosts, globalKnownHosts,
                settings.hashKnownHosts().orElse(false), strict, Duration.ofSeconds(aliveSeconds),
                settings.serverAliveCountMax().orElse(DEFAULT_SERVER_ALIVE_COUNT_MAX), connectTimeout,
                authentications.toLowerCase(Locale.ROOT), jumps, settings.hostKeyAlias(), warnings);
    }

    /**
     * The methods in order, without those ssh_config switches off (PasswordAuthentication no, ...): a "no" there
     * means a password must never be sent to this host, whatever the profile prefers.
     */
    private static String allowedMethods(String methods, HostSettings settings) throws SshException {
        List<String> off = new ArrayList<>();
        if (settings.methodAllowed("PasswordAuthentication").orElse(true).equals(false)) {
            off.add("password");
        }
        boolean keyboard = settings.methodAllowed("KbdInteractiveAuthentication")
                .or(() -> settings.methodAllowed("ChallengeResponseAuthentication")).orElse(true);
        if (!keyboard) {
            off.add("keyboard-interactive");
        }
        if (settings.methodAllowed("PubkeyAuthentication").orElse(true).equals(false)) {
            off.add("publickey");
        }
        List<String> kept = java.util.Arrays.stream(methods.split(",")).map(String::strip)
                .filter(method -> !off.contains(method.toLowerCase(Locale.ROOT))).toList();
        if (kept.isEmpty()) {
            throw new SshException(SshFailure.CONFIG_ERROR, "The SSH config switches off every login method "
                    + "wanted here (" + methods + "; off: " + String.join(", ", off) + "). Allow one of them for "
                    + "this host, or choose another login method in the profile.");
        }
        return String.join(",", kept);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** {@code ~} and {@code ~/...} become the home folder; other paths are returned as they are. */
    static Path expandHome(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    /** The ssh_config {@code %} tokens Tern knows, plus {@code ~}. */
    private record Tokens(Path home, String hostName, int port, String user, String localUser, String alias) {
        /** As {@link #expandPath}, but a value that is no valid path becomes a warning instead of an error. */
        Optional<Path> tryExpandPath(String raw, List<String> warnings) {
            try {
                return Optional.of(expandPath(raw));
            } catch (java.nio.file.InvalidPathException e) {
                warnings.add("'" + raw.replace("\0", "\\0") + "' in ~/.ssh/config is not a valid path; ignored.");
                return Optional.empty();
            }
        }

        Path expandPath(String raw) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c != '%' || i + 1 >= raw.length()) {
                    out.append(c);
                    continue;
                }
                char token = raw.charAt(++i);
                switch (token) {
                    case '%' -> out.append('%');
                    case 'd' -> out.append(home);
                    case 'h' -> out.append(hostName);
                    case 'p' -> out.append(port);
                    case 'r' -> out.append(user);
                    case 'u' -> out.append(localUser);
                    case 'n' -> out.append(alias);
                    default -> out.append('%').append(token);
                }
            }
            return expandHome(out.toString(), home);
        }
    }
}
