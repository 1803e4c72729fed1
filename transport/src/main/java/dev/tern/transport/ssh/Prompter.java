package dev.tern.transport.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Questions the SSH login asks the user. The app shows dialogs, the CLI asks on the terminal, tests answer from
 * code. Calls come from the connecting thread and may block until the user answers; never connect on the UI thread.
 * An empty answer means "cancel": the login then goes on with the next method, or fails.
 */
public interface Prompter {

    /** The password of {@code user@host}; {@code attempt} counts from 1. */
    Optional<String> password(String userAtHost, int attempt);

    /**
     * The password of one hop of the connection (a jump host or the target); {@code attempt} counts from 1 for
     * each hop on its own. A prompter that remembers passwords must answer only with the one kept for this
     * {@link LoginHop#key()}. By default this asks by name, as {@link #password(String, int)}.
     */
    default Optional<String> password(LoginHop hop, int attempt) {
        return password(hop.displayName(), attempt);
    }

    /** The passphrase of an encrypted private key; a wrong one is asked again with a higher {@code attempt}. */
    Optional<String> passphrase(Path keyFile, int attempt);

    /**
     * Keyboard-interactive login (one-time codes, PAM): answers for all prompts in order, or empty to cancel.
     * {@code instruction} and {@code name} may be empty. There is always at least one prompt: rounds without
     * questions arrive as {@link #banner}.
     */
    Optional<List<String>> keyboardInteractive(String userAtHost, String name, String instruction,
                                               List<KeyboardPrompt> prompts);

    /** Whether to trust a host key seen for the first time (and record it). */
    boolean acceptUnknownHostKey(UnknownHostKey key);

    /** Text the server sends before login (a banner); ignored unless overridden. */
    default void banner(String text) {
    }

    /** One question of a keyboard-interactive request; {@code echo} false means a secret (hide the input). */
    record KeyboardPrompt(String text, boolean echo) {
    }

    /** A prompter that answers nothing and trusts nothing: for non-interactive use with keys and known hosts. */
    static Prompter refusing() {
        return new Prompter() {
            @Override
            public Optional<String> password(String userAtHost, int attempt) {
                return Optional.empty();
            }

            @Override
            public Optional<String> passphrase(Path keyFile, int attempt) {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> keyboardInteractive(String userAtHost, String name, String instruction,
                                                              List<KeyboardPrompt> prompts) {
                return Optional.empty();
            }

            @Override
            public boolean acceptUnknownHostKey(UnknownHostKey key) {
                return false;
            }
        };
    }
}
