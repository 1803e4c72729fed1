package dev.tern.app.ui;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link EndToEndScenario} headless (Monocle); screenshots are scene snapshots under target/screenshots/headless. */
@ExtendWith({ApplicationExtension.class, TestBed.class})
class AppEndToEndTest {
    @TempDir
    Path configDir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void moshAndSshTabsSideBySideThenQuitCleanly(SshServer server, FxRobot robot) throws Exception {
        new EndToEndScenario(configDir, stage, Screenshots.of("headless", false)).run(server, robot);
    }
}
