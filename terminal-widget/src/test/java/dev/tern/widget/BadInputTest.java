package dev.tern.widget;

import dev.tern.widget.connect.ConnectionState;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dying connector, a flood, a megabyte paste and a resize storm: the tab stays usable and bounded. */
@ExtendWith(ApplicationExtension.class)
class BadInputTest {
    private static final long MB = 1024 * 1024;
    @RegisterExtension
    final ShownView shown = new ShownView();
    private TerminalView view;

    private void show(FxRobot robot, dev.tern.widget.connect.TerminalConnector connector) {
        view = shown.show(robot, connector);
    }

    @Test
    void aConnectorThatDiesShowsWhyInTheTab(FxRobot robot) {
        ScriptedConnector dying = new ScriptedConnector("hello before dying\r\n".getBytes(),
                new IllegalStateException("socket reset by peer"), n -> { });
        show(robot, dying);
        Eventually.until(Duration.ofSeconds(10), () -> view.stateProperty().get() == ConnectionState.CLOSED,
                () -> String.valueOf(view.stateProperty().get()));
        Eventually.screenContains(view, "Connection lost: socket reset by peer");
        assertTrue(view.screenText().contains("hello before dying"), view.screenText());
        assertEquals("Connection lost: socket reset by peer", view.messageProperty().get());
        Eventually.until(Duration.ofSeconds(5), () -> view.bannerText().contains("socket reset"), view::bannerText);
    }

    /** Live heap (after a full GC) sampled while 60 MB of output floods through; it must not grow with the flood. */
    @Test
    void aFloodKeepsTheHeapBoundedAndTheFxThreadResponsive(FxRobot robot) throws Exception {
        int lines = 7_500_000; // about 60 MB of seq output
        byte[] flood = ScriptedConnector.seqLines(lines);
        long baseline = liveHeap();
        AtomicLong peakLive = new AtomicLong();
        AtomicLong worstFxDelayNanos = new AtomicLong();
        ScriptedConnector connector = new ScriptedConnector(flood, null, chunk -> {
            if (chunk % 160 == 0) { // every 10 MiB
                peakLive.accumulateAndGet(liveHeap(), Math::max);
                worstFxDelayNanos.accumulateAndGet(fxRoundTripNanos(), Math::max);
            }
        });
        show(robot, connector);
        Eventually.until(Duration.ofSeconds(120), () -> connector.finishedNanos != 0, () -> "flood still running");
        Eventually.screenContains(view, String.valueOf(lines));
        long growth = peakLive.get() - baseline;
        System.out.printf("flood: %d MB, live heap baseline %d MB, peak during flood %d MB (growth %d MB), "
                        + "worst FX round trip %.1f ms, history lines %d%n", flood.length / MB, baseline / MB,
                peakLive.get() / MB, growth / MB, worstFxDelayNanos.get() / 1e6,
                view.textBuffer().getHistoryLinesCount());
        // the flood (60 MB) must not be held: the view keeps a screen, 10,000 history lines and one frame in flight
        assertTrue(growth < 160 * MB, "live heap grew by " + growth / MB + " MB during a 60 MB flood");
        assertTrue(view.textBuffer().getHistoryLinesCount() <= TerminalSettings.DEFAULT_SCROLLBACK);
        assertTrue(view.historyText().endsWith(String.valueOf(lines - view.terminalSize().getRows() + 1))
                        || view.historyText().contains(String.valueOf(lines - view.terminalSize().getRows())),
                "history ends right above the screen");
    }

    @Test
    void aMegabytePasteArrivesWholeWhileTheTabStaysResponsive(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        show(robot, LocalShellTabTest.plainBash());
        Eventually.screenContains(view, "$ ");
        Path target = dir.resolve("pasted.txt");
        robot.interact(view::requestTerminalFocus);
        robot.write("stty -echo; cat > " + target + "; stty echo");
        robot.type(KeyCode.ENTER);
        StringBuilder paste = new StringBuilder();
        String line = "0123456789".repeat(9) + "abcdefghi\n"; // 100 bytes
        while (paste.length() < MB) {
            paste.append(line);
        }
        robot.interact(() -> view.paste(paste.toString()));
        long worst = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.size(target) < paste.length() && System.nanoTime() < deadline) {
            worst = Math.max(worst, fxRoundTripNanos());
            Thread.sleep(50);
        }
        robot.interact(view::requestTerminalFocus);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        Eventually.until(Duration.ofSeconds(10), () -> sizeOf(target) == paste.length(), () -> "size " + sizeOf(target));
        System.out.printf("paste: %d bytes arrived, worst FX round trip during the paste %.1f ms%n",
                sizeOf(target), worst / 1e6);
        assertEquals(paste.toString(), Files.readString(target));
    }

    @Test
    void aResizeStormEndsWithTheLastSizeAtTheShell(FxRobot robot) throws Exception {
        show(robot, LocalShellTabTest.plainBash());
        Eventually.screenContains(view, "$ ");
        for (int i = 0; i < 120; i++) {
            int w = 300 + (i * 37) % 700, h = 200 + (i * 53) % 400;
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                shown.stage().setWidth(w);
                shown.stage().setHeight(h);
                done.countDown();
            });
            assertTrue(done.await(5, TimeUnit.SECONDS), "FX thread answers during the storm");
        }
        robot.interact(() -> {
            shown.stage().setWidth(640);
            shown.stage().setHeight(400);
        });
        // JediTermFX passes a resize on after a quiet period; wait for the final one
        var size = Eventually.settledSize(view);
        ShownView.typeLine(robot, view, "stty size");
        Eventually.screenContains(view, size.getRows() + " " + size.getColumns());
        assertFalse(view.stateProperty().get() == ConnectionState.CLOSED);
        System.out.println("resize storm: final size " + size + ", frames shown " + view.framesShown());
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long fxRoundTripNanos() {
        long start = System.nanoTime();
        CountDownLatch latch = new CountDownLatch(1);
        Platform.runLater(latch::countDown);
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return System.nanoTime() - start;
    }
}
