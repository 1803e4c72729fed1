package dev.tern.widget;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import javafx.scene.input.ScrollEvent;

/**
 * The mouse wheel over the history moves it by the platform's lines per notch (three unless the user set another
 * number) rather than JediTermFX's one line per notch, which makes a long history tiresome to go through. Runs as an
 * event filter on the canvas, ahead of JediTermFX's own wheel handler, and only where that handler would scroll the
 * history: not with Shift held (sideways), not while the remote program has mouse reporting on, and not on the
 * alternate screen (no history there): in those cases the wheel stays the program's, and JediTermFX reports it or
 * sends arrow keys as before.
 */
final class WheelScroll {
    /** What a notch is worth when the platform does not say (most platforms say three). */
    static final int DEFAULT_LINES_PER_NOTCH = 3;
    /** The pixels JavaFX reports per notch (and JediTermFX counts per line). */
    private static final double PIXELS_PER_NOTCH = 40;

    private final TerminalPanel panel;
    private final TerminalTextBuffer buffer;
    /** Part of a line left over from smooth (touchpad) scrolling, so that small moves add up. */
    private double leftover;

    private WheelScroll(TerminalPanel panel, TerminalTextBuffer buffer) {
        this.panel = panel;
        this.buffer = buffer;
    }

    static void installOn(TerminalPanel panel, TerminalTextBuffer buffer) {
        WheelScroll wheel = new WheelScroll(panel, buffer);
        panel.getCanvas().addEventFilter(ScrollEvent.SCROLL, wheel::scroll);
    }

    private void scroll(ScrollEvent e) {
        if (e.isShiftDown() || !panel.isLocalMouseAction(e) || buffer.isUsingAlternateBuffer()) {
            return;
        }
        double lines = leftover + linesUp(e, buffer.getHeight());
        int whole = (int) lines;
        leftover = lines - whole;
        for (int i = 0; i < Math.abs(whole); i++) {
            if (whole > 0) {
                panel.scrollUp();
            } else {
                panel.scrollDown();
            }
        }
        e.consume();
    }

    /** How many lines the event moves the view towards older history (negative: towards the newest output). */
    static double linesUp(ScrollEvent e, int rows) {
        return switch (e.getTextDeltaYUnits()) {
            case LINES -> e.getTextDeltaY();
            case PAGES -> e.getTextDeltaY() * rows;
            case NONE -> e.getDeltaY() / PIXELS_PER_NOTCH * DEFAULT_LINES_PER_NOTCH;
        };
    }
}
