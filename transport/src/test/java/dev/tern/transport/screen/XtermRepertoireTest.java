package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What local and SSH tabs get on top of mosh's repertoire, and that mosh's own behaviour is unchanged. */
class XtermRepertoireTest {

    private static Emulator xterm(int w, int h, String out) {
        Emulator e = new Emulator(w, h, Repertoire.XTERM);
        Vt.write(e, out);
        return e;
    }

    @Test
    void alternateScreenSavesAndRestoresThePrimaryScreen() {
        Emulator e = xterm(10, 3, "shell$ ls\r\nfiles");
        Vt.write(e, "\033[?1049h\033[2J\033[Hvim screen");
        assertTrue(e.alternateScreenActive());
        assertEquals("vim screen", e.framebuffer().row(0).text());
        Vt.write(e, "\033[?1049l");
        assertFalse(e.alternateScreenActive());
        assertEquals("shell$ ls ", e.framebuffer().row(0).text());
        assertEquals(1, e.framebuffer().cursorRow());
        assertEquals(5, e.framebuffer().cursorCol());
    }

    @Test
    void alternateScreenSurvivesResizeAndCopy() {
        Emulator e = xterm(10, 3, "primary\033[?1049h\033[Halt");
        e.resize(12, 4);
        Emulator c = e.copy();
        Vt.write(c, "\033[?1049l");
        assertEquals("primary     ", c.framebuffer().row(0).text());
        assertEquals("alt         ", e.framebuffer().row(0).text());
    }

    @Test
    void repeatsThePreviousCharacter() {
        assertEquals("ab-----   ", xterm(10, 1, "ab-\033[4b").framebuffer().row(0).text());
    }

    @Test
    void lineDrawingCharacterSet() {
        assertEquals("┌──┐x", xterm(5, 1, "\033(0lqqk\033(Bx").framebuffer().row(0).text());
    }

    @Test
    void cursorNextAndPreviousLineAndCsiSaveRestore() {
        Emulator e = xterm(10, 5, "abc\033[2Ex\033[sabc\033[1;1H\033[u!\033[F?");
        assertEquals("x!bc      ", e.framebuffer().row(2).text());
        assertEquals("?", e.framebuffer().row(1).contents(0));
    }

    @Test
    void eraseScrollbackIsForwarded() {
        ScrollbackBuffer history = new ScrollbackBuffer(10);
        Emulator e = Vt.xtermWithHistory(10, 2, history);
        Vt.write(e, "a\r\nb\r\nc\033[3J");
        assertTrue(history.takeClearRequest());
        assertTrue(history.drain().isEmpty());
    }

    @Test
    void keypadModeAndCursorStyleAreTrackedForKeyEncodingAndPainting() {
        Emulator e = xterm(10, 2, "\033=\033[5 qab");
        assertTrue(e.framebuffer().applicationKeypad());
        assertEquals(5, e.framebuffer().cursorStyle());
        Vt.write(e, "\033>\033[ q");
        assertFalse(e.framebuffer().applicationKeypad());
        assertEquals(0, e.framebuffer().cursorStyle());
        // in mosh's repertoire ESC = still cancels a pending wrap
        Emulator m = new Emulator(3, 2, Repertoire.MOSH);
        Vt.write(m, "abc\033=d");
        assertEquals("abd", m.framebuffer().row(0).text());
    }

    @Test
    void moshRepertoireIgnoresAllOfThem() {
        Emulator e = new Emulator(10, 2, Repertoire.MOSH);
        Vt.write(e, "ab\033[3b\033(0q\033[?1049hc");
        assertEquals("abqc      ", e.framebuffer().row(0).text());
    }
}
