package dev.tern.transport.ssh;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ssh_config settings that apply to one host, as raw words per lower-case keyword, with typed accessors for
 * the keywords Tern uses. Values that do not parse read as absent.
 */
public final class HostSettings {
    private final Map<String, List<String>> values;
    private final Map<String, String> origins;
    private final Map<String, String> undecided;

    /**
     * @param values    words per keyword, in the order the values were obtained
     * @param origins   where each value was written ("file line N")
     * @param undecided keywords a block Tern cannot evaluate (Match exec, ...) might set, with where
     */
    HostSettings(Map<String, List<String>> values, Map<String, String> origins, Map<String, String> undecided) {
        this.values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        this.origins = Map.copyOf(origins);
        this.undecided = Map.copyOf(undecided);
    }

    public static HostSettings none() {
        return new HostSettings(Map.of(), Map.of(), Map.of());
    }

    /** Where a keyword's value was written, e.g. "/home/a/.ssh/config line 4"; "ssh_config" when unknown. */
    public String origin(String keyword) {
        return origins.getOrDefault(keyword.toLowerCase(Locale.ROOT), "ssh_config");
    }

    /** Keywords (lower case) that a block Tern cannot evaluate might set for this host, with where. */
    public Map<String, String> undecided() {
        return undecided;
    }

    /**
     * Whether ProxyCommand is what the config asks for: set, not "none", and obtained before any ProxyJump (the
     * two compete in OpenSSH, and the first one given wins).
     */
    public boolean usesProxyCommand() {
        for (String keyword : values.keySet()) {
            if (keyword.equals("proxyjump")) {
                return false;
            }
            if (keyword.equals("proxycommand")) {
                return proxyCommand().filter(command -> !command.equalsIgnoreCase("none")).isPresent();
            }
        }
        return false;
    }

    /** PasswordAuthentication, KbdInteractiveAuthentication (or its old name) and PubkeyAuthentication. */
    public Optional<Boolean> methodAllowed(String keyword) {
        return yesNo(keyword);
    }

    /** The words given for a keyword (any case), or an empty list. */
    public List<String> raw(String keyword) {
        return values.getOrDefault(keyword.toLowerCase(Locale.ROOT), List.of());
    }

    private Optional<String> single(String keyword) {
        List<String> words = raw(keyword);
        return words.isEmpty() ? Optional.empty() : Optional.of(words.getFirst());
    }

    private OptionalInt integer(String keyword) {
        Optional<String> word = single(keyword);
        if (word.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(word.get()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private Optional<Boolean> yesNo(String keyword) {
        return single(keyword).flatMap(word -> switch (word.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Optional.of(true);
            case "no", "false" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    /** HostName as written (it may contain {@code %h}). */
    public Optional<String> hostName() {
        return single("HostName");
    }

    public Optional<String> user() {
        return single("User");
    }

    public OptionalInt port() {
        OptionalInt port = integer("Port");
        return port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535) ? OptionalInt.empty() : port;
    }

    /** IdentityFile entries in order, as written (with {@code ~} and {@code %} tokens). */
    public List<String> identityFiles() {
        return raw("IdentityFile");
    }

    public Optional<Boolean> identitiesOnly() {
        return yesNo("IdentitiesOnly");
    }

    /** ProxyJump as written: comma-separated hops, or "none". */
    public Optional<String> proxyJump() {
        return single("ProxyJump");
    }

    public Optional<String> proxyCommand() {
        List<String> words = raw("ProxyCommand");
        return words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words));
    }

    public Optional<StrictHostKeyChecking> strictHostKeyChecking() {
        return single("StrictHostKeyChecking").flatMap(StrictHostKeyChecking::parse);
    }

    /** ServerAliveInterval in seconds (0 switches keepalives off). */
    public OptionalInt serverAliveInterval() {
        OptionalInt value = integer("ServerAliveInterval");
        return value.isPresent() && value.getAsInt() < 0 ? OptionalInt.empty() : value;
    }

    public OptionalInt serverAliveCountMax() {
        OptionalInt value = integer("ServerAliveCountMax");
        return value.isPresent() && value.getAsInt() < 1 ? OptionalInt.empty() : value;
    }

    /** ConnectTimeout in seconds. */
    public OptionalInt connectTimeout() {
        OptionalInt value = integer("ConnectTimeout");
        return value.isPresent() && value.getAsInt() < 1 ? OptionalInt.empty() : value;
    }

    /** UserKnownHostsFile: one or more files, or "none". */
    public List<String> userKnownHostsFiles() {
        return raw("UserKnownHostsFile");
    }

    public List<String> globalKnownHostsFiles() {
        return raw("GlobalKnownHostsFile");
    }

    public Optional<Boolean> hashKnownHosts() {
        return yesNo("HashKnownHosts");
    }

    public Optional<String> hostKeyAlias() {
        return single("HostKeyAlias");
    }

    /** IdentityAgent: a socket path, "SSH_AUTH_SOCK", or "none". */
    public Optional<String> identityAgent() {
        return single("IdentityAgent");
    }

    public Optional<String> preferredAuthentications() {
        return single("PreferredAuthentications");
    }

    @Override
    public String toString() {
        return "HostSettings" + values;
    }
}
