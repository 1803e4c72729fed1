package dev.tern.transport.ssh;

import java.nio.file.Path;

/**
 * A host presented a key that differs from the one recorded for it.
 *
 * @param host              the known_hosts name, e.g. {@code [example.org]:2222}
 * @param keyType           e.g. {@code ssh-ed25519}
 * @param knownFingerprint  {@code SHA256:...} of the recorded key
 * @param offeredFingerprint {@code SHA256:...} of the key the server presented now
 * @param file              the known_hosts file holding the recorded key
 * @param line              its line number (1-based)
 */
public record ChangedHostKey(String host, String keyType, String knownFingerprint, String offeredFingerprint,
                             Path file, int line) {

    /** The warning shown to the user; it names both fingerprints and the line to remove, and offers no bypass. */
    public String message() {
        return "WARNING: the host key of " + host + " has CHANGED.\n"
                + "Recorded " + keyType + " key: " + knownFingerprint + " (" + file + " line " + line + ")\n"
                + "Key offered now:   " + offeredFingerprint + "\n"
                + "Someone may be intercepting this connection, or the server was reinstalled. Tern will not "
                + "connect. If the change is expected, check the new fingerprint with the server's administrator, "
                + "then delete line " + line + " of " + file + " (or run: ssh-keygen -R '" + host + "' -f '" + file
                + "') and connect again.";
    }
}
