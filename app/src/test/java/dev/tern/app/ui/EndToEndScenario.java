package dev.tern.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.PredictionMode;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.TerminalOptions;
import dev.tern.app.session.LoginPrompts;
import dev.tern.app.session.SessionState;
import dev.tern.app.session.WidgetSessionLauncher;
import dev.tern.app.ui.dialogs.KeychainPasswordMemory;
import dev.tern.testbed.SshServer;
import dev.tern.transport.ssh.LoginHop;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.widget.TerminalView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app against the test bed's real sshd and mosh-server: a Mosh tab and an SSH tab to two host names
 * (logging in through the password dialog) side by side, a command run in the Mosh tab, screenshots of the
 * window at each step, and mosh-server gone once the tabs close. Run headless ({@link AppEndToEndTest}) and in a
 * real window under Xvfb ({@link AppWindowXvfbTest}).
 */
final class EndToEndScenario {
    private static final long WAIT_SECONDS = 30;

    private final Path configDir;
    private final Stage stage;
    private final Screenshots screenshots;

    EndToEndScenario(Path configDir, Stage stage, Screenshots screenshots) {
        this.configDir = configDir;
        this.stage = stage;
        this.screenshots = screenshots;
    }

    private static Profile testbedProfile(String name, ConnectionKind kind, String host, SshServer server,
                                          AuthMethod auth) {
        return new Profile(null, name, "Test bed", kind, host, server.port(), server.user(), auth,
                auth == AuthMethod.KEY_FILE ? server.ed25519Key().toString() : "", "", false,
                new MoshOptions("", "", "", null, PredictionMode.ADAPTIVE, false, "C.UTF-8"), "",
                TerminalOptions.DEFAULTS);
    }

    private static Set<Long> moshServersOf(String user, Instant since) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("mosh-server")).orElse(false))
                .filter(p -> p.info().user().map(user::equals).orElse(false))
                .filter(p -> p.info().startInstant().map(s -> !s.isBefore(since.minusSeconds(1))).orElse(false))
                .map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static TerminalView terminalOf(SessionTab tab) {
        return (TerminalView) tab.getContent().lookup(".tern-terminal-view");
    }

    void run(SshServer server, FxRobot robot) throws Exception {
        Instant began = Instant.now();
        Path home = configDir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
        String knownHosts = Files.readString(server.knownHosts());
        Files.writeString(home.resolve(".ssh/known_hosts"), knownHosts + knownHosts.replace("[127.0.0.1]", "[localhost]"));
        AppHarness harness = new AppHarness(configDir);
        harness.launcher = new WidgetSessionLauncher(SshEnvironment.isolated(home, "tern-app-test"));
        AuthMethod sshAuth = server.password().isPresent() ? AuthMethod.PASSWORD : AuthMethod.KEY_FILE;
        harness.seed(testbedProfile("testbed mosh", ConnectionKind.MOSH, server.host(), server, AuthMethod.KEY_FILE),
                testbedProfile("testbed ssh", ConnectionKind.SSH, "localhost", server, sshAuth));
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> window[0] = harness.start(stage));
        screenshots.take(robot, stage, "1-sidebar");

        robot.doubleClickOn(MainWindowTest.labelWithText(robot, "testbed mosh"));
        SessionTab mosh = window[0].tabs().tabs().getFirst();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> mosh.session().state().get() == SessionState.CONNECTED);
        TerminalView moshView = terminalOf(mosh);
        robot.interact(moshView::requestTerminalFocus);
        robot.write("echo $((6*7))-from-tern");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> moshView.screenText().contains("42-from-tern"));
        screenshots.take(robot, stage, "2-mosh-tab-connected");

        robot.doubleClickOn(MainWindowTest.labelWithText(robot, "testbed ssh"));
        SessionTab ssh = window[0].tabs().tabs().get(1);
        if (sshAuth == AuthMethod.PASSWORD) {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> robot.lookup("#secret-field").tryQuery()
                    .map(n -> n.getScene().getWindow().isShowing()).orElse(false));
            PasswordField field = robot.lookup("#secret-field").queryAs(PasswordField.class);
            robot.interact(() -> field.setText(server.password().orElseThrow()));
            robot.clickOn("#secret-remember");
            Node pane = field;
            while (!(pane instanceof javafx.scene.control.DialogPane)) {
                pane = pane.getParent();
            }
            robot.clickOn(((javafx.scene.control.DialogPane) pane)
                    .lookupButton(dev.tern.app.ui.dialogs.SecretDialog.LOG_IN));
        }
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> ssh.session().state().get() == SessionState.CONNECTED);
        // the sidebar's status dots follow the sessions on the FX thread
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> window[0].tabs().liveStates().get(ssh.profile().id()) == SessionState.CONNECTED);
        assertEquals(SessionState.CONNECTED, window[0].tabs().liveStates().get(mosh.profile().id()));
        assertEquals(SessionState.CONNECTED, window[0].tabs().liveStates().get(ssh.profile().id()));
        assertEquals(SessionState.CONNECTED, mosh.session().state().get(), "the Mosh tab stays up beside it");
        assertTrue(mosh.tooltipText().contains("RTT"), mosh.tooltipText());
        screenshots.take(robot, stage, "3-two-tabs-two-hosts");

        if (sshAuth == AuthMethod.PASSWORD) {
            String password = server.password().orElseThrow();
            // kept in the keychain for the very host that asked, user@host:port (never for another hop)
            LoginHop target = new LoginHop(server.user(), ssh.profile().host(), server.port(), true);
            KeychainPasswordMemory keychain = new KeychainPasswordMemory(harness.secrets, id -> true, id -> true,
                    id -> { });
            assertEquals(Optional.of(password), keychain.recall(ssh.profile().id(),
                    new LoginPrompts.Hop(target.displayName(), target.key(), true)),
                    "kept in the keychain under " + target.key());
            WaitForAsyncUtils.waitForFxEvents();
            try (Stream<Path> files = Files.walk(configDir.resolve("profiles.json").getParent(), 1)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(file).contains(password), file + " holds the password");
                }
            }
        }

        Set<Long> servers = moshServersOf(server.user(), began);
        assertFalse(servers.isEmpty(), "a mosh-server runs for the Mosh tab");
        robot.interact(() -> window[0].tabs().tabs().forEach(SessionTab::requestClose));
        assertEquals(List.of(), window[0].tabs().tabs());
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> servers.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                        .orElse(false)));
        robot.interact(() -> window[0].stage().close());
    }
}
