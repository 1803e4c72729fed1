package dev.tern.app.profile;

import dev.tern.widget.CursorStyle;

/**
 * App-wide defaults, saved in the profiles document beside the profiles.
 *
 * @param scrollbackLines lines of history each tab keeps
 * @param cursor          how the text cursor is drawn; absent from files written before it existed (then a block)
 * @param onQuit          what quitting does with sessions that can be kept; absent from older files (then ask)
 */
public record AppSettings(String fontFamily, int fontSize, String colorScheme, PredictionMode prediction,
                          int scrollbackLines, ThemeChoice theme, CursorStyle cursor, QuitChoice onQuit) {
    public static final int DEFAULT_SCROLLBACK = 10_000;
    public static final AppSettings DEFAULTS = new AppSettings("Monospaced", 14, "Dark", PredictionMode.ADAPTIVE,
            DEFAULT_SCROLLBACK, ThemeChoice.FOLLOW_SYSTEM, CursorStyle.BLOCK, QuitChoice.ASK);

    public AppSettings {
        fontFamily = fontFamily == null || fontFamily.isBlank() ? "Monospaced" : fontFamily.strip();
        fontSize = fontSize < 6 || fontSize > 72 ? 14 : fontSize;
        colorScheme = colorScheme == null || colorScheme.isBlank() ? "Dark" : colorScheme.strip();
        prediction = prediction == null ? PredictionMode.ADAPTIVE : prediction;
        scrollbackLines = scrollbackLines <= 0 ? DEFAULT_SCROLLBACK : Math.min(scrollbackLines, 1_000_000);
        theme = theme == null ? ThemeChoice.FOLLOW_SYSTEM : theme;
        cursor = cursor == null ? CursorStyle.BLOCK : cursor;
        onQuit = onQuit == null ? QuitChoice.ASK : onQuit;
    }

    public AppSettings(String fontFamily, int fontSize, String colorScheme, PredictionMode prediction,
                       int scrollbackLines, ThemeChoice theme, CursorStyle cursor) {
        this(fontFamily, fontSize, colorScheme, prediction, scrollbackLines, theme, cursor, QuitChoice.ASK);
    }

    public AppSettings withOnQuit(QuitChoice choice) {
        return new AppSettings(fontFamily, fontSize, colorScheme, prediction, scrollbackLines, theme, cursor, choice);
    }
}
