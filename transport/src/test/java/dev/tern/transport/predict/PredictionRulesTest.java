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

/** The finer rules of mosh-terminal.md §5.5 and §5.6. */
class PredictionRulesTest {
    private static final String RED_AB = "$ \033[31mab\033[0m";

    private static Rig confirmed(String prompt, String typed, String echoed, PredictionSettings settings) {
        Rig rig = new Rig(screen(10, 4, prompt), 100, settings);
        rig.type(typed);
        rig.serverFrame(screen(10, 4, echoed), rig.sent);
        assertEquals(rig.engine().predictionEpoch(), rig.engine().confirmedEpoch());
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
        assertTrue(rig.engine().confirmedEpoch() < rig.engine().predictionEpoch(),
                "an 'X' typed over an 'X' proves nothing about echo");
        assertFalse(rig.engine().active(), "but it is consistent, so it is dropped quietly");
    }

    @Test
    void quickConfirmationsCureTheGlitchTriggerOneStepPer150ms() {
        Rig rig = confirmed("$ ", "a", "$ a", PredictionSettings.DEFAULT);
        rig.sendInterval = 20;
        rig.type("b");
        rig.clock.advance(300);
        rig.display();
        assertEquals(10, rig.engine().glitchTrigger());
        rig.serverFrame(screen(10, 4, "$ ab"), rig.sent);
        assertEquals(10, rig.engine().glitchTrigger(), "a slow confirmation does not cure");
        String line = "$ ab";
        for (char c : "cdef".toCharArray()) {
            rig.type(String.valueOf(c));
            rig.clock.advance(100);
            line += c;
            rig.serverFrame(screen(10, 4, line), rig.sent);
        }
        assertEquals(8, rig.engine().glitchTrigger(), "four quick ones 100 ms apart cure two steps");
    }

    @Test
    void aWrongCursorPredictionResetsTheEngine() {
        Rig rig = confirmed("$ ", "a", "$ a", PredictionSettings.DEFAULT);
        rig.type("\033OD");
        assertEquals(2, rig.displayed.cursorCol());
        long epoch = rig.engine().predictionEpoch();
        Framebuffer shown = rig.serverFrame(screen(10, 4, "$ a"), rig.sent);
        assertEquals(3, shown.cursorCol(), "the server did not move the cursor");
        assertFalse(rig.engine().active());
        assertTrue(rig.engine().predictionEpoch() > epoch);
    }

    @Test
    void experimentalModeDropsOnlyTheWrongCursor() {
        Rig rig = new Rig(screen(10, 4, "$ a"), 100, PredictionSettings.DEFAULT.withPreference(DisplayPreference.EXPERIMENTAL));
        rig.type("b");
        rig.type("\033OD");
        rig.serverFrame(screen(10, 4, "$ ab"), rig.sent);
        assertFalse(rig.engine().active());
        assertEquals(4, rig.displayed.cursorCol());
    }

    @Test
    void predictionsInsideTheSameReadShareOneExpirationFrame() {
        Rig rig = confirmed("$ ", "a", "$ a", PredictionSettings.DEFAULT);
        rig.type("bc");
        Framebuffer shown = rig.serverFrame(screen(10, 4, "$ abc"), rig.sent);
        assertFalse(rig.engine().active(), "both judged by the one state that carried them");
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
        long confirmed = rig.engine().confirmedEpoch();
        rig.serverFrame(screen(10, 4, "$ a"), rig.sent);
        assertEquals(confirmed, rig.engine().confirmedEpoch());
    }
}
