package dev.tern.app.profile;

import java.util.Locale;

/** Mosh's speculative local echo setting, as mosh's {@code --predict} option spells it. */
public enum PredictionMode {
    ADAPTIVE,
    ALWAYS,
    NEVER,
    EXPERIMENTAL;

    /** The value of {@code --predict=}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        String lower = optionValue();
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
