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
     * The password for {@code userAtHost}. A remembered one (keychain) is returned on the first attempt without a
     * dialog; a later attempt means it was wrong, so the dialog is shown.
     */
    Optional<String> password(String profileId, String userAtHost, int attempt);

    Optional<String> passphrase(Path keyFile, int attempt);

    /** Answers to keyboard-interactive prompts, in order. */
    Optional<List<String>> keyboardInteractive(String userAtHost, String name, String instruction,
                                               List<Question> questions);

    /** Whether to trust and record a host key seen for the first time. */
    boolean acceptNewHostKey(String host, String keyType, String sha256Fingerprint, Path recordIn);

    /** Tells the user a host key CHANGED; there is no way to connect from here (by design). */
    void hostKeyChanged(String host, String keyType, String knownFingerprint, String offeredFingerprint,
                        Path knownHostsFile, int line);

    /** One keyboard-interactive question; {@code echo} false means hide what is typed. */
    record Question(String text, boolean echo) {
    }
}
