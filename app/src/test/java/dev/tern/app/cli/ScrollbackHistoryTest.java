package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Row;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What {@link ScrollbackHistory} hands to the terminal's scrollback, from a recording and from the frames. */
class ScrollbackHistoryTest {
    private static final int W = 80, H = 5;
    private final AtomicLong clock = new AtomicLong();
    /** The live session: what mosh-server's screen shows. */
    private final Emulator live = new Emulator(W, H);
    private final List<String> scrollback = new ArrayList<>();
    private Framebuffer shown;

    private static byte[] lines(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i <= to; i++) {
            out.append("line ").append(i).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void output(ScrollbackHistory history, int from, int to, boolean recorded) {
        byte[] bytes = lines(from, to);
        live.write(bytes);
        if (recorded) {
            history.recorded(bytes, bytes.length);
        }
    }

    private void frame(ScrollbackHistory history) {
        Framebuffer next = live.snapshot();
        for (Row row : history.afterFrame(shown, next)) {
            scrollback.add(row.text().strip());
        }
        shown = next;
    }

    private static String summary(List<String> rows) {
        return rows.size() + " rows, " + (rows.isEmpty() ? "" : rows.getFirst() + " … " + rows.getLast());
    }

    private static List<String> expected(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add("line " + i);
        }
        return out;
    }

    @Test
    void rowsFromTheRecordingGoOutOnceTheyAreAboveTheLiveScreen() {
        ScrollbackHistory history = ScrollbackHistory.recorded(W, H, clock::get);
        frame(history);
        output(history, 1, 100, true);
        frame(history); // mosh showed only the last screen: the 96 lines before it come from the recording
        frame(history);
        assertEquals(expected(1, 96), scrollback);
        output(history, 101, 103, false); // the recording has not got these yet: nothing goes out early
        frame(history);
        assertEquals(expected(1, 96), scrollback);
        history.recorded(lines(101, 103), lines(101, 103).length);
        frame(history);
        assertEquals(expected(1, 99), scrollback);
    }

    @Test
    void aRecordingDownLongerThanThePatienceGivesWayToTheFramesAndTakesOverAgainWithoutRepeats() {
        ScrollbackHistory history = ScrollbackHistory.recorded(W, H, clock::get);
        frame(history);
        output(history, 1, 10, true);
        frame(history);
        assertEquals(expected(1, 6), scrollback);
        history.unavailable("the history connection is down", false);
        output(history, 11, 50, false);
        frame(history);
        assertEquals(expected(1, 6), scrollback, "within the patience the recording is waited for");
        clock.addAndGet(ScrollbackHistory.PATIENCE.toNanos());
        frame(history);
        assertEquals(7, scrollback.size());
        assertTrue(scrollback.get(6).contains("lines not received (the history connection is down)"),
                scrollback.get(6));
        output(history, 51, 51, false);
        frame(history); // one line scrolled, seen by the frames
        assertEquals("line 47", scrollback.getLast());
        // the recording comes back with everything it missed: only what follows goes out, nothing twice
        history.available();
        history.recorded(lines(11, 51), lines(11, 51).length);
        frame(history);
        output(history, 52, 60, true);
        frame(history);
        List<String> want = new ArrayList<>(expected(1, 6));
        want.add(scrollback.get(6));
        want.addAll(expected(47, 56));
        assertEquals(want, scrollback);
    }

    @Test
    void aRecordingThatIsGoneForGoodIsMarkedAtOnce() {
        ScrollbackHistory history = ScrollbackHistory.recorded(W, H, clock::get);
        frame(history);
        history.unavailable("the server has no 'script' to record them", true);
        output(history, 1, 30, false);
        frame(history);
        assertEquals(1, scrollback.size());
        assertTrue(scrollback.getFirst().startsWith("… lines not received (the server has no"), scrollback.getFirst());
    }

    @Test
    void withoutARecordingTheFramesGiveTheRowsTheySawAndOneMarkerPerGap() {
        ScrollbackHistory history = ScrollbackHistory.fromFrames("complete history is off");
        frame(history);
        output(history, 1, 4, false);
        frame(history);
        output(history, 5, 6, false);
        frame(history); // two rows scrolled off in sight
        assertEquals(expected(1, 2), scrollback);
        output(history, 7, 40, false);
        frame(history);
        output(history, 41, 80, false);
        frame(history);
        assertEquals(List.of("line 1", "line 2", "line 3", "line 4", "line 5", "line 6",
                "… lines not received (complete history is off) …", "line 37", "line 38", "line 39",
                "line 40", "… lines not received (complete history is off) …"), scrollback);
    }

    @Test
    void aRecordingFarBehindTheScreenLetsItsOldestRowsGoWithoutAMatch() {
        ScrollbackHistory history = ScrollbackHistory.recorded(W, H, clock::get);
        frame(history);
        int many = 3 * ScrollbackHistory.HOLD_ROWS;
        output(history, 1, many + 1000, false);
        history.recorded(lines(1, many), lines(1, many).length);
        frame(history);
        assertTrue(scrollback.size() >= many - ScrollbackHistory.HOLD_ROWS
                && expected(1, scrollback.size()).equals(scrollback), () -> "the oldest go out: " + summary(scrollback));
        history.recorded(lines(many + 1, many + 1000), lines(many + 1, many + 1000).length);
        frame(history);
        assertTrue(expected(1, many + 1000 - H + 1).equals(scrollback),
                () -> "then the rest up to the live screen: " + summary(scrollback));
    }
}
