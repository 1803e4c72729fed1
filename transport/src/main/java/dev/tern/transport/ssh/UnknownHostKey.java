package dev.tern.transport.ssh;

import java.nio.file.Path;

/**
 * A host key seen for the first time, for the user to confirm.
 *
 * @param host        the known_hosts name, e.g. {@code [example.org]:2222}
 * @param keyType     e.g. {@code ssh-ed25519}
 * @param fingerprint {@code SHA256:...}
 * @param recordIn    the known_hosts file the key will be added to when accepted
 */
public record UnknownHostKey(String host, String keyType, String fingerprint, Path recordIn) {

    /** The question to show, in OpenSSH's spirit. */
    public String question() {
        return "The authenticity of host " + host + " can't be established.\n" + keyType + " key fingerprint is "
                + fingerprint + ".\nCompare it with the fingerprint the server's administrator gave you. "
                + "Connect and remember this key in " + recordIn + "?";
    }
}
