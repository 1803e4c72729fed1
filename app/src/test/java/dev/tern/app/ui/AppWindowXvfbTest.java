package dev.tern.app.ui;

import dev.tern.testbed.Prerequisites;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@link EndToEndScenario} in a real window on an X server (Xvfb in CI: ./test starts one when there is no
 * display), with screenshots of the whole screen under target/screenshots/xvfb. Runs in its own surefire
 * execution without Monocle (see app/pom.xml).
 */
@ExtendWith({ApplicationExtension.class, TestBed.class})
class AppWindowXvfbTest {
    @TempDir
    Path configDir;

    private Stage stage;

    @BeforeAll
    static void needsADisplay() {
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            // picked by a -Dtest filter into the headless execution: it runs in the real-window execution instead
            throw new org.opentest4j.TestAbortedException("real-window test: runs in the real-window-tests execution");
        }
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            throw Prerequisites.missing("no X display for the real-window test; ./test runs the suite under xvfb-run"
                    + " (apt-get install xvfb)");
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void moshAndSshTabsInARealWindow(SshServer server, FxRobot robot) throws Exception {
        new EndToEndScenario(configDir, stage, Screenshots.of("xvfb", true)).run(server, robot);
    }
}
