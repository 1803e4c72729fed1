package dev.tern.transport.predict;

import java.util.Locale;

/** When predictions are shown (mosh's {@code --predict=} / {@code MOSH_PREDICTION_DISPLAY}). */
public enum DisplayPreference {
    /** Show once the link is slow or a keystroke has waited long for its echo (mosh's default). */
    ADAPTIVE,
    /** Show whenever an epoch is confirmed, however fast the link. */
    ALWAYS,
    /** Never predict; the displayed frame is always the server's. */
    NEVER,
    /** Show even unconfirmed predictions: nothing is hidden and wrong guesses are dropped one by one. */
    EXPERIMENTAL;

    /** Parses mosh's spelling ({@code adaptive}, {@code always}, {@code never}, {@code experimental}). */
    public static DisplayPreference parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public String moshName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
