package dev.tern.widget;

import dev.tern.widget.history.CompactHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The widget's history is exact whichever way lines reach it: scrolled by the widget's parser (small scrolls the
 * renderer detects), added in a batch (more than a screenful between frames), or not at all (alternate screen).
 */
@ExtendWith(ApplicationExtension.class)
class HistoryTest {
    @RegisterExtension
    final ShownView shown = new ShownView();
    private TerminalView view;

    private void play(FxRobot robot, byte[] output, int chunkSize, int pauseMillis) {
        // the pause between chunks spreads the output over many frames, as a program's output arrives
        ScriptedConnector connector = new ScriptedConnector(output, chunkSize, null, n -> sleep(pauseMillis)).gated();
        view = shown.show(robot, connector);
        // a screen that grows adds blank rows below (as mosh does), so start once the view has its final size
        Eventually.until(Duration.ofSeconds(10), () -> connector.resizes.contains(view.textBuffer().getWidth() + "x"
                + view.textBuffer().getHeight()), () -> connector.resizes.toString());
        connector.go.countDown();
        Eventually.until(Duration.ofSeconds(30), () -> connector.finishedNanos != 0, () -> "still playing");
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
    }

    private void assertHistoryIsExactly(int lines) {
        // after the last "N\r\n" the cursor sits on an empty bottom row, so the screen shows the last rows-1 lines
        java.util.function.IntSupplier lastInHistory = () -> lines - (view.textBuffer().getHeight() - 1);
        Eventually.until(Duration.ofSeconds(10),
                () -> view.historyText().endsWith("\n" + lastInHistory.getAsInt()),
                () -> "size " + view.terminalSize() + " buffer " + view.textBuffer().getWidth() + "x"
                        + view.textBuffer().getHeight() + "\nscreen:\n" + view.screenText() + "\nhistory:"
                        + describe(view.historyText()));
        assertEquals(numbers(1, lastInHistory.getAsInt()), List.of(view.historyText().split("\n")));
    }

    /** Gaps and repeats in a history of consecutive numbers, for failure messages. */
    private static String describe(String history) {
        String[] lines = history.split("\n");
        StringBuilder sb = new StringBuilder(lines.length + " lines, first " + lines[0] + ", last "
                + lines[lines.length - 1]);
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].equals(String.valueOf(Integer.parseInt(lines[i - 1].strip()) + 1))) {
                sb.append("; after ").append(lines[i - 1]).append(" comes ").append(lines[i]);
            }
        }
        return sb.toString();
    }

    private static String tail(String s) {
        return s.length() < 300 ? s : "…" + s.substring(s.length() - 300);
    }

    @Test
    void slowOutputScrolledByTheWidgetItself(FxRobot robot) {
        int lines = 400;
        play(robot, ScriptedConnector.seqLines(lines), 13, 2);
        Eventually.screenContains(view, "\n" + lines + " ");
        assertHistoryIsExactly(lines);
    }

    @Test
    void fastOutputAddedInBatches(FxRobot robot) {
        int lines = 5000;
        play(robot, ScriptedConnector.seqLines(lines), 4096, 1);
        Eventually.screenContains(view, "\n" + lines + " ");
        assertHistoryIsExactly(lines);
        // the lines were read back above from the compact store, not from the library's own list; once output
        // paused, all but the newest are packed
        CompactHistory history = assertInstanceOf(CompactHistory.class, view.textBuffer().getHistoryBuffer());
        Eventually.until(Duration.ofSeconds(5), () -> history.getLineCount() - history.packedLines()
                <= CompactHistory.HOT_LINES, () -> history.packedLines() + " of " + history.getLineCount() + " packed");
        assertHistoryIsExactly(lines);
    }

    @Test
    void aFullScreenProgramLeavesNoTraceInTheHistory(FxRobot robot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ScriptedConnector.seqLines(100));
        out.writeBytes("\033[?1049h".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 200; i++) {
            out.writeBytes(("full-screen line " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        // the switch back and the next 60 lines arrive together, so they land in one frame
        while (out.size() % 512 != 0) {
            out.write(0);
        }
        out.writeBytes("\033[?1049l".getBytes(StandardCharsets.US_ASCII));
        for (int i = 101; i <= 160; i++) {
            out.writeBytes((i + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = out.toByteArray();
        play(robot, bytes, 512, 3);
        Eventually.screenContains(view, "\n160 ");
        sleep(200); // on purpose: a later frame must not bring the full-screen lines into the history either
        assertFalse(view.historyText().contains("full-screen"), tail(view.historyText()));
        assertFalse(view.screenText().contains("full-screen"), view.screenText());
        assertHistoryIsExactly(160);
    }

    @Test
    void shrinkingTheWindowKeepsTheNewestLinesAndTheHistoryExact(FxRobot robot) {
        int lines = 200;
        play(robot, ScriptedConnector.seqLines(lines), 4096, 1);
        Eventually.screenContains(view, "\n" + lines + " ");
        assertHistoryIsExactly(lines);
        robot.interact(() -> shown.stage().setHeight(shown.stage().getHeight() - 120));
        Eventually.until(Duration.ofSeconds(10), () -> view.terminalSize().getRows() == view.textBuffer().getHeight(),
                () -> view.terminalSize() + " vs " + view.textBuffer().getHeight());
        sleep(200); // on purpose: any frame the shrink brings lands before we check that nothing was lost
        Eventually.screenContains(view, "\n" + lines + " ");
        assertHistoryIsExactly(lines);
    }
}
