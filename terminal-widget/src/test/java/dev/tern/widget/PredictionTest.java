package dev.tern.widget;

import com.techsenger.jeditermfx.core.TextStyle;
import dev.tern.testbed.MoshServer;
import dev.tern.testbed.UdpImpairmentProxy;
import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.MoshConnector;
import dev.tern.widget.connect.MoshServerAddress;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mosh local echo at 300 ms round trip (through the impairment proxy): typed characters appear in the widget long
 * before the server could echo them, underlined while unconfirmed. Prints the key-to-glyph latency.
 */
@ExtendWith(ApplicationExtension.class)
class PredictionTest {
    @RegisterExtension
    final ShownView shown = new ShownView();
    private TerminalView view;
    @AutoClose
    private MoshServer server;
    @AutoClose
    private UdpImpairmentProxy proxy;

    @Test
    void typedCharactersShowAtOnceUnderlinedAt300MsRoundTrip(FxRobot robot) throws Exception {
        server = MoshServer.plainBash();
        proxy = UdpImpairmentProxy.start(server.address(), 11);
        proxy.setDelay(Duration.ofMillis(150), Duration.ZERO);
        MoshConnector connector = new MoshConnector("mosh-300ms",
                progress -> new MoshServerAddress(proxy.listenAddress(), server.key()));
        view = shown.show(robot, connector);
        Eventually.until(Duration.ofSeconds(30), () -> view.stateProperty().get() == ConnectionState.CONNECTED,
                () -> view.stateProperty().get() + " " + view.messageProperty().get());
        Eventually.screenContains(view, "$ ");
        Eventually.settledSize(view);
        // the first keystrokes of an epoch stay hidden until the server confirms one (docs/TERMINAL.md §6.2)
        robot.interact(view::requestTerminalFocus);
        robot.write("echo ");
        Eventually.screenContains(view, "$ echo ");
        // RTT samples: the smoothed RTT settles near 300 ms, which turns underlining on
        Eventually.until(Duration.ofSeconds(15), () -> {
            Duration rtt = view.roundTripProperty().get();
            return rtt != null && rtt.toMillis() >= 200 && rtt.toMillis() <= 600;
        }, () -> "smoothed RTT " + view.roundTripProperty().get());

        int row = rowOf("$ echo ");
        int column = "$ echo ".length();
        List<Long> latencies = new ArrayList<>();
        int underlinedAtFirstSight = 0;
        String word = "predictedglyphs";
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int x = column + i;
            int y = row;
            long start = System.nanoTime();
            Platform.runLater(() -> view.lookupAll("*").stream()
                    .filter(n -> n instanceof javafx.scene.canvas.Canvas).findFirst()
                    .ifPresent(canvas -> canvas.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "",
                            KeyCode.UNDEFINED, false, false, false, false))));
            while (view.textBuffer().getLine(y).charAt(x) != c
                    && System.nanoTime() - start < 2_000_000_000L) {
                Thread.onSpinWait();
            }
            latencies.add(System.nanoTime() - start);
            TextStyle style = view.textBuffer().getStyleAt(x, y);
            if (style != null && style.hasOption(TextStyle.Option.UNDERLINED)) {
                underlinedAtFirstSight++;
            }
            if (i == word.length() - 1) {
                BufferedImage[] shot = new BufferedImage[1];
                robot.interact(() -> shot[0] = Screenshots.take(view));
                Path file = Screenshots.save(shot[0], "mosh-predictions-300ms");
                Screenshots.grabRealScreen("mosh-predictions-300ms");
                System.out.println("screenshot " + file);
            }
            Thread.sleep(40); // a person's pace: each key's latency is measured on its own
        }
        Collections.sort(latencies);
        double p50 = latencies.get(latencies.size() / 2) / 1e6;
        double p99 = latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1)) / 1e6;
        System.out.printf("prediction at 300 ms RTT: key event to glyph in the widget's buffer p50 %.1f ms, "
                        + "p99 %.1f ms (%d keys), %d of them underlined when first shown, rtt %s%n", p50, p99,
                latencies.size(), underlinedAtFirstSight, view.roundTripProperty().get());
        assertTrue(underlinedAtFirstSight > 0, "unconfirmed predictions are shown underlined");
        Eventually.screenContains(view, "$ echo " + word);
        Eventually.until(Duration.ofSeconds(5), () -> !view.textBuffer().getStyleAt(column, rowOf("$ echo "))
                .hasOption(TextStyle.Option.UNDERLINED), () -> "still underlined after the server's echo");
    }

    private int rowOf(String text) {
        String[] lines = view.screenText().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no row contains " + text);
    }
}
