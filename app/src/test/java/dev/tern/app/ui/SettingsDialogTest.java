package dev.tern.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.ProfileStore;
import dev.tern.app.profile.ThemeChoice;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** App settings: checked before saving, saved in the profiles document, the theme applied at once. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {
    @TempDir
    Path configDir;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new AppHarness(configDir).start(stage);
    }

    @Test
    void badValuesAreRefusedGoodOnesSavedAndTheThemeApplied(FxRobot robot) throws IOException {
        Platform.runLater(window::openSettings);
        WaitForAsyncUtils.waitForFxEvents();
        TextField size = robot.lookup("#settings-font-size").queryAs(TextField.class);
        robot.interact(() -> size.setText("99"));
        robot.clickOn("#settings-ok");
        assertEquals("A size from 6 to 72", robot.lookup("#settings-font-size-error").queryAs(Label.class).getText());

        robot.interact(() -> size.setText("16"));
        @SuppressWarnings("unchecked")
        ChoiceBox<ThemeChoice> theme = robot.lookup("#settings-theme").queryAs(ChoiceBox.class);
        robot.interact(() -> theme.setValue(ThemeChoice.LIGHT));
        robot.clickOn("#settings-ok");
        WaitForAsyncUtils.waitForFxEvents();

        AppSettings saved = new ProfileStore(configDir).load().document().settings();
        assertEquals(16, saved.fontSize());
        assertEquals(ThemeChoice.LIGHT, saved.theme());
        assertTrue(window.stage().getScene().getRoot().getStyleClass().contains("light"));
    }
}
