package dev.tern.transport.session;

import dev.tern.transport.predict.EscapeKey;
import dev.tern.transport.predict.OverlayComposer;
import dev.tern.transport.predict.PredictionSettings;
import java.util.Objects;

/**
 * How a session draws its overlays over the server's screen.
 *
 * @param prediction         local echo mode and overwrite (changeable later with
 *                           {@link MoshSession#setPredictionSettings})
 * @param drawNotificationBar draw mosh's top-row bar into the displayed frame (the CLI); a GUI shows
 *                           {@link MoshSession#notice()} as a banner instead
 * @param titlePrefix        prefix of the window title, mosh's {@code "[mosh] "}, or empty
 * @param escapeKey          the escape key named in the quit hint
 */
public record SessionOptions(PredictionSettings prediction, boolean drawNotificationBar, String titlePrefix,
                             EscapeKey escapeKey) {
    public static final SessionOptions CLI = new SessionOptions(PredictionSettings.DEFAULT, true,
            OverlayComposer.MOSH_TITLE_PREFIX, EscapeKey.DEFAULT);
    public static final SessionOptions GUI = new SessionOptions(PredictionSettings.DEFAULT, false, "",
            EscapeKey.DEFAULT);

    public SessionOptions {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(titlePrefix, "titlePrefix");
        Objects.requireNonNull(escapeKey, "escapeKey");
    }

    public SessionOptions withPrediction(PredictionSettings value) {
        return new SessionOptions(value, drawNotificationBar, titlePrefix, escapeKey);
    }

    public SessionOptions withEscapeKey(EscapeKey value) {
        return new SessionOptions(prediction, drawNotificationBar, titlePrefix, value);
    }

    public SessionOptions withTitlePrefix(String value) {
        return new SessionOptions(prediction, drawNotificationBar, value, escapeKey);
    }
}
