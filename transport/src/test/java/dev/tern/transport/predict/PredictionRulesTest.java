package dev.tern.transport.predict;

import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Renditions;
import org.junit.jupiter.api.Test;

import static dev.tern.transport.predict.Screens.rowText;
import static dev.tern.transport.predict.Screens.screen;
import static dev.tern.transport.predict.Screens.underlined;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The finer rules of docs/TERMINAL.md §6.3–6.5. */
class PredictionRulesTest {
    private static final String RED_AB = "$ \033[31mab\033[0m";

    private static Rig confirmed(String prompt, String typed, String echoed, PredictionSettings settings) {
        Rig rig = new Rig(screen(10, 4, prompt), 100, settings);
        rig.type(typed);
        rig.serverFrame(screen(10, 4, echoed), rig.sent);
        assertTrue(rig.engine().revealsNewGuesses());
        return rig;
    }

    @Test
    void aNewCharacterTakesTheRenditionsOfTheCellToItsLeft() {
        Rig rig = confirmed("$ \033[31ma\033[0m", "b", RED_AB, PredictionSettings.DEFAULT);
        Framebuffer shown = rig.type("c");
        long expected = Renditions.withAttribute(Renditions.of(31, 0, 0), Renditions.UNDERLINED, true);
        assertEquals(expected, shown.cell(4, 0).renditions(), "red like 'b', plus the flagging underline");
    }

    @Test
    void aCorrectPredictionCopiesTheServersRenditionsToTheCellsOnItsRight() {
        Rig rig = confirmed("$ ", "a", "$ a", PredictionSettings.DEFAULT);
        rig.type("b");
        rig.type("c");
        Framebuffer shown = rig.serverFrame(screen(10, 4, "$ a\033[1mb\033[0m"), rig.sent - 1);
        assertTrue(Renditions.has(shown.cell(4, 0).renditions(), Renditions.BOLD),
                "the pending 'c' now looks like the echoed, bold 'b'");
        assertEquals("c", shown.cell(4, 0).contents());
    }

    @Test
    void matchingWhatWasAlreadyThereEarnsNoCredit() {
        Rig rig = new Rig(screen(10, 4, "$ aX\b"), 100, PredictionSettings.DEFAULT.withOverwrite(true));
        rig.type("X");
        rig.serverFrame(screen(10, 4, "$ aX"), rig.sent);
        assertFalse(rig.engine().revealsNewGuesses(), "an 'X' typed over an 'X' proves nothing about echo");
        assertEquals(0, rig.engine().stats().correct());
        assertFalse(rig.engine().anythingGuessed(), "but it is consistent, so it is dropped quietly");
    }

    /** A fast link (frame interval 20 ms) whose echo of "b" came 300 ms late; {@code line} is what is on screen. */
    private static final class LateOnce {
        final Rig rig = new Rig(screen(80, 4, "$ "), 100, PredictionSettings.DEFAULT);
        String line = "$ ab";

        LateOnce() {
            rig.type("a");
            rig.serverFrame(screen(80, 4, "$ a"), rig.sent);
            rig.sendInterval = 20;
            rig.display();
            rig.type("b");
            rig.clock.advance(300);
            rig.display();
            rig.serverFrame(screen(80, 4, line), rig.sent);
        }

        /** One key echoed {@code afterMs} after it was typed. */
        void echoed(long afterMs) {
            rig.type("c");
            rig.clock.advance(afterMs);
            line += "c";
            rig.serverFrame(screen(80, 4, line), rig.sent);
        }

        boolean nextKeyShowsAtOnce() {
            Framebuffer shown = rig.type("d");
            boolean visible = shown.cell(line.length(), 0).contents().equals("d");
            line += "d";
            rig.serverFrame(screen(80, 4, line), rig.sent);
            return visible;
        }
    }

    @Test
    void afterALateEchoTenQuickEchoesAtLeast150msApartEndTheDisplayOnAFastLink() {
        LateOnce late = new LateOnce();
        assertTrue(late.rig.engine().showing(), "a late echo shows guesses even on a fast link");
        for (int i = 0; i < 9; i++) {
            late.echoed(150);
        }
        assertTrue(late.nextKeyShowsAtOnce(), "nine quick echoes are not enough");
        late.echoed(150);
        assertFalse(late.rig.engine().showing());
        assertFalse(late.nextKeyShowsAtOnce(), "the tenth ends it");
    }

    @Test
    void quickEchoesCloserThan150msCountOncePer150ms() {
        LateOnce late = new LateOnce();
        for (int i = 0; i < 18; i++) {
            late.echoed(75);
        }
        assertTrue(late.rig.engine().showing(), "eighteen echoes 75 ms apart count as nine");
        late.echoed(75);
        assertFalse(late.rig.engine().showing(), "the nineteenth, 150 ms after the last counted one, is the tenth");
    }

    @Test
    void slowEchoesDoNotEndTheDisplay() {
        LateOnce late = new LateOnce();
        for (int i = 0; i < 12; i++) {
            late.echoed(250);
        }
        assertTrue(late.rig.engine().showing(), "an echo 250 ms after its key is not quick");
    }

    @Test
    void aWrongCursorPredictionResetsTheEngine() {
        Rig rig = confirmed("$ ", "a", "$ a", PredictionSettings.DEFAULT);
        rig.type("\033OD");
        assertEquals(2, rig.displayed.cursorCol());
        Framebuffer shown = rig.serverFrame(screen(10, 4, "$ a"), rig.sent);
        assertEquals(3, shown.cursorCol(), "the server did not move the cursor");
        assertFalse(rig.engine().anythingGuessed());
        assertFalse(rig.engine().revealsNewGuesses(), "what is typed next is hidden");
    }

    @Test
    void experimentalModeDropsOnlyTheWrongCursor() {
        Rig rig = new Rig(screen(10, 4, "$ a"), 100, PredictionSettings.DEFAULT.withPreference(DisplayPreference.EXPERIMENTAL));
        rig.type("b");
        rig.type("\033OD");
        rig.serverFrame(screen(10, 4, "$ ab"), rig.sent);
        assertFalse(rig.engine().anythingGuessed());
        assertEquals(4, rig.displayed.cursorCol());
    }

    @Test
    void predictionsInsideTheSameReadShareOneExpirationFrame() {
        Rig rig = confirmed("$ ", "a", "$ a", PredictionSettings.DEFAULT);
        rig.type("bc");
        Framebuffer shown = rig.serverFrame(screen(10, 4, "$ abc"), rig.sent);
        assertFalse(rig.engine().anythingGuessed(), "both judged by the one state that carried them");
        assertFalse(underlined(shown, 3, 0));
    }

    @Test
    void backspaceAtColumnZeroPredictsNothing() {
        Rig rig = confirmed("", "a", "a", PredictionSettings.DEFAULT);
        rig.type("\r");
        rig.type("\u007f");
        assertEquals("a         ", rowText(rig.displayed, 0));
        assertEquals(1, rig.displayed.cursorCol(), "the CR's epoch is hidden, nothing else moved");
    }

    @Test
    void aDisplayedWrongBlankIsNeverCreditedOrUnderlined() {
        Rig rig = confirmed("$ ", "a", "$ a", PredictionSettings.DEFAULT);
        Framebuffer shown = rig.type(" ");
        assertEquals(" ", shown.cell(3, 0).contents());
        assertFalse(underlined(shown, 3, 0), "blank over blank is not flagged");
        rig.serverFrame(screen(10, 4, "$ a"), rig.sent);
        assertEquals(1, rig.engine().stats().correct(), "only the echo of 'a' earned credit, not the blank");
    }
}
