package dev.tern.app.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions a login asks, answered by dialogs. Mirrors the transport's {@code Prompter} without depending on
 * it, so the dialogs are testable alone; every method may be called from a connecting thread and blocks until the
 * user answers. Empty means "cancelled".
 */
public interface LoginPrompts {

    /**
     * The password of one hop of the connection. A password remembered for that very hop (keychain) is returned
     * on the first attempt without a dialog; a later attempt means it was wrong, so the dialog is shown. A secret
     * remembered for another hop (the target, when a jump host asks) is never returned.
     */
    Optional<String> password(String profileId, Hop hop, int attempt);

    Optional<String> passphrase(Path keyFile, int attempt);

    /** Answers to keyboard-interactive prompts, in order. */
    Optional<List<String>> keyboardInteractive(String userAtHost, String name, String instruction,
                                               List<Question> questions);

    /**
     * Whether to trust and record a host key not recorded for its host: a first connection, or, when
     * {@code otherKnownTypes} names types (e.g. ED25519), a host known under a key of another type.
     */
    boolean acceptNewHostKey(String host, String keyType, String sha256Fingerprint, Path recordIn,
                             List<String> otherKnownTypes);

    /** Tells the user a host key CHANGED; there is no way to connect from here (by design). */
    void hostKeyChanged(String host, String keyType, String knownFingerprint, String offeredFingerprint,
                        Path knownHostsFile, int line);

    /**
     * The host that asks for a password.
     *
     * @param displayName {@code user@host[:port]} for the dialog
     * @param key         {@code user@host:port}, what a remembered secret is kept under; null when the asking host
     *                    is not known exactly (nothing is then recalled or remembered)
     * @param target      true for the destination, false for a jump host
     */
    record Hop(String displayName, String key, boolean target) {
    }

    /** One keyboard-interactive question; {@code echo} false means hide what is typed. */
    record Question(String text, boolean echo) {
    }
}
