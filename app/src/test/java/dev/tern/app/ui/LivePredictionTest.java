package dev.tern.app.ui;

import static dev.tern.app.ui.MainWindowTest.chooseFromContextMenu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.PredictionMode;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.TerminalOptions;
import dev.tern.app.session.SessionState;
import dev.tern.app.session.WidgetSessionLauncher;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.testbed.UdpImpairmentProxy;
import dev.tern.transport.predict.DisplayPreference;
import dev.tern.transport.session.RemoteScreen;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.widget.TerminalView;
import dev.tern.widget.connect.MoshConnector;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Local echo saved in the profile editor or as the Settings default changes an open Mosh tab at once. The tab runs
 * against the test bed's sshd and mosh-server, its UDP through the impairment proxy at a one-second round trip, so
 * whether a typed key shows before the server could have echoed it tells whether the session predicts.
 */
@ExtendWith({ApplicationExtension.class, TestBed.class})
class LivePredictionTest {
    private static final long WAIT_SECONDS = 30;
    private static final Duration ONE_WAY = Duration.ofMillis(500);
    /** Well under the round trip: a key seen on screen this soon was predicted, not echoed. */
    private static final long PREDICTED_WITHIN_MILLIS = 450;

    @TempDir
    Path configDir;

    private Stage stage;
    private MainWindow window;
    private UdpImpairmentProxy proxy;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeAll(FxRobot robot) {
        if (window != null) {
            robot.interact(() -> {
                window.tabs().closeAllSessions();
                window.stage().close();
            });
            // the goodbye goes through the proxy: let it finish, or the test's mosh-server stays behind
            dev.tern.widget.TerminalView.awaitClosing(java.time.Duration.ofSeconds(10));
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static TerminalView terminalOf(SessionTab tab) {
        return (TerminalView) tab.getContent().lookup(".tern-terminal-view");
    }

    /** Saves the profile through the editor with another Prediction choice. */
    private static void editPrediction(FxRobot robot, PredictionMode mode) {
        chooseFromContextMenu(robot, "testbed mosh", "Edit…");
        javafx.scene.control.TabPane sections = robot.lookup(".editor-sections")
                .queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> sections.getTabs().stream().filter(t -> t.getText().equals("Mosh")).findFirst()
                .ifPresent(t -> sections.getSelectionModel().select(t)));
        @SuppressWarnings("unchecked")
        ChoiceBox<ProfileEditor.PredictionChoice> prediction = robot.lookup("#prediction-field")
                .queryAs(ChoiceBox.class);
        robot.interact(() -> prediction.setValue(new ProfileEditor.PredictionChoice(mode)));
        robot.clickOn("#save-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#save-button").tryQuery().isEmpty(), "the editor closed");
    }

    /** Saves the Settings dialog with another default Prediction. */
    private void settingsPrediction(FxRobot robot, PredictionMode mode) {
        Platform.runLater(window::openSettings);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ChoiceBox<PredictionMode> prediction = robot.lookup("#settings-prediction").queryAs(ChoiceBox.class);
        robot.interact(() -> prediction.setValue(mode));
        robot.clickOn("#settings-ok");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Types one character at the end of {@code line} and says whether it showed before the server could echo it;
     * then waits for the echo either way.
     */
    private static boolean typedKeyIsPredicted(FxRobot robot, TerminalView view, String line, char key)
            throws Exception {
        String expected = line + key;
        robot.interact(view::requestTerminalFocus);
        long start = System.nanoTime();
        robot.write(String.valueOf(key));
        boolean early = false;
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(PREDICTED_WITHIN_MILLIS)) {
            if (view.screenText().contains(expected)) {
                early = true;
                break;
            }
            Thread.sleep(5);
        }
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> view.screenText().contains(expected));
        // the server's echo confirms the key; let that arrive before the next one
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> echoConfirmed(view, expected));
        return early;
    }

    /** Whether the server's own screen shows {@code text} and it has echoed all the input it acknowledged. */
    private static boolean echoConfirmed(TerminalView view, String text) {
        RemoteScreen server = ((MoshConnector) view.connector()).session().screen();
        return server != null && server.framebuffer().screenText().contains(text)
                && server.echoAck() >= server.acknowledgedInputState();
    }

    @Test
    void predictionSavedInTheEditorOrAsTheDefaultChangesTheOpenMoshTab(SshServer server, FxRobot robot)
            throws Exception {
        Path home = configDir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(server.knownHosts(), home.resolve(".ssh/known_hosts"));
        int serverPort = freeUdpPort();
        proxy = UdpImpairmentProxy.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 8);
        Profile profile = new Profile(null, "testbed mosh", "Test bed", ConnectionKind.MOSH, server.host(),
                server.port(), server.user(), AuthMethod.KEY_FILE, server.ed25519Key().toString(), "", false,
                new MoshOptions("", String.valueOf(serverPort), "127.0.0.1", proxy.listenAddress().getPort(),
                        PredictionMode.NEVER, false, "C.UTF-8"), "", TerminalOptions.DEFAULTS);
        AppHarness harness = new AppHarness(configDir);
        harness.launcher = new WidgetSessionLauncher(SshEnvironment.isolated(home, "tern-predict-test"));
        harness.seed(profile);
        robot.interact(() -> window = harness.start(stage));
        robot.interact(() -> window.connect(window.sidebar().visibleProfiles().getFirst()));
        SessionTab tab = window.tabs().tabs().getFirst();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> tab.session().state().get() == SessionState.CONNECTED);
        TerminalView view = terminalOf(tab);
        MoshConnector connector = (MoshConnector) view.connector();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !view.screenText().isBlank());
        proxy.setDelay(ONE_WAY, Duration.ZERO);
        Thread.sleep(1000);

        robot.interact(view::requestTerminalFocus);
        robot.write("echo zq");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> view.screenText().contains("echo zq"));
        assertEquals(DisplayPreference.NEVER, connector.predictionSettings().preference());
        assertFalse(typedKeyIsPredicted(robot, view, "echo zq", 'a'), "never: keys wait for the server's echo");

        editPrediction(robot, PredictionMode.ALWAYS);
        assertEquals(DisplayPreference.ALWAYS, connector.predictionSettings().preference(),
                "the editor's save reached the open tab's session");
        // the first key of a prediction epoch stays hidden until the server confirms it (docs/TERMINAL.md §6.2)
        typedKeyIsPredicted(robot, view, "echo zqa", 'b');
        assertTrue(typedKeyIsPredicted(robot, view, "echo zqab", 'c'), "always: keys show before the echo");

        // back to the Settings default, which is adaptive, then a default of never reaches the tab too
        editPrediction(robot, null);
        assertEquals(DisplayPreference.ADAPTIVE, connector.predictionSettings().preference());
        settingsPrediction(robot, PredictionMode.NEVER);
        assertEquals(DisplayPreference.NEVER, connector.predictionSettings().preference(),
                "a profile without a mode of its own follows the Settings default");
        assertFalse(typedKeyIsPredicted(robot, view, "echo zqabc", 'd'), "never again: keys wait for the echo");

        // a mode of the profile's own wins over the default
        editPrediction(robot, PredictionMode.ALWAYS);
        settingsPrediction(robot, PredictionMode.ADAPTIVE);
        assertEquals(DisplayPreference.ALWAYS, connector.predictionSettings().preference());
        assertEquals(SessionState.CONNECTED, tab.session().state().get(), "the session lived through all of it");
    }
}
