package dev.tern.widget;

import com.techsenger.jeditermfx.ui.JediTermFxWidget;

/**
 * What the benchmarks in {@code dev.tern.widget.bench} need from this package: JediTermFX set up exactly as a Tern
 * view sets it up (same widget subclass, fonts, colours and scrollback), but with nothing of our pipeline in front.
 */
public final class BenchAccess {
    private BenchAccess() {
    }

    /** A bare JediTermFX widget with Tern's default settings; attach a connector, show its pane, then start it. */
    public static JediTermFxWidget plainJediTermFx(int columns, int rows) {
        return new TernTerminalWidget(columns, rows, new TernSettingsProvider(TerminalSettings.defaults()));
    }
}
