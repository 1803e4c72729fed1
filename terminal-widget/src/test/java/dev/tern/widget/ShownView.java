package dev.tern.widget;

import dev.tern.widget.connect.TerminalConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import java.time.Duration;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The widget tests' common steps: a view over a connector, in an 800×480 window, with the keyboard focus; a line
 * typed into it as a person would.
 */
final class ShownView {
    private ShownView() {
    }

    static TerminalView of(FxRobot robot, Stage stage, TerminalConnector connector) {
        TerminalView[] view = new TerminalView[1];
        robot.interact(() -> {
            view[0] = new TerminalView(connector, TerminalSettings.defaults());
            stage.setScene(new Scene(view[0], 800, 480));
            // the tests share one stage: without this it keeps the size an earlier test resized it to, and shrinks
            // the view after it first laid out at 800×480 (a resize in the middle of a test's output)
            stage.sizeToScene();
            stage.show();
            view[0].requestTerminalFocus();
        });
        return view[0];
    }

    /** Gives the view the keyboard focus, types {@code text} key by key, then Enter. */
    static void typeLine(FxRobot robot, TerminalView view, String text) {
        robot.interact(view::requestTerminalFocus);
        robot.write(text);
        robot.type(KeyCode.ENTER);
    }

    /**
     * Shrinks the window to {@code width}×{@code height} pixels, waits for the view to settle on fewer than 80
     * columns, and checks that the program behind it ({@code stty size} in a shell) sees the new size.
     */
    static TermSize resizeReachesTheRemote(FxRobot robot, Stage stage, TerminalView view, int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        Eventually.until(Duration.ofSeconds(10), () -> view.terminalSize().getColumns() < 80,
                () -> "size " + view.terminalSize());
        TermSize size = Eventually.settledSize(view);
        typeLine(robot, view, "stty size");
        Eventually.screenContains(view, size.getRows() + " " + size.getColumns());
        return size;
    }
}
