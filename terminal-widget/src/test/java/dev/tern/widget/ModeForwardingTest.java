package dev.tern.widget;

import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Modes the remote program sets change what the widget sends: cursor keys, focus events. */
@ExtendWith(ApplicationExtension.class)
class ModeForwardingTest {
    @RegisterExtension
    final ShownView shown = new ShownView();
    private TerminalView view;
    private Button elsewhere;

    @BeforeEach
    void showView(FxRobot robot) {
        view = shown.show(robot, LocalShellTabTest.plainBash(), 800, 480, terminal -> {
            elsewhere = new Button("elsewhere");
            VBox.setVgrow(terminal, Priority.ALWAYS);
            return new VBox(elsewhere, terminal);
        });
    }

    @Test
    void cursorKeysFollowTheApplicationCursorKeyMode(FxRobot robot) {
        Eventually.screenContains(view, "$ ");
        robot.interact(view::requestTerminalFocus);
        robot.write("printf '\\e[?1h'; cat -v");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.UP).type(KeyCode.ENTER);
        Eventually.screenContains(view, "^[OA");
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        Eventually.screenContains(view, "$ ");
        robot.write("printf '\\e[?1l'; cat -v");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.UP).type(KeyCode.ENTER);
        Eventually.screenContains(view, "^[[A");
    }

    @Test
    void focusChangesAreReportedWhenTheProgramAsks(FxRobot robot) {
        Eventually.screenContains(view, "$ ");
        robot.interact(view::requestTerminalFocus);
        robot.write("printf '\\e[?1004h'; cat -v");
        robot.type(KeyCode.ENTER);
        Eventually.screenContains(view, "cat -v");
        Eventually.until(Duration.ofSeconds(10), view::reportsFocus, () -> "focus events never asked for:\n"
                + view.screenText());
        robot.interact(elsewhere::requestFocus);
        robot.interact(view::requestTerminalFocus);
        robot.type(KeyCode.ENTER);
        Eventually.screenContains(view, "^[[O^[[I");
        assertTrue(view.screenText().contains("^[[O^[[I"), view.screenText());
    }
}
