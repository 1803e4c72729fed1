package dev.tern.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A first start with no profiles: the sidebar offers to add a host or to import ~/.ssh/config. */
@ExtendWith(ApplicationExtension.class)
class EmptySidebarTest {
    @TempDir
    Path configDir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new AppHarness(configDir).start(stage);
    }

    private static Node emptyState(FxRobot robot) {
        return robot.lookup("#sidebar-empty-state").query();
    }

    @Test
    void addAHostOpensTheNewProfileEditor(FxRobot robot) {
        assertTrue(emptyState(robot).isVisible());
        robot.clickOn("#empty-add-host");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#save-button").tryQuery().isPresent(), "the profile editor is open");
        assertEquals("", robot.lookup("#name-field").queryAs(javafx.scene.control.TextField.class).getText());
        robot.clickOn((Node) robot.lookup((Node n) -> n instanceof Button b && "Cancel".equals(b.getText()))
                .query());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(emptyState(robot).isVisible(), "nothing saved, still empty");
    }

    @Test
    void importFromSshConfigFillsTheSidebarAndTheEmptyStateGoes(FxRobot robot) throws IOException {
        Path config = Files.createDirectories(configDir.resolve("home/.ssh")).resolve("config");
        Files.writeString(config, "Host lab\n  HostName lab.example.org\n  User alice\n");
        robot.clickOn("#empty-import-ssh-config");
        WaitForAsyncUtils.waitForFxEvents();
        // the existing import asks how to connect the imported hosts
        DialogPane kind = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn(kind.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("lab"), window.sidebar().visibleProfiles().stream().map(Profile::name).toList());
        assertFalse(emptyState(robot).isVisible());
        assertTrue(window.sidebar().tree().isVisible());
    }
}
