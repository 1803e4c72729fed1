package dev.tern.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The desktop app opens its main window (headless, through Monocle). */
@ExtendWith(ApplicationExtension.class)
class TernAppTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new TernApp().start(stage);
    }

    @Test
    void showsTheMainWindowTitledTern() {
        assertTrue(stage.isShowing());
        assertTrue(stage.getTitle().startsWith("Tern"), stage.getTitle());
    }
}
