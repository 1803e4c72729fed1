package dev.tern.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.session.PreviewSessionLauncher;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The desktop app opens its main window (headless, through Monocle), on a temporary config folder. */
@ExtendWith(ApplicationExtension.class)
class TernAppTest {
    @TempDir
    Path configDir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new TernApp(new AppServices(configDir, new InMemorySecretStore(), new PreviewSessionLauncher(),
                (title, message, confirm) -> true, configDir)).start(stage);
    }

    @Test
    void showsTheMainWindowTitledTern() {
        assertTrue(stage.isShowing());
        assertTrue(stage.getTitle().startsWith("Tern"), stage.getTitle());
    }
}
