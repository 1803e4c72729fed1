package dev.tern.app.ui;

/** Yes/no questions to the user; a seam so tests can answer without a modal dialog. */
@FunctionalInterface
public interface Confirmations {
    /** True when the user chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);
}
