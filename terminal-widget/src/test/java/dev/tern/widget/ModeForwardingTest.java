package dev.tern.widget;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Modes the remote program sets change what the widget sends: cursor keys, focus events. */
@ExtendWith(ApplicationExtension.class)
class ModeForwardingTest {
    private TerminalView view;
    private Button elsewhere;

    @Start
    void start(Stage stage) {
        view = new TerminalView(LocalShellTabTest.plainBash(), TerminalSettings.defaults());
        elsewhere = new Button("elsewhere");
        VBox root = new VBox(elsewhere, view);
        javafx.scene.layout.VBox.setVgrow(view, javafx.scene.layout.Priority.ALWAYS);
        stage.setScene(new Scene(root, 800, 480));
        stage.sizeToScene(); // the stage is shared: drop the size an earlier test left it at
        stage.show();
        view.requestTerminalFocus();
    }

    @AfterEach
    void closeView(FxRobot robot) {
        robot.interact(view::close);
    }

    @Test
    void cursorKeysFollowTheApplicationCursorKeyMode(FxRobot robot) {
        Eventually.screenContains(view, "$ ");
        robot.interact(view::requestTerminalFocus);
        robot.write("printf '\\e[?1h'; cat -v");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.UP).type(KeyCode.ENTER);
        Eventually.screenContains(view, "^[OA");
        robot.interact(() -> view.paste("\u0003")); // Ctrl-C: the glass robot does not apply Ctrl to typed keys
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
        sleepAFrame();
        robot.interact(elsewhere::requestFocus);
        robot.interact(view::requestTerminalFocus);
        robot.type(KeyCode.ENTER);
        Eventually.screenContains(view, "^[[O^[[I");
        assertTrue(view.screenText().contains("^[[O^[[I"), view.screenText());
    }

    private static void sleepAFrame() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
