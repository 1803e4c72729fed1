package dev.tern.transport.predict;

import java.util.Objects;

/**
 * A session's prediction settings, changeable while connected.
 *
 * @param preference when predictions are displayed
 * @param overwrite  predict that typing overwrites instead of inserting (mosh's {@code --predict-overwrite})
 */
public record PredictionSettings(DisplayPreference preference, boolean overwrite) {
    public static final PredictionSettings DEFAULT = new PredictionSettings(DisplayPreference.ADAPTIVE, false);

    public PredictionSettings {
        Objects.requireNonNull(preference, "preference");
    }

    public PredictionSettings withPreference(DisplayPreference p) {
        return new PredictionSettings(p, overwrite);
    }

    public PredictionSettings withOverwrite(boolean o) {
        return new PredictionSettings(preference, o);
    }
}
