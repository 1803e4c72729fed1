package dev.tern.widget;

import com.techsenger.jeditermfx.core.CursorShape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cursor blinks while the person types and rests, shown and without the library's periodic repaint, once they
 * stopped; a steady style never asks the library for a blink repaint.
 */
class CursorBlinkTest {
    private static final long SECOND = 1_000_000_000L;
    private final TernSettingsProvider settings = new TernSettingsProvider(TerminalSettings.defaults()
            .withCursor(CursorStyle.BAR, true));
    private final List<CursorShape> shapes = new ArrayList<>();
    private int repaints;
    private final CursorBlink blink = new CursorBlink(settings, shapes::add, () -> repaints++, 10 * SECOND, 0);

    @Test
    void blinksWhileTypingAndRestsShownTenSecondsAfterTheLastKey() {
        blink.apply();
        assertEquals(CursorShape.BLINK_VERTICAL_BAR, shapes.getLast());
        assertEquals(505, settings.caretBlinkingMs());

        blink.awake(5 * SECOND);
        blink.tick(14 * SECOND);
        assertFalse(blink.resting(), "nine seconds after the last key");
        blink.tick(15 * SECOND);
        assertTrue(blink.resting());
        assertEquals(CursorShape.STEADY_VERTICAL_BAR, shapes.getLast(), "drawn shown, not left in a hidden phase");
        assertEquals(TernSettingsProvider.RESTING_PERIOD_MS, settings.caretBlinkingMs(),
                "the library's timer never flips the cursor, so it never repaints for it");
        int repaintsWhenResting = repaints;
        blink.tick(100 * SECOND);
        assertEquals(repaintsWhenResting, repaints, "resting costs nothing more");

        blink.awake(101 * SECOND);
        assertFalse(blink.resting());
        assertEquals(CursorShape.BLINK_VERTICAL_BAR, shapes.getLast());
        assertEquals(505, settings.caretBlinkingMs());
    }

    @Test
    void aSteadyStyleNeverHasTheLibraryRepaintForTheCursor() {
        settings.setSettings(settings.settings().withCursor(CursorStyle.BLOCK, false));
        blink.apply();
        blink.awake(SECOND);
        assertEquals(CursorShape.STEADY_BLOCK, shapes.getLast());
        assertEquals(TernSettingsProvider.RESTING_PERIOD_MS, settings.caretBlinkingMs());
    }
}
