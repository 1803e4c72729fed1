package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The 24 HostBytes vectors of docs/TERMINAL.md §4.7: the server-role renderer diffs the frame before each step
 * against the frame after it. Steps marked "then" continue the previous state; vectors 9–12 form one chain on a
 * 10×3 screen (vector 12's "over 123456789" is the row left by vectors 10 and 11).
 */
class HostBytesVectorsTest {
    private final FrameRenderer server = FrameRenderer.serverRole();

    /** Applies host output to the emulator and checks the diff of the frame before vs after. */
    private void step(Emulator e, String hostOutput, String expected) {
        Framebuffer before = e.snapshot();
        Vt.write(e, hostOutput);
        Framebuffer after = e.snapshot();
        String got = server.bytesFor(true, before, after);
        assertEquals(Vt.show(Vt.s(expected)), Vt.show(got), "host output " + hostOutput);
        // the client, holding `before`, must reach exactly `after` (modulo mosh's blank/fallback representation)
        Emulator client = Replay.clientHolding(before);
        client.write(Vt.utf8(got));
        FramebufferAssert.sameScreen(after, client.framebuffer());
    }

    @Test
    void vectors1to5() {
        Emulator e = new Emulator(10, 4, Repertoire.MOSH);
        step(e, "hello", "hello");
        step(e, "\\r\\nworld\\e[1mB\\e[0m", "\\e[?25l\\r\\nworld\\e[0;1mB\\e[?25h\\e[0m");
        step(e, "abcdefghijKL", "abc\\e[?25l\\e[2;10HdefghijKL\\e[?25h");
        step(e, "\\e[31;42mx\\e[K", "\\e[0;31;42mx\\e[0;42m\\e[K\\e[0;31;42m");
        step(e, "\\e[0m\\e[2J\\e[H", "\\e[?25l\\e[1;1H\\e[0m\\e[K\\n\\e[K\\n\\e[K\\e[1;1H\\e[?25h");
    }

    @Test
    void vectors6to8() {
        Emulator e = new Emulator(10, 4, Repertoire.MOSH);
        Vt.write(e, "l1\\r\\nl2\\r\\nl3\\r\\nl4");
        step(e, "\\r\\nl5", "\\e[0m\\r\\nl5");
        step(e, "\\r\\nl6\\r\\nl7", "\\e[0m\\r\\n\\n\\e[?25l\\e[3;1Hl6\\r\\nl7\\e[?25h");
        step(e, "\\e[1;3r\\e[3;1H\\nX\\e[r\\e[4;1H", "\\e[0m\\e[1;3r\\e[?25l\\e[3;1H\\n\\e[r\\e[3;1HX\\r\\n\\e[?25h");
    }

    @Test
    void vectors9to12() {
        Emulator e = new Emulator(10, 3, Repertoire.MOSH);
        step(e, "ab中c", "ab中c");
        step(e, "\\r\\n123456789中", "\\e[?25l\\r\\n123456789\\r\\n中\\e[?25h");
        step(e, "\\r\\n\u0301z", "\\e[0m\\r\\n\u00a0\u0301z");
        step(e, "\\e[H\\e[44m\\e[6X", "\\e[?25l\\e[1;1H\\e[0;44m\\e[6X\\e[1;7H\\e[0m7\\r\\e[?25h\\e[0;44m");
    }

    @Test
    void vector13() {
        Emulator e = new Emulator(12, 2, Repertoire.MOSH);
        Vt.write(e, "abcdefghijkl");
        step(e, "\\e[1;2H\\e[4X\\e[1;8H\\e[44m\\e[5X", "\\e[?25l\\e[1;2H    f\\e[1;8H\\e[0;44m\\e[K\\e[?25h");
    }

    @Test
    void vectors14to17() {
        step(new Emulator(10, 3, Repertoire.MOSH), "\\e]0;hi\\a", "\\e]0;hi\\a");
        step(new Emulator(10, 3, Repertoire.MOSH), "\\e]1;ic\\a\\e]2;ti\\e\\\\", "\\e]1;ic\\a\\e]2;ti\\a");
        step(new Emulator(10, 3, Repertoire.MOSH), "\\a\\a", "\\a");
        step(new Emulator(10, 3, Repertoire.MOSH), "\\e]52;c;aGVsbG8=\\a", "\\e]52;c;aGVsbG8=\\a");
    }

    @Test
    void vectors18to21() {
        Emulator e = new Emulator(10, 3, Repertoire.MOSH);
        step(e, "\\e[?1000h\\e[?1006h\\e[?2004h\\e[?1004h\\e[?5h\\e[?25l",
                "\\e[?5h\\e[?25l\\e[?2004h\\e[?1000h\\e[?1004h\\e[?1006h");
        step(e, "\\e[?1002h\\e[?1015h", "\\e[?1000l\\e[?1002h\\e[?1006l\\e[?1015h");
        step(e, "\\e[?1002l\\e[?1006l\\e[?1007h",
                "\\e[?1003l\\e[?1002l\\e[?1001l\\e[?1000l\\e[?1015l\\e[?1006l\\e[?1005l");
        step(e, "\\e[?1h\\e[?7l\\e[?6h\\e[4h", "");
    }

    @Test
    void vector22ResizeRepaint() {
        Emulator e = new Emulator(6, 3, Repertoire.MOSH);
        Vt.write(e, "abcdefghijklmnopq");
        Framebuffer before = e.snapshot();
        e.resize(8, 4);
        Framebuffer after = e.snapshot();
        assertEquals(Vt.show(Vt.s("\\e[r\\e[0m\\e[H\\e[2J\\e[?25labcdef\\e[K\\r\\nghijkl\\e[K\\r\\nmnopq\\e[K\\r\\n\\e[K"
                        + "\\e[3;6H\\e[?25h\\e[0m\\e[?2004l\\e[?1003l\\e[?1002l\\e[?1001l\\e[?1000l\\e[?1004l\\e[?1015l"
                        + "\\e[?1006l\\e[?1005l")),
                Vt.show(server.bytesFor(true, before, after)));
    }

    @Test
    void vectors23and24() {
        step(new Emulator(5, 2, Repertoire.MOSH), "\\e]2;a\\x01b\\a", "\\e]1;\\a\\e]2;ab\\a");
        step(new Emulator(5, 2, Repertoire.MOSH), "\\e[44mabcde\\e[1;2H\\e[2@\\e[1P", "\\e[0;44ma bc\\e[K\\b\\b\\b");
    }

    @Test
    void clientStartupFrame() {
        Framebuffer blank = new Emulator(5, 3).snapshot();
        assertEquals(Vt.show(Vt.s("\\e[?5l\\e[r\\e[0m\\e[H\\e[2J\\e[?25l\\e[K\\n\\e[K\\n\\e[K\\e[1;1H\\e[?25h\\e[0m\\e[?2004l"
                        + "\\e[?1003l\\e[?1002l\\e[?1001l\\e[?1000l\\e[?1004l\\e[?1015l\\e[?1006l\\e[?1005l")),
                Vt.show(server.bytesFor(false, blank, blank)));
    }
}
