package dev.tern.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.Profile;
import dev.tern.app.session.SessionState;
import dev.tern.app.settings.OpenTab;
import dev.tern.app.settings.WindowStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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

    /** Opens the two seeded profiles and a local shell, in that order; returns the two profiles. */
    private List<Profile> openBuildDbAndLocal(FxRobot robot) {
        List<Profile> profiles = List.copyOf(window.sidebar().visibleProfiles().subList(0, 2));
        robot.interact(() -> {
            profiles.forEach(window::connect);
            window.openLocalTab();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return profiles;
    }

    @Test
    void geometrySidebarAndTabsComeBackAfterARestart(FxRobot robot) {
        openBuildDbAndLocal(robot);
        robot.interact(() -> {
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

    /** The header of the main window's tab titled {@code title}. */
    private static Node tabHeader(FxRobot robot, String title) {
        return robot.lookup("#session-tab-pane .tab-header-area .tab").match((Node n) -> n.lookupAll(".tab-label")
                .stream().anyMatch(l -> l instanceof Labeled label && title.equals(label.getText()))).query();
    }

    private List<OpenTab> savedTabs() {
        return new WindowStateStore(configDir).load().openTabs();
    }

    @Test
    void tabsReorderedByDragAndByShortcutAreSavedAndRestoredInTheirNewOrder(FxRobot robot) throws Exception {
        List<Profile> opened = openBuildDbAndLocal(robot);
        Profile build = opened.get(0);
        Profile db = opened.get(1);
        assertEquals(javafx.scene.control.TabPane.TabDragPolicy.REORDER,
                window.tabs().tabPane().getTabDragPolicy());
        OpenTab buildTab = OpenTab.saved(build.id());
        OpenTab dbTab = OpenTab.saved(db.id());
        OpenTab localTab = OpenTab.unsaved(ConnectionKind.LOCAL, "");
        assertEquals(List.of(buildTab, dbTab, localTab), savedTabs());
        List<String> changes = java.util.Collections.synchronizedList(new ArrayList<>());
        robot.interact(() -> window.tabs().tabPane().getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) {
                changes.add(change.wasPermutated() ? "permutation" : change.wasRemoved() ? "removal" : "other");
            }
        }));

        // drag the local tab's header to the far left, onto the left part of the first header
        Node local = tabHeader(robot, "Local shell");
        Node first = tabHeader(robot, "build");
        var target = first.localToScreen(first.getBoundsInLocal());
        robot.drag(local, MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(target.getMinX() + target.getWidth() / 2, target.getCenterY()))
                .moveTo(new javafx.geometry.Point2D(target.getMinX() + 2, target.getCenterY()))
                .drop();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> titles(window).getFirst().equals("Local shell"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Local shell", "build", "db"), titles(window));
        assertEquals(List.of("permutation"), changes, "a drag is one permutation of the tab list");
        assertEquals(List.of(localTab, buildTab, dbTab), savedTabs(), "the dragged order is saved at once");

        // the keyboard: db, selected, one place to the left
        robot.interact(() -> window.tabs().select(2));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.PAGE_UP).release(KeyCode.PAGE_UP, KeyCode.SHIFT,
                KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Local shell", "db", "build"), titles(window));
        assertEquals(1, window.tabs().selectedIndex(), "the moved tab stays selected");
        assertEquals(List.of("permutation", "permutation"), changes, "the shortcut reorders as a drag does");
        assertEquals(List.of(localTab, dbTab, buildTab), savedTabs());
        assertTrue(window.tabs().tabs().stream().allMatch(t -> t.session().state().get() == SessionState.CONNECTED),
                "reordering keeps every session");
        // at the edges nothing moves
        robot.interact(() -> {
            window.tabs().select(0);
            window.tabs().moveSelected(-1);
        });
        assertEquals(List.of("Local shell", "db", "build"), titles(window));

        MainWindow[] restarted = new MainWindow[1];
        robot.interact(() -> {
            window.tabs().select(1);
            window.stage().close();
            restarted[0] = new AppHarness(configDir).start(new Stage());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Local shell", "db", "build"), titles(restarted[0]));
        assertEquals(1, restarted[0].tabs().selectedIndex());
        robot.interact(() -> restarted[0].stage().close());
    }

    @Test
    void aFailedTabIsNotReopenedOnTheNextStart(FxRobot robot) {
        List<Profile> opened = openBuildDbAndLocal(robot);
        SessionTab db = window.tabs().tabs().get(1);
        robot.interact(() -> ((dev.tern.app.session.ObservableSession) db.session())
                .fail("Connection refused by db.example.org:2222"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(OpenTab.saved(opened.get(0).id()), OpenTab.unsaved(ConnectionKind.LOCAL, "")),
                savedTabs(), "dropped from the saved tabs as soon as it failed");

        MainWindow[] restarted = new MainWindow[1];
        robot.interact(() -> {
            window.tabs().select(1);
            window.stage().close();
            restarted[0] = new AppHarness(configDir).start(new Stage());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("build", "Local shell"), titles(restarted[0]));
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
