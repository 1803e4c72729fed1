package dev.tern.widget;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk output ({@code seq}-style lines) through the whole pipeline into the widget, against the same bytes fed
 * straight into JediTermFX's own emulator, in the same run. The figures and their ratio are printed, not asserted.
 */
@ExtendWith(ApplicationExtension.class)
class ThroughputTest {
    private static final int LINES = 330_000; // about 2.5 MB
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 800, 480));
        stage.sizeToScene(); // the stage is shared: drop the size an earlier test left it at
        stage.show();
    }

    @Test
    void pipelineOutrunsJediTermFxFedDirectly(FxRobot robot) {
        byte[] bytes = ScriptedConnector.seqLines(LINES);
        double mb = bytes.length / 1e6;
        String last = String.valueOf(LINES);

        // warm up both paths a little so that the JIT does not decide the comparison
        throughPipeline(robot, ScriptedConnector.seqLines(60_000), "60000");
        direct(robot, ScriptedConnector.seqLines(20_000), "20000");

        double pipelineSeconds = throughPipeline(robot, bytes, last);
        double directSeconds = direct(robot, bytes, last);
        System.out.printf("throughput: %.2f MB seq output: pipeline %.2f s = %.1f MB/s; JediTermFX direct %.2f s = "
                        + "%.2f MB/s; ratio %.1fx%n", mb, pipelineSeconds, mb / pipelineSeconds, directSeconds,
                mb / directSeconds, directSeconds / pipelineSeconds);
        assertTrue(pipelineSeconds > 0 && directSeconds > 0);
    }

    @Test
    void seqInALocalShellTab(FxRobot robot) {
        TerminalView[] view = new TerminalView[1];
        robot.interact(() -> {
            view[0] = new TerminalView(LocalShellTabTest.plainBash(), TerminalSettings.defaults());
            stage.getScene().setRoot(view[0]);
            view[0].requestTerminalFocus();
        });
        Eventually.screenContains(view[0], "$ ");
        int count = 1_000_000;
        robot.interact(view[0]::requestTerminalFocus);
        robot.write("seq 1 " + count + "; echo seq-done");
        long start = System.nanoTime();
        robot.type(KeyCode.ENTER);
        Eventually.until(Duration.ofSeconds(120), () -> view[0].screenText().contains("\nseq-done"),
                view[0]::screenText);
        double seconds = (System.nanoTime() - start) / 1e9;
        double mb = 6_888_897 / 1e6; // bytes of `seq 1 1000000`
        System.out.printf("local tab: seq 1 %d (%.1f MB) shown in %.2f s = %.1f MB/s, %d frames%n", count, mb,
                seconds, mb / seconds, view[0].framesShown());
        assertTrue(view[0].historyText().contains(String.valueOf(count - 100)));
        robot.interact(view[0]::close);
    }

    private double throughPipeline(FxRobot robot, byte[] bytes, String lastLine) {
        ScriptedConnector connector = new ScriptedConnector(bytes, null, n -> { });
        TerminalView[] view = new TerminalView[1];
        long[] start = new long[1];
        robot.interact(() -> {
            start[0] = System.nanoTime();
            view[0] = new TerminalView(connector, TerminalSettings.defaults());
            stage.getScene().setRoot(view[0]);
        });
        Eventually.until(Duration.ofSeconds(120), () -> connector.finishedNanos != 0
                && lastScreenLine(view[0].screenText()).equals(lastLine), view[0]::screenText);
        double seconds = (System.nanoTime() - start[0]) / 1e9;
        robot.interact(view[0]::close);
        return seconds;
    }

    private double direct(FxRobot robot, byte[] bytes, String lastLine) {
        TernTerminalWidget[] widget = new TernTerminalWidget[1];
        DirectFeed feed = new DirectFeed(new String(bytes, StandardCharsets.US_ASCII));
        long[] start = new long[1];
        robot.interact(() -> {
            start[0] = System.nanoTime();
            widget[0] = new TernTerminalWidget(80, 24, new TernSettingsProvider(TerminalSettings.defaults()));
            widget[0].setTtyConnector(feed);
            stage.getScene().setRoot(widget[0].getPane());
            widget[0].start();
        });
        Eventually.until(Duration.ofSeconds(300), () -> feed.drained()
                && lastScreenLine(widget[0].getTerminalTextBuffer().getScreenLines()).equals(lastLine),
                () -> widget[0].getTerminalTextBuffer().getScreenLines());
        double seconds = (System.nanoTime() - start[0]) / 1e9;
        robot.interact(widget[0]::close);
        return seconds;
    }

    private static String lastScreenLine(String screen) {
        String[] lines = screen.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "";
    }

    /** Hands JediTermFX the whole text as fast as it reads, as a pty flooding it would. */
    private static final class DirectFeed extends FeedOnlyConnector {
        private final String text;
        private volatile int position;

        DirectFeed(String text) {
            this.text = text;
        }

        boolean drained() {
            return position >= text.length();
        }

        @Override
        public int read(char[] buf, int offset, int length) throws java.io.IOException {
            if (position >= text.length()) {
                parkForever();
            }
            int n = Math.min(length, text.length() - position);
            text.getChars(position, position + n, buf, offset);
            position += n;
            return n;
        }

        @Override
        public boolean ready() {
            return position < text.length();
        }
    }
}
