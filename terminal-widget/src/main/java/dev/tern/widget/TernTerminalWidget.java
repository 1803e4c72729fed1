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
import javafx.animation.Timeline;
import javafx.application.Platform;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JediTermFX's widget through its extension points: the search bar is Tern's own, its threads are virtual, and the
 * panel factory is overridden so that a font change (zoom, settings) can re-measure the character cell, which the
 * panel keeps behind a protected method, so that every paste it reads from a clipboard is cleaned
 * ({@link dev.tern.widget.keys.PasteText}), and so that its repaint timer pauses while idle (the one reach into a
 * private field, by reflection, with the library's behaviour kept if the field is gone).
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

    /**
     * The view's one-second clock. Pauses the panel's repaint timer when nothing asked for a repaint since the last
     * tick and the cursor does not blink ({@code cursorStill}); the next repaint asked for plays it again. FX thread.
     */
    void idleTick(boolean cursorStill) {
        ((RefontablePanel) getTerminalPanel()).idleTick(cursorStill);
    }

    /** Whether the panel's repaint timer is paused, for tests. */
    boolean repaintTimerPaused() {
        return ((RefontablePanel) getTerminalPanel()).timerPaused;
    }

    /**
     * The panel, plus a gate on its repaint timer. JediTermFX paints only from a timer that fires at its frame rate
     * for as long as the panel exists, shown or not, and a running animation keeps JavaFX's pulse going sixty times a
     * second: an idle window cost CPU all day. {@link #repaint()} is the only way anything asks the panel to paint
     * (it sets a flag the timer reads), so the timer may pause while nobody asks, and play again at the next ask.
     */
    private static final class RefontablePanel extends TerminalPanel {
        private volatile boolean repaintAsked = true;
        private volatile boolean timerPaused;
        private final AtomicBoolean wakePosted = new AtomicBoolean();
        /** The library's private timer, found on first use; null if a newer library moved it (then never paused). */
        private Timeline timer;
        private boolean timerLooked;

        RefontablePanel(SettingsProvider settings, TerminalTextBuffer buffer, StyleState styleState) {
            super(settings, buffer, styleState);
        }

        @Override
        public void repaint() {
            super.repaint();
            repaintAsked = true;
            if (timerPaused && wakePosted.compareAndSet(false, true)) {
                if (Platform.isFxApplicationThread()) {
                    playTimer();
                } else {
                    try {
                        Platform.runLater(this::playTimer);
                    } catch (IllegalStateException toolkitGone) {
                        // the app is ending: nothing will be painted again
                    }
                }
            }
        }

        void idleTick(boolean cursorStill) {
            boolean asked = repaintAsked;
            repaintAsked = false;
            if (asked || !cursorStill || timerPaused) {
                return;
            }
            Timeline t = timer();
            if (t == null) {
                return;
            }
            t.pause();
            timerPaused = true;
            // a repaint asked between the check above and the pause saw the timer running and did not wake it
            if (repaintAsked) {
                playTimer();
            }
        }

        private void playTimer() {
            wakePosted.set(false);
            if (timerPaused) {
                timerPaused = false;
                timer().play();
            }
        }

        private Timeline timer() {
            if (!timerLooked) {
                timerLooked = true;
                try {
                    Field field = TerminalPanel.class.getDeclaredField("myRepaintTimeLine");
                    field.setAccessible(true);
                    timer = (Timeline) field.get(this);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    System.err.println("tern: the terminal's repaint timer cannot pause when idle (" + e + ")");
                }
            }
            return timer;
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
