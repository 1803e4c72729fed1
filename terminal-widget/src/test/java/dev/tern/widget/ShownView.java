package dev.tern.widget;

import dev.tern.widget.connect.TerminalConnector;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** The widget tests' common start: a view over a connector, in an 800×480 window, with the keyboard focus. */
final class ShownView {
    private ShownView() {
    }

    static TerminalView of(FxRobot robot, Stage stage, TerminalConnector connector) {
        TerminalView[] view = new TerminalView[1];
        robot.interact(() -> {
            view[0] = new TerminalView(connector, TerminalSettings.defaults());
            stage.setScene(new Scene(view[0], 800, 480));
            stage.show();
            view[0].requestTerminalFocus();
        });
        return view[0];
    }
}
