package dev.tern.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Window geometry, sidebar width and open tabs survive a restart; a broken profiles file is reported. */
@ExtendWith(ApplicationExtension.class)
class RestoreTest {
    @TempDir
    Path configDir;

    private AppHarness harness;
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        harness = new AppHarness(configDir);
        harness.seed(Profile.remote("build", "Work", ConnectionKind.MOSH, "alice", "build.example.org", null),
                Profile.remote("db", "Work", ConnectionKind.SSH, "pg", "db.example.org", 2222));
        window = harness.start(stage);
    }

    private static List<String> titles(MainWindow window) {
        return window.tabs().tabPane().getTabs().stream().map(Tab::getText).toList();
    }

    @Test
    void geometrySidebarAndTabsComeBackAfterARestart(FxRobot robot) {
        Profile build = window.sidebar().visibleProfiles().get(0);
        Profile db = window.sidebar().visibleProfiles().get(1);
        robot.interact(() -> {
            window.connect(build);
            window.connect(db);
            window.openLocalTab();
            window.tabs().select(2);
            window.stage().setWidth(900);
            window.stage().setHeight(610);
            ((javafx.scene.control.SplitPane) window.stage().getScene().lookup("#main-split"))
                    .setDividerPositions(0.31);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double width = window.stage().getScene().getWidth();
        double height = window.stage().getScene().getHeight();
        MainWindow[] restarted = new MainWindow[1];
        // one step, so the toolkit never sees zero windows
        robot.interact(() -> {
            window.stage().close();
            restarted[0] = new AppHarness(configDir).start(new Stage());
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("build", "db", "Local shell"), titles(restarted[0]));
        assertEquals(2, restarted[0].tabs().selectedIndex());
        assertEquals(width, restarted[0].stage().getScene().getWidth(), 1.0);
        assertEquals(height, restarted[0].stage().getScene().getHeight(), 1.0);
        double divider = ((javafx.scene.control.SplitPane) restarted[0].stage().getScene().lookup("#main-split"))
                .getDividerPositions()[0];
        assertEquals(0.31, divider, 0.02);
        robot.interact(() -> restarted[0].stage().close());
    }

    @Test
    void aCorruptProfilesFileIsReportedAndTheBackupShown(FxRobot robot) throws IOException {
        robot.interact(() -> window.duplicate(window.sidebar().visibleProfiles().getFirst()));
        Path file = configDir.resolve("profiles.json");

        MainWindow[] restarted = new MainWindow[1];
        robot.interact(() -> {
            window.stage().close();
            try {
                Files.writeString(file, "{ this is not json");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            restarted[0] = new AppHarness(configDir).start(new Stage());
        });
        WaitForAsyncUtils.waitForFxEvents();

        String notice = restarted[0].notices().message();
        assertTrue(notice.contains("could not be read") && notice.contains("profiles.json.corrupt-")
                && notice.contains("backup"), notice);
        assertEquals(List.of("build", "db"), restarted[0].sidebar().visibleProfiles().stream().map(Profile::name)
                .toList(), "the backup holds the state before the duplicate");
        try (var files = Files.list(configDir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("profiles.json.corrupt-")));
        }
        robot.interact(() -> restarted[0].stage().close());
    }
}
