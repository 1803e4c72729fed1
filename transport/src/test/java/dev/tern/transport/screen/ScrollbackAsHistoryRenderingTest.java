package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The renderer for a terminal whose scrollback is the session's history (the CLI's {@code --no-init}): a terminal
 * (Tern's own emulator, with its scrollback sink standing for the terminal's scrollback) gets exactly the rows
 * {@link FrameRenderer#intoScrollback} appends, in order, and nothing from painting frames, however they change.
 */
class ScrollbackAsHistoryRenderingTest {
    private static final int W = 30, H = 6;
    private final FrameRenderer renderer = new FrameRenderer(
            FrameRenderer.Capabilities.CLIENT.withScrollbackAsHistory());
    private final Emulator terminal = new Emulator(W, H);
    private final List<String> scrollback = new ArrayList<>();
    private final List<Row> scrollbackRows = new ArrayList<>();

    ScrollbackAsHistoryRenderingTest() {
        terminal.setScrollbackSink(row -> {
            scrollback.add(row.text().stripTrailing());
            scrollbackRows.add(row);
        });
    }

    private void send(String bytes) {
        terminal.write(bytes.getBytes(StandardCharsets.UTF_8));
    }

    private static Framebuffer screen(String hostBytes) {
        Emulator remote = new Emulator(W, H);
        remote.write(hostBytes.getBytes(StandardCharsets.UTF_8));
        return remote.snapshot();
    }

    @Test
    void paintingFramesNeverScrollsNorClearsIntoTheScrollback() {
        Framebuffer shown = new Framebuffer(W, H);
        send(renderer.bytesFor(false, shown, shown));
        StringBuilder output = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            output.append("line ").append(i).append("\r\n");
            Framebuffer next = screen(output.toString());
            String bytes = renderer.bytesFor(i % 7 != 0, shown, next); // now and then a full repaint
            assertFalse(bytes.contains("\033[2J"), "no full clear: terminals keep what it removes");
            send(bytes);
            assertEquals(next.screenText(), terminal.framebuffer().screenText(), "the frame is shown after " + i);
            shown = next;
        }
        assertEquals(List.of(), scrollback, "frames put nothing into the scrollback");
    }

    @Test
    void rowsGoIntoTheScrollbackInOrderAndTheFrameIsRepaintedAfter() {
        Framebuffer shown = screen("prompt$ ls\r\na b c\r\nprompt$ ");
        send(renderer.bytesFor(false, new Framebuffer(W, H), shown));
        List<Row> rows = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        Framebuffer source = screen("\033[1;31mred\033[m row\r\n" + "x".repeat(W) + "y\r\n");
        rows.add(source.row(0));
        expected.add("red row");
        rows.add(source.row(1)); // a full-width row that soft-wraps into the next
        expected.add("x".repeat(W));
        for (int i = 1; i <= 2 * H + 3; i++) { // more than two screenfuls
            Framebuffer one = screen("history " + i);
            rows.add(one.row(0));
            expected.add("history " + i);
        }
        send(renderer.intoScrollback(rows, W, H));
        send(renderer.bytesFor(false, shown, shown));
        assertEquals(expected, scrollback);
        assertEquals(shown.screenText(), terminal.framebuffer().screenText(), "the live screen is back");
        assertEquals(source.row(0).renditions(0), scrollbackRows.getFirst().renditions(0), "attributes are kept");
        assertTrue(source.row(0).renditions(0) != source.row(0).renditions(4), "the row has red and plain cells");
        assertEquals(source.row(0).renditions(4), scrollbackRows.getFirst().renditions(4));
    }

    @Test
    void rowsOfAnotherWidthAreCutToTheTerminal() {
        Emulator wide = new Emulator(W + 10, 2);
        wide.write(("z".repeat(W + 10)).getBytes(StandardCharsets.UTF_8));
        send(renderer.intoScrollback(List.of(wide.framebuffer().row(0)), W, H));
        assertEquals(List.of("z".repeat(W)), scrollback);
    }
}
