package dev.tern.app.ui;

import dev.tern.app.profile.QuitChoice;
import java.util.Optional;

/** Yes/no questions to the user; a seam so tests can answer without a modal dialog. */
@FunctionalInterface
public interface Confirmations {
    /** True when the user chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);

    /** The answer to the quit question: keep or end the sessions, and whether to ask again next time. */
    record QuitAnswer(QuitChoice choice, boolean remember) {
    }

    /**
     * Asks whether quitting keeps the sessions that can be kept (for the next start) or ends them; empty when the
     * user cancelled the quit. Without a dialog of its own, this is a yes/no question whose yes ends them.
     */
    default Optional<QuitAnswer> askQuit(String title, String message) {
        return confirm(title, message, "_End all sessions") ? Optional.of(new QuitAnswer(QuitChoice.END, false))
                : Optional.empty();
    }
}
