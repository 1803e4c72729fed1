package dev.tern.transport.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A host key not recorded for its host, for the user to confirm: a first connection, or, when
 * {@code otherKnownTypes} is not empty, a host Tern knows under a key of another type.
 *
 * @param host            the known_hosts name, e.g. {@code [example.org]:2222}
 * @param keyType         e.g. {@code ssh-ed25519}
 * @param fingerprint     {@code SHA256:...}
 * @param recordIn        the known_hosts file the key will be added to when accepted
 * @param otherKnownTypes the types of the keys already recorded for this host, e.g. {@code [ssh-ed25519]}
 */
public record UnknownHostKey(String host, String keyType, String fingerprint, Path recordIn,
                             List<String> otherKnownTypes) {

    public UnknownHostKey {
        otherKnownTypes = List.copyOf(otherKnownTypes);
    }

    /** A host seen for the first time. */
    public UnknownHostKey(String host, String keyType, String fingerprint, Path recordIn) {
        this(host, keyType, fingerprint, recordIn, List.of());
    }

    /** Whether a key of another type is already recorded for this host. */
    public boolean otherTypeKnown() {
        return !otherKnownTypes.isEmpty();
    }

    /** The short names of the recorded types, e.g. "ED25519" or "ED25519, RSA". */
    public String otherKnownTypeNames() {
        return String.join(", ", otherKnownTypes.stream().map(UnknownHostKey::shortName).distinct().toList());
    }

    /** ED25519, ECDSA, RSA, ... from an SSH key type name. */
    public static String shortName(String keyType) {
        String name = keyType.startsWith("ssh-") ? keyType.substring(4) : keyType;
        int dash = name.indexOf('-');
        return (dash > 0 ? name.substring(0, dash) : name).toUpperCase(Locale.ROOT);
    }

    /** The question to show, in OpenSSH's spirit. */
    public String question() {
        String intro = otherTypeKnown() ? otherTypeWarning() + "\n"
                : "The authenticity of host " + host + " can't be established.\n";
        return intro + keyType + " key fingerprint is " + fingerprint + ".\nCompare it with the fingerprint the "
                + "server's administrator gave you. Connect and remember this key in " + recordIn + "?";
    }

    /** Why this is no ordinary first connection; empty when it is one. */
    public String otherTypeWarning() {
        if (!otherTypeKnown()) {
            return "";
        }
        return "Tern already knows a host key of another type for " + host + " (" + otherKnownTypeNames()
                + "), but the server now offers a " + shortName(keyType) + " key that Tern has not seen. The server "
                + "may have been set up again, or someone may be in the middle of this connection.";
    }
}
