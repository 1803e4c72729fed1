package dev.tern.transport.predict;

import dev.tern.transport.screen.Framebuffer;
import org.junit.jupiter.api.Test;

import static dev.tern.transport.predict.Screens.rowText;
import static dev.tern.transport.predict.Screens.screen;
import static dev.tern.transport.predict.Screens.underlineMap;
import static dev.tern.transport.predict.Screens.underlined;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked examples of docs/TERMINAL.md §6.6 on a 10-column screen with the prompt "$ " on row 0. */
class PredictionEngineTest {
    private static final PredictionSettings INSERT = PredictionSettings.DEFAULT;
    private static final PredictionSettings OVERWRITE = PredictionSettings.DEFAULT.withOverwrite(true);

    /** A rig whose first epoch is confirmed: "a" was typed after "$ " and echoed. */
    private static Rig confirmedAfterA(int sendInterval) {
        Rig rig = new Rig(screen(10, 4, "$ "), sendInterval, INSERT);
        rig.type("a");
        rig.serverFrame(screen(10, 4, "$ a"), rig.sent);
        return rig;
    }

    @Test
    void firstEpochIsHiddenThenTypingShowsAtOnceUnderlinedUntilEchoed() {
        Rig rig = new Rig(screen(10, 4, "$ "), 100, INSERT);
        Framebuffer shown = rig.type("a");
        assertEquals("$         ", rowText(shown, 0), "the first epoch is tentative: nothing shown early");
        assertEquals(2, shown.cursorCol());

        rig.serverFrame(screen(10, 4, "$ a"), rig.sent);
        assertTrue(rig.engine().revealsNewGuesses(), "the echo confirms the epoch");

        shown = rig.type("b");
        shown = rig.type("c");
        assertEquals("$ abc     ", rowText(shown, 0));
        assertEquals("...__.....", underlineMap(shown, 0), "unconfirmed predictions are underlined while flagging");
        assertEquals(5, shown.cursorCol());

        Framebuffer echoed = screen(10, 4, "$ abc");
        shown = rig.serverFrame(echoed, rig.sent);
        assertEquals("$ abc     ", rowText(shown, 0));
        assertEquals("..........", underlineMap(shown, 0), "the underline goes when the echo is late-acked");
        assertTrue(shown.cellsEqual(echoed));
    }

    @Test
    void overlaysNeverReachTheServerFrame() {
        Rig rig = confirmedAfterA(100);
        Framebuffer server = rig.server;
        String before = server.screenText();
        Framebuffer shown = rig.type("bcd");
        assertEquals("$ abcd    ", rowText(shown, 0));
        assertEquals(before, server.screenText(), "the synchronised state is untouched");
        assertFalse(underlined(server, 3, 0));
        assertEquals(3, server.cursorCol());
    }

    @Test
    void echoWithoutLateAckKeepsThePredictionPending() {
        Rig rig = confirmedAfterA(100);
        rig.type("b");
        Framebuffer shown = rig.serverFrame(screen(10, 4, "$ ab"), rig.sent - 1);
        assertFalse(underlined(shown, 3, 0), "a prediction the server's cell already matches is not underlined");
        assertTrue(rig.engine().anythingGuessed(), "still pending: the server has not held the key for 50 ms");
        shown = rig.serverFrame(screen(10, 4, "$ ab"), rig.sent);
        assertFalse(underlined(shown, 3, 0));
        assertFalse(rig.engine().anythingGuessed(), "judged once the echo ack covers it");
    }

    @Test
    void fastLinkShowsNothingUntilAGlitchThenUnderlinesAfterFiveSeconds() {
        Rig rig = confirmedAfterA(20);
        Framebuffer shown = rig.type("b");
        assertEquals("$ a       ", rowText(shown, 0), "SRTT ≤ 40 ms: predictions are not displayed");
        rig.clock.advance(249);
        assertEquals("$ a       ", rowText(rig.display(), 0));
        rig.clock.advance(1);
        shown = rig.display();
        assertEquals("$ ab      ", rowText(shown, 0), "pending 250 ms is a glitch: show");
        assertFalse(underlined(shown, 3, 0), "a 250 ms glitch shows without underlining");
        rig.clock.advance(5000 - 250 - 1);
        assertFalse(underlined(rig.display(), 3, 0));
        rig.clock.advance(1);
        assertFalse(underlined(rig.display(), 3, 0), "the frame that finds the 5 s wait was drawn before it");
        assertEquals(50, rig.composer.millisUntilRedraw(), "the underline follows at the next 50 ms wake-up");
        rig.clock.advance(50);
        shown = rig.display();
        assertTrue(underlined(shown, 3, 0), "glitch level 20 underlines");
    }

    @Test
    void wrongDisplayedPredictionResetsTheEngineAndHidesTheNextKey() {
        Rig rig = confirmedAfterA(100);
        Framebuffer shown = rig.type("x");
        assertEquals("$ ax      ", rowText(shown, 0));
        shown = rig.serverFrame(screen(10, 4, "$ ay"), rig.sent);
        assertEquals("$ ay      ", rowText(shown, 0), "the wrong guess is removed");
        assertEquals(1, rig.engine().stats().wrongDisplayed());
        assertFalse(rig.engine().anythingGuessed());
        shown = rig.type("z");
        assertEquals("$ ay      ", rowText(shown, 0), "after a reset the next key is in a new, hidden epoch");
    }

    @Test
    void insertShiftsTheTailBackspaceRestoresArrowsMoveTheCursor() {
        // "$ ab" then X typed and echoed with "cd" after it, cursor on 'c'
        Rig rig = new Rig(screen(10, 4, "$ ab"), 100, INSERT);
        rig.type("X");
        rig.serverFrame(screen(10, 4, "$ abXcd\b\b"), rig.sent);
        assertTrue(rig.engine().revealsNewGuesses());
        Framebuffer server = rig.server;

        Framebuffer shown = rig.type("Y");
        assertEquals("$ abXYcd  ", rowText(shown, 0));
        assertEquals(".....___..", underlineMap(shown, 0),
                "the shifted tail is underlined; the blank moved into column 8 and the unknown last column are not");
        assertEquals(6, shown.cursorCol());

        shown = rig.type("\u007f");
        assertEquals("$ abXcd   ", rowText(shown, 0));
        assertEquals("..........", underlineMap(shown, 0), "cells equal to the server's are not underlined");
        assertTrue(shown.cellsEqual(server));
        assertEquals(5, shown.cursorCol());

        assertEquals(4, rig.type("\033OD").cursorCol());
        assertEquals(5, rig.type("\033OC").cursorCol());
        assertEquals(6, rig.type("\033[C").cursorCol());

        shown = rig.type("\r");
        assertFalse(rig.engine().revealsNewGuesses(), "CR starts a new hidden epoch");
        assertEquals(0, shown.cursorRow(), "the cursor prediction for the next row stays hidden");
        assertEquals(6, shown.cursorCol());
    }

    @Test
    void overwriteReplacesWithoutShiftingAndBackspaceShowsAnUnderlinedSpace() {
        Rig rig = new Rig(screen(10, 4, "$ ab"), 100, OVERWRITE);
        rig.type("X");
        rig.serverFrame(screen(10, 4, "$ abXcd\b\b"), rig.sent);

        Framebuffer shown = rig.type("Y");
        assertEquals("$ abXYd   ", rowText(shown, 0), "Y replaces c, nothing shifts");
        assertEquals("....._....", underlineMap(shown, 0));

        shown = rig.type("\u007f");
        assertEquals("$ abX d   ", rowText(shown, 0));
        assertEquals("....._....", underlineMap(shown, 0), "backspace predicts an underlined space");
        assertEquals(5, shown.cursorCol());
    }

    @Test
    void typingInTheLastColumnIsPredictedInAHiddenEpoch() {
        Rig rig = new Rig(screen(10, 4, "$ "), 100, INSERT);
        rig.type("a");
        rig.serverFrame(screen(10, 4, "$ a"), rig.sent);
        Framebuffer shown = rig.type("bcdefg");
        assertEquals("$ abcdefg ", rowText(shown, 0));
        shown = rig.type("h");
        assertEquals("$ abcdefg ", rowText(shown, 0), "the last column's character is tentative");
        assertEquals(9, shown.cursorCol());
        assertEquals(0, shown.cursorRow());
    }

    @Test
    void controlKeysAndOtherSequencesHideWhatIsTypedAfterThem() {
        for (String key : new String[] {"\t", "\033[A", "\033x", "漢", "\n", "\u0003"}) {
            Rig rig = confirmedAfterA(100);
            rig.type(key);
            assertFalse(rig.engine().revealsNewGuesses(), "after " + key.replace("\033", "ESC"));
            assertEquals("$ a       ", rowText(rig.type("b"), 0), "the next key is hidden after " + key);
        }
        Rig rig = confirmedAfterA(100);
        rig.type("é");
        assertTrue(rig.engine().revealsNewGuesses(), "a Latin-1 letter is an ordinary print");
        assertEquals("$ aéb     ", rowText(rig.type("b"), 0));
    }

    @Test
    void wrongTentativePredictionKillsOnlyItsEpoch() {
        Rig rig = confirmedAfterA(100);
        rig.type("\t"); // new, unconfirmed epoch
        rig.type("q");
        assertEquals("$ a       ", rowText(rig.displayed, 0), "hidden: epoch not confirmed");
        Framebuffer shown = rig.serverFrame(screen(10, 4, "$ a   w"), rig.sent);
        assertEquals(1, rig.engine().stats().wrongHidden());
        assertEquals(0, rig.engine().stats().wrongDisplayed());
        assertEquals("$ a   w   ", rowText(shown, 0));
    }

    @Test
    void pasteResetsAndPredictsNothing() {
        Rig rig = confirmedAfterA(100);
        rig.type("b");
        assertTrue(rig.engine().anythingGuessed());
        Framebuffer shown = rig.type("x".repeat(101));
        assertFalse(rig.engine().anythingGuessed());
        assertEquals("$ a       ", rowText(shown, 0));
    }

    @Test
    void sizeChangeResets() {
        Rig rig = confirmedAfterA(100);
        rig.type("b");
        Framebuffer shown = rig.serverFrame(screen(12, 4, "$ a"), 0);
        assertFalse(rig.engine().anythingGuessed());
        assertEquals("$ a         ", rowText(shown, 0));
    }

    @Test
    void showingAndUnderliningFollowTheFrameIntervalWithHysteresis() {
        Rig rig = confirmedAfterA(31);
        assertTrue(rig.engine().showing());
        assertFalse(rig.engine().underlining());
        Framebuffer shown = rig.type("b");
        assertEquals("$ ab      ", rowText(shown, 0));
        assertFalse(underlined(shown, 3, 0), "send interval 31 shows without underline");
        rig.sendInterval = 25;
        rig.serverFrame(screen(10, 4, "$ ab"), rig.sent);
        assertTrue(rig.engine().showing(), "between 20 and 30 guesses stay shown");
        rig.sendInterval = 20;
        rig.serverFrame(screen(10, 4, "$ ab"), rig.sent);
        assertFalse(rig.engine().showing(), "≤ 20 with nothing outstanding turns display off");
        rig.sendInterval = 81;
        rig.serverFrame(screen(10, 4, "$ ab"), rig.sent);
        assertTrue(rig.engine().underlining());
        rig.sendInterval = 51;
        rig.serverFrame(screen(10, 4, "$ ab"), rig.sent);
        assertTrue(rig.engine().underlining(), "hysteresis: above 50 the underline stays");
        rig.sendInterval = 50;
        rig.serverFrame(screen(10, 4, "$ ab"), rig.sent);
        assertFalse(rig.engine().underlining());
    }

    @Test
    void initialStateShowsAndUnderlinesUntilRttIsMeasured() {
        Rig rig = new Rig(screen(10, 4, "$ "), 250, INSERT);
        rig.type("a");
        rig.serverFrame(screen(10, 4, "$ a"), rig.sent);
        Framebuffer shown = rig.type("b");
        assertTrue(underlined(shown, 3, 0));
    }

    @Test
    void neverModeLeavesTheServerFrameUntouched() {
        Rig rig = new Rig(screen(10, 4, "$ "), 100, INSERT.withPreference(DisplayPreference.NEVER));
        rig.composer.setTitlePrefix("");
        rig.type("a");
        rig.serverFrame(screen(10, 4, "$ a"), rig.sent);
        Framebuffer shown = rig.type("bc");
        assertSame(rig.server, shown);
        assertFalse(rig.engine().anythingGuessed());
    }

    @Test
    void alwaysModeShowsConfirmedPredictionsOnAFastLink() {
        Rig rig = new Rig(screen(10, 4, "$ "), 20, INSERT.withPreference(DisplayPreference.ALWAYS));
        rig.type("a");
        rig.serverFrame(screen(10, 4, "$ a"), rig.sent);
        Framebuffer shown = rig.type("b");
        assertEquals("$ ab      ", rowText(shown, 0));
        assertFalse(underlined(shown, 3, 0));
    }

    @Test
    void experimentalModeShowsEvenTheFirstKeyAndDropsWrongGuessesOneByOne() {
        Rig rig = new Rig(screen(10, 4, "$ "), 100, INSERT.withPreference(DisplayPreference.EXPERIMENTAL));
        Framebuffer shown = rig.type("ab");
        assertEquals("$ ab      ", rowText(shown, 0), "nothing is tentative in experimental mode");
        shown = rig.serverFrame(screen(10, 4, "$ aX"), rig.sent);
        assertEquals("$ aX      ", rowText(shown, 0));
        assertEquals(1, rig.engine().stats().wrongDisplayed());
    }

    @Test
    void settingsChangeWhileConnected() {
        Rig rig = confirmedAfterA(100);
        rig.composer.setSettings(PredictionSettings.DEFAULT.withPreference(DisplayPreference.NEVER));
        rig.composer.setTitlePrefix("");
        Framebuffer shown = rig.type("b");
        assertSame(rig.server, shown);
        rig.composer.setSettings(PredictionSettings.DEFAULT.withOverwrite(true));
        assertTrue(rig.engine().settings().overwrite());
    }

    @Test
    void bottomRowNewlinePredictsABlankRowWithoutScrolling() {
        Rig rig = new Rig(screen(10, 2, "\r\n$ "), 100, INSERT);
        rig.type("a");
        rig.serverFrame(screen(10, 2, "\r\n$ a"), rig.sent);
        rig.type("\r");
        assertTrue(rig.engine().anythingGuessed());
        assertEquals(1, rig.displayed.cursorRow());
    }

    @Test
    void wakesEvery50msWhileAWaitingGuessCanStillChangeTheDisplay() {
        Rig rig = confirmedAfterA(20);
        assertEquals(Integer.MAX_VALUE, rig.engine().millisUntilRecheck());
        rig.type("b");
        assertEquals(50, rig.engine().millisUntilRecheck());
        rig.clock.advance(5000);
        rig.display();
        rig.display();
        assertEquals(Integer.MAX_VALUE, rig.engine().millisUntilRecheck(),
                "shown and underlined already: waiting longer changes nothing");
    }
}
