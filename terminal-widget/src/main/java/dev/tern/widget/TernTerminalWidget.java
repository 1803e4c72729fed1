package dev.tern.widget;

import com.techsenger.jeditermfx.core.TerminalExecutorServiceManager;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.SearchComponent;
import com.techsenger.jeditermfx.ui.DefaultTerminalCopyPasteHandler;
import com.techsenger.jeditermfx.ui.TerminalCopyPasteHandler;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;

/**
 * JediTermFX's widget through its documented extension points only: the search bar is Tern's own, its threads are
 * virtual, and the panel factory is overridden so that a font change (zoom, settings) can re-measure the character
 * cell, which the panel keeps behind a protected method, and so that every paste it reads from a clipboard is cleaned
 * ({@link dev.tern.widget.keys.PasteText}).
 */
final class TernTerminalWidget extends JediTermFxWidget {

    private final TernSettingsProvider looks;

    TernTerminalWidget(int columns, int rows, TernSettingsProvider settings) {
        super(columns, rows, settings);
        this.looks = settings;
    }

    /** Virtual threads instead of the library's two platform threads for each widget ({@link WidgetExecutors}). */
    @Override
    protected TerminalExecutorServiceManager createExecutorServiceManager() {
        return new WidgetExecutors();
    }

    /** Tern's search bar, coloured like the terminal (see {@link SearchBar} for what was wrong with the default). */
    @Override
    protected SearchComponent createSearchComponent() {
        return new SearchBar(looks.settings().scheme());
    }

    @Override
    protected TerminalPanel createTerminalPanel(SettingsProvider settingsProvider, StyleState styleState,
                                                TerminalTextBuffer terminalTextBuffer) {
        return new RefontablePanel(settingsProvider, terminalTextBuffer, styleState);
    }

    /** Re-reads the font from the settings provider and resizes the terminal to the new cell size. FX thread. */
    void applyFont() {
        ((RefontablePanel) getTerminalPanel()).refont();
    }

    private static final class RefontablePanel extends TerminalPanel {
        RefontablePanel(SettingsProvider settings, TerminalTextBuffer buffer, StyleState styleState) {
            super(settings, buffer, styleState);
        }

        /** Middle-click and the menu's Paste read the clipboard here: give them cleaned text, as Ctrl+Shift+V. */
        @Override
        protected TerminalCopyPasteHandler createCopyPasteHandler() {
            return new DefaultTerminalCopyPasteHandler() {
                @Override
                public String getContents(boolean selection) {
                    String text = super.getContents(selection);
                    return text == null ? null : dev.tern.widget.keys.PasteText.clean(text);
                }
            };
        }

        void refont() {
            reinitFontAndResize();
            repaint();
        }
    }
}
