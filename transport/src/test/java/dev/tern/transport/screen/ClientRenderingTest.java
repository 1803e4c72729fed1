package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client role: scrolled-off lines for a view's history, and the bottom-right corner (docs/TERMINAL.md §4.6 item 2).
 */
class ClientRenderingTest {

    @Test
    void bottomRightCornerWorkedExample() {
        FrameRenderer server = FrameRenderer.serverRole();
        Emulator host = new Emulator(6, 3, Repertoire.MOSH);
        Framebuffer blank = host.snapshot();
        Vt.write(host, "abcdefghijklmnopqr");
        Framebuffer first = host.snapshot();
        String bytes1 = server.bytesFor(true, blank, first);
        assertEquals(Vt.show(Vt.s("abcde\\e[?25l\\e[1;6Hfghijk\\e[2;6Hlmnopqr\\b\\e[?25h")), Vt.show(bytes1));
        Vt.write(host, "\\e[3;6HZ");
        Framebuffer second = host.snapshot();
        String bytes2 = server.bytesFor(true, first, second);
        assertEquals(Vt.show("Z\b"), Vt.show(bytes2));

        // mosh-client's own emulator ends one column off ...
        Emulator moshClient = new Emulator(6, 3, Repertoire.MOSH);
        moshClient.write(Vt.utf8(bytes1));
        assertEquals(4, moshClient.framebuffer().cursorCol());
        moshClient.write(Vt.utf8(bytes2));
        assertEquals("mnopZr", moshClient.framebuffer().row(2).text());
        // ... ours (the mitigation of docs/TERMINAL.md §4.6 item 2) holds exactly the server's frame
        Emulator ours = new Emulator(6, 3);
        ours.write(Vt.utf8(bytes1));
        FramebufferAssert.sameScreen(first, ours.framebuffer());
        ours.write(Vt.utf8(bytes2));
        assertEquals("mnopqZ", ours.framebuffer().row(2).text());
        FramebufferAssert.sameScreen(second, ours.framebuffer());
    }

    @Test
    void clientRoleNeverBackspacesOutOfTheCorner() {
        Emulator host = new Emulator(6, 3);
        Framebuffer blank = host.snapshot();
        Vt.write(host, "abcdefghijklmnopqr");
        String out = FrameRenderer.clientRole().bytesFor(true, blank, host.snapshot());
        assertFalse(out.contains("\b"), Vt.show(out));
        assertTrue(out.endsWith("\033[3;6H\033[?25h"), Vt.show(out));
    }

    @Test
    void scrolledOffLinesAreReportedInOrder() {
        FrameRenderer client = FrameRenderer.clientRole();
        Emulator e = new Emulator(8, 4);
        Emulator view = new Emulator(8, 4, Repertoire.XTERM);
        List<String> history = new ArrayList<>();
        Framebuffer last = e.snapshot();
        int n = 0;
        for (int frame = 0; frame < 40; frame++) {
            int lines = 1 + frame % 3;  // at most 3 new lines per frame: scroll detection sees them
            for (int i = 0; i < lines; i++) {
                n++;
                Vt.write(e, (n == 1 ? "" : "\r\n") + "line" + n);
            }
            Framebuffer next = e.snapshot();
            RenderResult r = client.render(true, last, next);
            view.write(Vt.utf8(r.bytes()));
            r.scrolledOff().forEach(row -> history.add(row.text().strip()));
            FramebufferAssert.sameScreen(next, view.framebuffer());
            last = next;
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= n - 4; i++) {
            expected.add("line" + i);
        }
        assertEquals(expected, history);
    }

    @Test
    void emulatorSinkSeesEveryScrolledLineEvenBetweenFrames() {
        ScrollbackBuffer history = new ScrollbackBuffer(1000);
        Emulator e = Vt.xtermWithHistory(10, 3, history);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            sb.append(i).append("\r\n");
        }
        Vt.write(e, sb.toString());
        List<Row> rows = history.drain();
        assertEquals(98, rows.size());
        assertEquals("1", rows.get(0).text().strip());
        assertEquals("98", rows.get(97).text().strip());
        assertEquals("99", e.framebuffer().row(0).text().strip());
        assertTrue(history.drain().isEmpty());
    }

    @Test
    void scrollbackBufferIsBounded() {
        ScrollbackBuffer history = new ScrollbackBuffer(10);
        Emulator e = Vt.xtermWithHistory(10, 2, history);
        Vt.write(e, "x\r\n".repeat(1000));
        assertEquals(10, history.drain().size());
        assertEquals(989, history.dropped());
    }

    @Test
    void regionScrollsAndTheAlternateScreenDoNotFeedHistory() {
        ScrollbackBuffer history = new ScrollbackBuffer(100);
        Emulator e = Vt.xtermWithHistory(10, 4, history);
        Vt.write(e, "\033[2;4r\033[4;1H\n\n\n\033[r\033[?1049h\033[4;1H\n\n\n");
        assertTrue(history.drain().isEmpty());
        Vt.write(e, "\033[?1049l\033[4;1H\n");
        assertEquals(1, history.drain().size());
    }

    @Test
    void copiesStartWithoutASink() {
        ScrollbackBuffer history = new ScrollbackBuffer(100);
        Emulator e = Vt.xtermWithHistory(10, 2, history);
        Emulator c = e.copy();
        Vt.write(c, "a\r\nb\r\nc\r\n");
        assertTrue(history.drain().isEmpty());
    }
}
