package dev.tern.widget;

import com.techsenger.jeditermfx.core.util.TermSize;
import dev.tern.widget.connect.TerminalConnector;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.function.Function;

/**
 * The widget tests' window: a view over a connector in TestFX's stage (800×480 unless asked otherwise) with the
 * keyboard focus, closed after each test before JUnit closes the test's servers. A test class with TestFX's
 * {@code ApplicationExtension} registers it as {@code @RegisterExtension final ShownView shown = new ShownView();}.
 * Also the common steps: a line typed as a person would, and a resize checked at the far end.
 */
final class ShownView implements AfterEachCallback {
    private TerminalView view;

    /** The stage TestFX hands every test: the same window for the whole run. */
    Stage stage() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    TerminalView show(FxRobot robot, TerminalConnector connector) {
        return show(robot, connector, 800, 480, Function.identity());
    }

    /** Shows a view over {@code connector}, placed in the scene by {@code root} (the view itself, or a layout of it). */
    TerminalView show(FxRobot robot, TerminalConnector connector, int width, int height,
                      Function<? super TerminalView, ? extends Parent> root) {
        robot.interact(() -> {
            view = new TerminalView(connector, TerminalSettings.defaults());
            Stage stage = stage();
            stage.setScene(new Scene(root.apply(view), width, height));
            // the tests share one stage: without this it keeps the size an earlier test resized it to, and shrinks
            // the view after it first laid out (a resize in the middle of a test's output)
            stage.sizeToScene();
            stage.show();
            view.requestTerminalFocus();
        });
        return view;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TerminalView shown = view;
        view = null;
        if (shown != null) {
            new FxRobot().interact(shown::close);
        }
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
    TermSize resizeReachesTheRemote(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            stage().setWidth(width);
            stage().setHeight(height);
        });
        Eventually.until(Duration.ofSeconds(10), () -> view.terminalSize().getColumns() < 80,
                () -> "size " + view.terminalSize());
        TermSize size = Eventually.settledSize(view);
        typeLine(robot, view, "stty size");
        Eventually.screenContains(view, size.getRows() + " " + size.getColumns());
        return size;
    }
}
