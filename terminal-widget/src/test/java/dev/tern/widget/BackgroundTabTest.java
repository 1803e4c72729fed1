package dev.tern.widget;

import dev.tern.widget.connect.ConnectorListener;
import dev.tern.widget.connect.TerminalConnector;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a view costs while nobody sees it: a tab in the background gives back its canvas's render target (and gets
 * it back, repainted, when shown), and no view connects before it is in a showing window.
 */
@ExtendWith(ApplicationExtension.class)
class BackgroundTabTest {
    private final List<TerminalView> views = new ArrayList<>();

    @AfterEach
    void closeViews() {
        new FxRobot().interact(() -> views.forEach(TerminalView::close));
    }

    private TerminalView view(TerminalConnector connector) {
        TerminalView view = new TerminalView(connector, TerminalSettings.defaults());
        views.add(view);
        return view;
    }

    private static Canvas canvas(TerminalView view) {
        return (Canvas) view.lookupAll("*").stream().filter(Canvas.class::isInstance).findFirst().orElseThrow();
    }

    @Test
    void aTabInTheBackgroundHasNoCanvasPixelsAndIsRepaintedWhenShownAgain(FxRobot robot) {
        byte[] red = "\033[31mred text on the first tab\033[0m\r\n".getBytes(StandardCharsets.US_ASCII);
        ScriptedConnector firstConnector = new ScriptedConnector(red, null, n -> { });
        TerminalView[] first = new TerminalView[1];
        TabPane[] tabs = new TabPane[1];
        robot.interact(() -> {
            first[0] = view(firstConnector);
            TerminalView second = view(new ScriptedConnector(new byte[0], null, n -> { }));
            tabs[0] = new TabPane(new Tab("first", first[0]), new Tab("second", second));
            Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
            stage.setScene(new Scene(tabs[0], 800, 480));
            stage.sizeToScene();
            stage.show();
        });
        Eventually.screenContains(first[0], "red text on the first tab");
        Screenshots.takeOnce(robot, first[0], Screenshots::hasColour, "the red text");
        double width = canvasWidth(robot, first[0]);
        assertTrue(width > 100, "the shown tab's canvas fills its pane: " + width);
        String size = Eventually.settledSize(first[0]).toString();
        int resizes = firstConnector.resizes.size();

        robot.interact(() -> tabs[0].getSelectionModel().select(1));
        Eventually.until(Duration.ofSeconds(5), () -> canvasWidth(robot, first[0]) == 0
                && canvasHeight(robot, first[0]) == 0, () -> "canvas " + canvasWidth(robot, first[0]));
        // (past JediTermFX's resize quiet period, so a resize would have arrived)
        assertEquals(size, Eventually.settledSize(first[0]).toString(), "the terminal keeps its size in the background");
        assertEquals(resizes, firstConnector.resizes.size(), "the remote side saw no resize");

        robot.interact(() -> tabs[0].getSelectionModel().select(0));
        Eventually.until(Duration.ofSeconds(5), () -> canvasWidth(robot, first[0]) == width,
                () -> "canvas " + canvasWidth(robot, first[0]));
        Screenshots.takeOnce(robot, first[0], Screenshots::hasColour, "the red text again, repainted");
        assertEquals(resizes, firstConnector.resizes.size(), "the remote side saw no resize");
    }

    private static double canvasWidth(FxRobot robot, TerminalView view) {
        double[] w = new double[1];
        robot.interact(() -> w[0] = canvas(view).getWidth());
        return w[0];
    }

    private static double canvasHeight(FxRobot robot, TerminalView view) {
        double[] h = new double[1];
        robot.interact(() -> h[0] = canvas(view).getHeight());
        return h[0];
    }

    @Test
    void aViewConnectsOnlyOnceItIsInAShowingWindow(FxRobot robot) {
        CountingConnector connector = new CountingConnector();
        TerminalView[] view = new TerminalView[1];
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            view[0] = view(connector);
            stage[0] = FxToolkit.toolkitContext().getRegisteredStage();
            stage[0].hide();
            stage[0].setScene(new Scene(view[0], 640, 400));
        });
        // events and pulses go by: in a scene whose window is hidden, it still does not connect
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> { });
        }
        assertEquals(0, connector.starts.get(), "connected before its window was shown");
        robot.interact(stage[0]::show);
        Eventually.until(Duration.ofSeconds(5), () -> connector.starts.get() == 1, () -> "starts " + connector.starts);
    }

    @Test
    void aViewClosedBeforeItWasShownNeverConnects(FxRobot robot) {
        CountingConnector connector = new CountingConnector();
        robot.interact(() -> view(connector).close());
        Eventually.until(Duration.ofSeconds(5), () -> connector.closes.get() == 1, () -> "closes " + connector.closes);
        robot.interact(() -> {
            Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
            stage.setScene(new Scene(views.getFirst(), 640, 400));
            stage.show();
        });
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> { });
        }
        assertEquals(0, connector.starts.get(), "a closed view connected");
    }

    /** Counts starts and closes; sends nothing. */
    private static final class CountingConnector implements TerminalConnector {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void start(int columns, int rows, ConnectorListener listener) {
            starts.incrementAndGet();
        }

        @Override
        public void send(byte[] input) {
        }

        @Override
        public void resize(int columns, int rows) {
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
