package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Snapshots share unchanged rows and never change; copies carry the parser state and evolve independently. */
class SnapshotTest {

    @Test
    void snapshotSharesRowsUntilTheyChange() {
        Emulator e = new Emulator(10, 3);
        Vt.write(e, "one\r\ntwo\r\nthree");
        Framebuffer s = e.snapshot();
        for (int y = 0; y < 3; y++) {
            assertSame(s.row(y), e.framebuffer().row(y));
        }
        Vt.write(e, "\033[1;1HONE");
        assertNotSame(s.row(0), e.framebuffer().row(0));
        assertSame(s.row(1), e.framebuffer().row(1));
        assertEquals("one       ", s.row(0).text());
        assertEquals("ONE       ", e.framebuffer().row(0).text());
        assertEquals(s.row(0).generation(), e.framebuffer().row(0).generation());
    }

    @Test
    void snapshotIsUnaffectedByEverythingLater() {
        Emulator e = new Emulator(6, 3);
        Vt.write(e, "abc\033]0;t\007\033[31m");
        Framebuffer s = e.snapshot();
        String text = s.toString();
        Vt.write(e, "\033[2J\033[Lxyz\033]0;u\007\033[1;2r\n\n\n\033[?5h\033c");
        e.resize(3, 2);
        assertEquals(text, s.toString());
        assertEquals("t", s.title());
        assertEquals(31, Renditions.foreground(s.renditions()));
        assertFalse(s.reverseVideo());
    }

    @Test
    void copyIncludesThePartlyParsedSequence() {
        Emulator e = new Emulator(10, 2);
        Vt.write(e, "\033[3");
        Emulator c = e.copy();
        Vt.write(c, "1mx");
        Vt.write(e, "2mx");
        assertEquals(31, Renditions.foreground(c.framebuffer().cell(0, 0).renditions()));
        assertEquals(32, Renditions.foreground(e.framebuffer().cell(0, 0).renditions()));
        assertTrue(c.parserInGround());
    }

    @Test
    void copyKeepsAPartialUtf8Character() {
        Emulator e = new Emulator(10, 2);
        byte[] han = "中".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        e.write(han, 0, 1);
        Emulator c = e.copy();
        c.write(han, 1, 2);
        assertEquals("中", c.framebuffer().row(0).contents(0));
        assertEquals("", e.framebuffer().row(0).contents(0));
    }

    @Test
    void equalityFollowsMosh() {
        Emulator e = new Emulator(10, 2);
        Framebuffer a = e.snapshot();
        Vt.write(e, "\033]1;icon only\007\033[?1h\033[3g\033[?7l");
        Framebuffer b = e.snapshot();
        assertEquals(a, b);  // icon name, DECCKM, tabs and autowrap are not part of mosh's equality
        Vt.write(e, "\033]2;title\007");
        assertFalse(a.equals(e.snapshot()));
    }

    @Test
    void snapshotCostIsIndependentOfWidth() {
        Emulator narrow = new Emulator(10, 50), wide = new Emulator(2000, 50);
        Vt.write(narrow, "x");
        Vt.write(wide, "x");
        Framebuffer s1 = narrow.snapshot(), s2 = wide.snapshot();
        // rows are shared, not copied: a snapshot holds the same row objects
        for (int y = 0; y < 50; y++) {
            assertSame(s1.row(y), narrow.framebuffer().row(y));
            assertSame(s2.row(y), wide.framebuffer().row(y));
        }
    }
}
