package dev.tern.transport.ssh;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ssh_config settings that would change where or how safely Tern connects but that Tern does not implement.
 * Ignoring one would connect somewhere else, or with weaker checks, than {@code ssh} would; so Tern refuses with a
 * message naming the setting and where it is written.
 */
final class UnsupportedConfig {
    /**
     * Keywords whose value decides the address, the login or the host key check; a block Tern cannot evaluate
     * that might set one of them leaves the connection's meaning open.
     */
    private static final Set<String> DECISIVE = Set.of("hostname", "port", "user", "proxyjump", "proxycommand",
            "stricthostkeychecking", "userknownhostsfile", "globalknownhostsfile", "hostkeyalias",
            "identitiesonly", "identityfile", "identityagent", "preferredauthentications", "passwordauthentication",
            "kbdinteractiveauthentication", "challengeresponseauthentication", "pubkeyauthentication",
            "canonicalizehostname", "bindaddress", "bindinterface", "knownhostscommand", "revokedhostkeys");

    private UnsupportedConfig() {
    }

    /**
     * Throws when {@code settings} ask for something Tern does not do.
     *
     * @param jumpsFromProfile whether the profile names its jump hosts (then the config's proxy settings do not
     *                         apply)
     */
    static void check(String alias, HostSettings settings, boolean jumpsFromProfile) throws SshException {
        for (Map.Entry<String, String> entry : settings.undecided().entrySet()) {
            if (DECISIVE.contains(entry.getKey())) {
                throw refusal(entry.getValue() + ": a Match block that Tern cannot evaluate (such as Match exec) "
                        + "may set " + entry.getKey() + " for " + alias + ". Tern does not guess how to connect; "
                        + "write that block with Host or Match host/originalhost/user criteria, or set the value "
                        + "in a Host block for " + alias + " before it.");
            }
        }
        if (!jumpsFromProfile && settings.usesProxyCommand()) {
            throw refusal(settings.origin("ProxyCommand") + ": ProxyCommand for " + alias + " ("
                    + settings.proxyCommand().orElse("") + "). Tern does not run proxy commands and will not "
                    + "connect directly instead. For an SSH jump host use ProxyJump (or the profile's jump host); "
                    + "otherwise connect with ssh.");
        }
        String canonicalize = first(settings, "CanonicalizeHostname");
        if (canonicalize != null && !Set.of("no", "false", "none").contains(canonicalize)) {
            throw refusal(settings.origin("CanonicalizeHostname") + ": CanonicalizeHostname " + canonicalize
                    + " for " + alias + ". Tern does not canonicalize host names, so it could reach another host "
                    + "and miss the Host blocks of the full name; write the full name as HostName instead.");
        }
        for (String keyword : List.of("BindAddress", "BindInterface")) {
            if (first(settings, keyword) != null) {
                throw refusal(settings.origin(keyword) + ": " + keyword + " for " + alias + ". Tern cannot "
                        + "choose the local address it connects from; remove the setting for this host, or "
                        + "connect with ssh.");
            }
        }
        for (String keyword : List.of("KnownHostsCommand", "RevokedHostKeys")) {
            String value = first(settings, keyword);
            if (value != null && !value.equals("none")) {
                throw refusal(settings.origin(keyword) + ": " + keyword + " for " + alias + ". Tern does not "
                        + "implement it, and checking host keys without it would be weaker than ssh; put the "
                        + "keys in a known_hosts file instead, or connect with ssh.");
            }
        }
    }

    private static String first(HostSettings settings, String keyword) {
        List<String> words = settings.raw(keyword);
        return words.isEmpty() ? null : words.getFirst().toLowerCase(Locale.ROOT);
    }

    private static SshException refusal(String message) {
        return new SshException(SshFailure.CONFIG_ERROR, message);
    }
}
