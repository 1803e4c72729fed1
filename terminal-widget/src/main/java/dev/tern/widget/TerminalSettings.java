package dev.tern.widget;

import java.util.Objects;

/**
 * What the user can choose about a terminal view. Immutable; the {@code with…} methods return changed copies.
 *
 * @param fontFamily     a monospace font family; falls back to the platform's monospace font when absent
 * @param fontSize       in points, before zoom
 * @param scrollbackLines lines kept in the history above the screen
 * @param visualBell     flash the view on BEL instead of (or besides) sounding it
 * @param audibleBell    sound the platform beep on BEL
 */
public record TerminalSettings(String fontFamily, double fontSize, ColorScheme scheme, CursorStyle cursorStyle,
                               boolean cursorBlink, int scrollbackLines, boolean visualBell, boolean audibleBell) {
    public static final int DEFAULT_SCROLLBACK = 10_000;
    public static final double MIN_FONT_SIZE = 6, MAX_FONT_SIZE = 72;

    public TerminalSettings {
        Objects.requireNonNull(fontFamily, "fontFamily");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(cursorStyle, "cursorStyle");
        fontSize = Math.clamp(fontSize, MIN_FONT_SIZE, MAX_FONT_SIZE);
        scrollbackLines = Math.clamp(scrollbackLines, 0, 1_000_000);
    }

    public static TerminalSettings defaults() {
        return new TerminalSettings(defaultFontFamily(), 14, ColorScheme.DARK, CursorStyle.BLOCK, true,
                DEFAULT_SCROLLBACK, true, false);
    }

    static String defaultFontFamily() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("win")) {
            return "Consolas";
        }
        if (os.contains("mac")) {
            return "Menlo";
        }
        return "Monospaced";
    }

    public TerminalSettings withFont(String family, double size) {
        return new TerminalSettings(family, size, scheme, cursorStyle, cursorBlink, scrollbackLines, visualBell,
                audibleBell);
    }

    public TerminalSettings withScheme(ColorScheme newScheme) {
        return new TerminalSettings(fontFamily, fontSize, newScheme, cursorStyle, cursorBlink, scrollbackLines,
                visualBell, audibleBell);
    }

    public TerminalSettings withCursor(CursorStyle style, boolean blink) {
        return new TerminalSettings(fontFamily, fontSize, scheme, style, blink, scrollbackLines, visualBell,
                audibleBell);
    }

    public TerminalSettings withScrollback(int lines) {
        return new TerminalSettings(fontFamily, fontSize, scheme, cursorStyle, cursorBlink, lines, visualBell,
                audibleBell);
    }

    public TerminalSettings withBell(boolean visual, boolean audible) {
        return new TerminalSettings(fontFamily, fontSize, scheme, cursorStyle, cursorBlink, scrollbackLines, visual,
                audible);
    }
}
