package dev.tern.widget;

import com.techsenger.jeditermfx.core.Color;
import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.emulator.ColorPalette;
import com.techsenger.jeditermfx.core.model.TerminalTypeAheadSettings;
import com.techsenger.jeditermfx.ui.TerminalActionPresentation;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import javafx.scene.text.Font;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Feeds {@link TerminalSettings} to JediTermFX. Colours are suppliers over the current settings, so scheme changes
 * apply to an open view; font changes need the panel to re-measure (see {@link TernTerminalWidget#applyFont()}).
 *
 * <p>{@link #getDefaultStyle()} is overridden as well as the default colours: JediTermFX 1.0.0 still seeds its
 * style state from that deprecated method, and without it text cells come out black on white
 * (docs/ARCHITECTURE.md §11).
 */
final class TernSettingsProvider extends DefaultSettingsProvider {
    /** A blink period no flip ever reaches: JediTermFX then never repaints for the cursor (see {@link CursorBlink}). */
    static final int RESTING_PERIOD_MS = Integer.MAX_VALUE;
    private volatile TerminalSettings settings;
    private volatile boolean cursorBlinking = true;
    private volatile double zoom = 1.0;
    private final ColorPalette palette = new SchemePalette(() -> settings.scheme());
    private final TerminalColor foreground = new TerminalColor(() -> new Color(settings.scheme().foreground()));
    private final TerminalColor background = new TerminalColor(() -> new Color(settings.scheme().background()));

    TernSettingsProvider(TerminalSettings settings) {
        this.settings = settings;
    }

    TerminalSettings settings() {
        return settings;
    }

    void setSettings(TerminalSettings settings) {
        this.settings = settings;
    }

    double zoom() {
        return zoom;
    }

    void setCursorBlinking(boolean blinking) {
        cursorBlinking = blinking;
    }

    @Override
    public int caretBlinkingMs() {
        return cursorBlinking ? super.caretBlinkingMs() : RESTING_PERIOD_MS;
    }

    void setZoom(double zoom) {
        this.zoom = zoom;
    }

    @Override
    public Font getTerminalFont() {
        return Font.font(settings.fontFamily(), getTerminalFontSize());
    }

    @Override
    public float getTerminalFontSize() {
        double size = Math.clamp(settings.fontSize() * zoom, TerminalSettings.MIN_FONT_SIZE,
                TerminalSettings.MAX_FONT_SIZE);
        return (float) size;
    }

    @Override
    public ColorPalette getTerminalColorPalette() {
        return palette;
    }

    @Override
    public TerminalColor getDefaultForeground() {
        return foreground;
    }

    @Override
    public TerminalColor getDefaultBackground() {
        return background;
    }

    @Override
    @SuppressWarnings("deprecation")
    public TextStyle getDefaultStyle() {
        return new TextStyle(foreground, background);
    }

    @Override
    public TextStyle getSelectionColor() {
        return new TextStyle(new TerminalColor(() -> new Color(settings.scheme().selectionForeground())),
                new TerminalColor(() -> new Color(settings.scheme().selectionBackground())));
    }

    @Override
    public boolean useInverseSelectionColor() {
        return false;
    }

    @Override
    public int getBufferMaxLinesCount() {
        return settings.scrollbackLines();
    }

    @Override
    public boolean audibleBell() {
        return settings.audibleBell();
    }

    @Override
    public int maxRefreshRate() {
        return 60;
    }

    /** Our own emulator and, for Mosh tabs, mosh's prediction engine do local echo; JetBrains' type-ahead would fight them. */
    @Override
    public TerminalTypeAheadSettings getTypeAheadSettings() {
        return new TerminalTypeAheadSettings(false, TimeUnit.MILLISECONDS.toNanos(100), new TextStyle());
    }

    /**
     * On X11 (Linux and the BSDs), selecting text puts it on the PRIMARY selection and a middle click pastes it,
     * as in every X terminal; Windows and macOS have no such selection.
     */
    @Override
    public boolean emulateX11CopyPaste() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return !os.contains("win") && !os.contains("mac");
    }

    /** The view pastes on a middle click itself ({@link PrimarySelection}), in order with the keys typed after. */
    @Override
    public boolean pasteOnMiddleMouseClick() {
        return false;
    }

    // ---- the view's shortcuts (ViewShortcuts); JediTermFX's defaults would take keys that xterm sends on ----

    @Override
    public TerminalActionPresentation getCopyActionPresentation() {
        return new TerminalActionPresentation("Copy", ViewShortcuts.COPY);
    }

    @Override
    public TerminalActionPresentation getPasteActionPresentation() {
        return new TerminalActionPresentation("Paste", ViewShortcuts.PASTE_KEYS);
    }

    @Override
    public TerminalActionPresentation getSelectAllActionPresentation() {
        return new TerminalActionPresentation("Select All", ViewShortcuts.SELECT_ALL);
    }

    @Override
    public TerminalActionPresentation getFindActionPresentation() {
        return new TerminalActionPresentation("Find", ViewShortcuts.FIND);
    }

    @Override
    public TerminalActionPresentation getPageUpActionPresentation() {
        return new TerminalActionPresentation("Page Up", ViewShortcuts.PAGE_UP);
    }

    @Override
    public TerminalActionPresentation getPageDownActionPresentation() {
        return new TerminalActionPresentation("Page Down", ViewShortcuts.PAGE_DOWN);
    }

    /** Ctrl+L is the shell's clear-screen key; the history stays (the menu still offers it). */
    @Override
    public TerminalActionPresentation getClearBufferActionPresentation() {
        return new TerminalActionPresentation("Clear Buffer", List.of());
    }

    /** Ctrl+Up and Ctrl+Down go to the remote program (CSI 1;5A/B); the mouse wheel scrolls by lines. */
    @Override
    public TerminalActionPresentation getLineUpActionPresentation() {
        return new TerminalActionPresentation("Line Up", List.of());
    }

    @Override
    public TerminalActionPresentation getLineDownActionPresentation() {
        return new TerminalActionPresentation("Line Down", List.of());
    }
}
