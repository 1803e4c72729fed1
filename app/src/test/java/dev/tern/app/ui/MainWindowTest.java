package dev.tern.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.ProfileStore;
import dev.tern.app.session.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window, driven through the UI: sidebar, quick connect, tabs, notices. Headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    Path configDir;

    private AppHarness harness;
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        harness = new AppHarness(configDir);
        harness.seed(
                Profile.remote("build", "Work", ConnectionKind.MOSH, "alice", "build.example.org", null),
                Profile.remote("db primary", "Work", ConnectionKind.SSH, "postgres", "db1.example.org", 2222),
                Profile.remote("pi", "Home", ConnectionKind.MOSH, "pi", "raspberrypi.local", null),
                Profile.local("scratch shell"));
        window = harness.start(stage);
    }

    static Node labelWithText(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Label label && text.equals(label.getText())).query();
    }

    /**
     * Picks an entry of a sidebar row's context menu. Monocle's robot sends no context-menu event on a right click,
     * so the test takes the menu the row would show and fires the item, as a click on it does.
     */
    static void chooseFromContextMenu(FxRobot robot, String rowLabel, String itemText) {
        robot.clickOn(labelWithText(robot, rowLabel));
        Node node = labelWithText(robot, rowLabel);
        while (!(node instanceof javafx.scene.control.TreeCell<?>)) {
            node = node.getParent();
        }
        var menu = ((javafx.scene.control.TreeCell<?>) node).getContextMenu();
        var item = menu.getItems().stream().filter(i -> itemText.equals(i.getText())).findFirst().orElseThrow();
        assertFalse(item.isDisable(), itemText + " is enabled");
        // not interact(): an item that opens a modal dialog returns only when the dialog closes
        javafx.application.Platform.runLater(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T onFx(java.util.concurrent.Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> tabTitles() {
        return window.tabs().tabs().stream().map(javafx.scene.control.Tab::getText).toList();
    }

    private List<String> visibleNames() {
        return window.sidebar().visibleProfiles().stream().map(Profile::name).toList();
    }

    @Test
    void showsProfilesGroupedInFolders(FxRobot robot) {
        assertEquals(List.of("pi", "build", "db primary", "scratch shell"), visibleNames(),
                "groups sorted (Home, Work), then ungrouped profiles");
        assertTrue(robot.lookup((Node n) -> n instanceof Label l && "Work".equals(l.getText())).tryQuery()
                .isPresent());
    }

    @Test
    void theFilterNarrowsTheSidebarByNameHostUserOrGroup(FxRobot robot) {
        robot.clickOn("#profile-filter").write("db1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("db primary"), visibleNames());

        robot.type(KeyCode.ESCAPE);
        robot.clickOn("#profile-filter").write("work");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("build", "db primary"), visibleNames());

        robot.clickOn("#profile-filter").eraseText(4).write("zzz");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), visibleNames());
    }

    @Test
    void doubleClickOpensATabAndLightsTheStatusDot(FxRobot robot) {
        robot.doubleClickOn(labelWithText(robot, "build"));
        WaitForAsyncUtils.waitForFxEvents();

        List<SessionTab> tabs = window.tabs().tabs();
        assertEquals(1, tabs.size());
        assertEquals("build", tabs.getFirst().getText());
        assertEquals(SessionState.CONNECTED, tabs.getFirst().session().state().get());
        String buildId = tabs.getFirst().profile().id();
        assertEquals(SessionState.CONNECTED, window.tabs().liveStates().get(buildId));
        assertTrue(robot.lookup("#status-dot-" + buildId).tryQuery().isPresent(), "the sidebar shows a dot");
    }

    @Test
    void enterOnTheFilterConnectsTheFirstMatch(FxRobot robot) {
        robot.clickOn("#profile-filter").write("raspberry").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("pi"), window.tabs().tabs().stream().map(t -> t.profile().name()).toList());
    }

    @Test
    void closingALiveTabAsksFirstAndKeepsItWhenTheUserSaysNo(FxRobot robot) {
        robot.doubleClickOn(labelWithText(robot, "pi"));
        WaitForAsyncUtils.waitForFxEvents();
        harness.confirmAnswer = false;
        robot.interact(() -> window.tabs().closeSelected());
        assertEquals(1, window.tabs().tabs().size());
        assertEquals(1, harness.confirmationsAsked.size());
        assertTrue(harness.confirmationsAsked.getFirst().contains("stops its mosh-server"));

        harness.confirmAnswer = true;
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W).release(KeyCode.W, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.tabs().tabs().size());
        assertTrue(window.tabs().liveStates().isEmpty(), "no dot once the tab is closed");
    }

    @Test
    void quickConnectOpensAnUnsavedTabOrExplainsTheTypo(FxRobot robot) {
        robot.clickOn("#quick-kind-ssh");
        TextField quick = robot.lookup("#quick-connect-field").queryAs(TextField.class);
        robot.interact(() -> quick.setText("bob@example.org:2200"));
        robot.clickOn(quick).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        SessionTab tab = window.tabs().tabs().getFirst();
        assertEquals(ConnectionKind.SSH, tab.profile().kind());
        assertEquals("bob@example.org:2200", tab.profile().target());

        robot.interact(() -> quick.setText("bob@exa mple.org"));
        robot.clickOn(quick).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.tabs().tabs().size());
        assertTrue(window.notices().message().contains("not a valid host name"), window.notices().message());
    }

    @Test
    void shortcutsOpenLocalTabsAndMoveBetweenThem(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.doubleClickOn(labelWithText(robot, "build"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Local shell", "build"), tabTitles());
        assertEquals(1, window.tabs().selectedIndex());

        robot.press(KeyCode.CONTROL, KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, window.tabs().selectedIndex(), "next wraps around");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.PAGE_DOWN)
                .release(KeyCode.PAGE_DOWN, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("build", "Local shell"), tabTitles(), "the local tab moved right");
        assertEquals(1, window.tabs().selectedIndex());
        assertTrue(window.tabs().tabs().stream().allMatch(t -> t.session().state().get() == SessionState.CONNECTED),
                "reordering keeps the sessions");
    }

    @Test
    void copyAsCommandLinePutsTheTernCommandOnTheClipboard(FxRobot robot) {
        chooseFromContextMenu(robot, "build", "Copy as tern command");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals("tern -- alice@build.example.org", copied);
    }

    @Test
    void duplicateAndDeleteFromTheContextMenu(FxRobot robot) throws IOException {
        chooseFromContextMenu(robot, "pi", "Duplicate");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("pi", "pi copy", "build", "db primary", "scratch shell"), visibleNames());

        chooseFromContextMenu(robot, "build", "Delete…");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(harness.confirmationsAsked.getLast().contains("Delete the profile 'build'"));
        assertEquals(List.of("pi", "pi copy", "db primary", "scratch shell"), visibleNames());

        List<String> onDisk = new ProfileStore(configDir).load().document().profiles().stream().map(Profile::name)
                .toList();
        assertEquals(List.of("db primary", "pi", "scratch shell", "pi copy"), onDisk);
    }

    @Test
    void exportThenImportAddsCopiesWithoutTouchingTheOriginals(FxRobot robot) {
        Path export = configDir.resolve("exported/tern-profiles.json");
        onFx(() -> {
            window.exportProfiles(export);
            return null;
        });
        assertTrue(window.notices().message().contains("Exported 4 profiles"), window.notices().message());
        onFx(() -> {
            window.importProfiles(export);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> names = visibleNames();
        assertEquals(8, names.size(), names.toString());
        assertEquals(2, names.stream().filter("build"::equals).count());
        assertEquals(8, window.sidebar().visibleProfiles().stream().map(Profile::id).distinct().count(),
                "imported copies get their own ids");
    }

    @Test
    void importsHostsFromAnSshConfigFileIntoTheirOwnGroup(FxRobot robot) throws IOException {
        Path config = Files.createDirectories(configDir.resolve("home/.ssh")).resolve("config");
        // a Latin-1 byte in a comment (the author's name, saved by an old editor), as ssh accepts it
        byte[] latin1 = "# r\u00e9seau de J\u00fcrgen\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String hosts = "Host *\n  User x\nHost gitlab-runner\n  HostName 10.1.2.3\n  User ci\n"
                + "Host build\n  HostName build.example.org\n";
        Files.write(config, concat(latin1, hosts.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        int imported = onFx(() -> window.importSshConfig(config, ConnectionKind.SSH));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(2, imported, "build is a new name in the SSH config group, so both come in");
        assertTrue(visibleNames().contains("gitlab-runner"));
        assertTrue(window.notices().message().contains("Imported 2 hosts"), window.notices().message());

        int again = onFx(() -> window.importSshConfig(config, ConnectionKind.SSH));
        assertEquals(0, again, "a second import adds nothing");
        assertFalse(window.notices().message().isEmpty());
    }

    @Test
    void editProfileOnAFailedTabOpensItsProfileInTheEditor(FxRobot robot) {
        robot.doubleClickOn(labelWithText(robot, "db primary"));
        WaitForAsyncUtils.waitForFxEvents();
        SessionTab tab = window.tabs().tabs().getFirst();
        robot.interact(() -> ((dev.tern.app.session.ObservableSession) tab.session())
                .fail("Permission denied (publickey,password)."));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#edit-profile-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("db primary", robot.lookup("#name-field").queryAs(TextField.class).getText());
        assertEquals("postgres", robot.lookup("#user-field").queryAs(TextField.class).getText());
        robot.interact(() -> robot.lookup("#user-field").queryAs(TextField.class).setText("dba"));
        robot.clickOn("#save-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("dba", window.sidebar().visibleProfiles().stream()
                .filter(p -> p.name().equals("db primary")).findFirst().orElseThrow().user());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
