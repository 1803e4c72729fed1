package dev.tern.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.PredictionMode;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.TerminalOptions;
import dev.tern.transport.ssh.MoshServerOptions;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.transport.ssh.SshTarget;
import dev.tern.transport.ssh.UdpPortRange;
import dev.tern.widget.ColorScheme;
import dev.tern.widget.CursorStyle;
import dev.tern.widget.TerminalSettings;
import dev.tern.widget.TerminalView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Profiles become real terminal-widget tabs: field mapping, a local shell tab, a failed SSH connect. */
@ExtendWith(ApplicationExtension.class)
class WidgetSessionLauncherTest {
    @TempDir
    Path home;

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 700, 420));
        stage.show();
    }

    private static Profile profile(ConnectionKind kind, AuthMethod auth, String keyFile, String jump,
                                   MoshOptions mosh, String startup) {
        return new Profile(null, "p", "", kind, "build.example.org", 2222, "alice", auth, keyFile, jump, false,
                mosh, startup, new TerminalOptions("", 17, "Light"));
    }

    @Test
    void profileFieldsMapOntoTheSshTarget() {
        SshTarget target = WidgetSessionLauncher.sshTarget(profile(ConnectionKind.SSH, AuthMethod.KEY_FILE,
                "/keys/id_test", "bob@bastion:22, second", MoshOptions.DEFAULTS, ""));
        assertEquals("build.example.org", target.host());
        assertEquals(2222, target.port());
        assertEquals("alice", target.user());
        assertEquals(List.of(Path.of("/keys/id_test")), target.identityFiles());
        assertEquals(Boolean.TRUE, target.identitiesOnly());
        assertEquals(List.of("bob@bastion:22", "second"), target.jumpHosts());

        SshTarget password = WidgetSessionLauncher.sshTarget(profile(ConnectionKind.SSH, AuthMethod.PASSWORD, "",
                "", MoshOptions.DEFAULTS, ""));
        assertTrue(password.preferredAuthentications().startsWith("password"));
        SshTarget blankUser = WidgetSessionLauncher.sshTarget(Profile.remote("x", "", ConnectionKind.SSH, "", "h",
                null));
        assertEquals(null, blankUser.user(), "a blank user is left to ~/.ssh/config");
        assertEquals(null, blankUser.port());
    }

    @Test
    void moshOptionsMapOntoTheServerOptions() {
        MoshOptions mosh = new MoshOptions("/opt/bin/mosh-server", "60001:60010", "relay.example.org", 61000,
                PredictionMode.ALWAYS, true, "C.UTF-8");
        MoshServerOptions options = WidgetSessionLauncher.moshOptions(profile(ConnectionKind.MOSH, AuthMethod.AGENT,
                "", "", mosh, "tmux attach"));
        assertEquals("/opt/bin/mosh-server", options.serverCommand());
        assertEquals(Optional.of("C.UTF-8"), options.locale());
        assertEquals(Optional.of(new UdpPortRange(60001, 60010)), options.serverPorts());
        assertEquals(Optional.of("relay.example.org"), options.udpHost());
        assertEquals(Optional.of(61000), options.udpPort());
        assertEquals("sh", options.command().getFirst());
        assertEquals("tmux attach", options.command().getLast());
        assertEquals("mosh-server", WidgetSessionLauncher.moshOptions(Profile.remote("x", "", ConnectionKind.MOSH,
                "", "h", null)).serverCommand());
    }

    @Test
    void aStartupCommandEndingInACommentOrAnAmpersandStillLeavesALoginShell() throws Exception {
        for (String startup : List.of("echo ran-it # a note", "echo ran-it &", "echo ran-it;")) {
            MoshServerOptions options = WidgetSessionLauncher.moshOptions(profile(ConnectionKind.MOSH,
                    AuthMethod.AGENT, "", "", MoshOptions.DEFAULTS, startup));
            // what mosh-server would run, with a "login shell" that only says it was started
            List<String> out = dev.tern.app.profile.StartupRun.linesOf(options.command(), 2);
            assertTrue(out.contains("ran-it"), startup + " ran: " + out);
            assertTrue(out.contains("-l"), "the login shell follows " + startup + ": " + out);
        }
    }

    @Test
    void predictionModeAndOverwriteReachTheSession() {
        MoshOptions mosh = new MoshOptions("", "", "", null, PredictionMode.NEVER, true, "");
        var settings = WidgetSessionLauncher.predictionSettings(mosh, AppSettings.DEFAULTS);
        assertEquals(dev.tern.transport.predict.DisplayPreference.NEVER, settings.preference());
        assertTrue(settings.overwrite());
        assertEquals(dev.tern.transport.predict.DisplayPreference.ADAPTIVE,
                WidgetSessionLauncher.predictionSettings(MoshOptions.DEFAULTS, AppSettings.DEFAULTS).preference());
    }

    @Test
    void aProfileWithoutAModeOfItsOwnFollowsTheAppDefault() {
        AppSettings neverByDefault = new AppSettings("Monospaced", 14, "Dark", PredictionMode.NEVER, 1000, null,
                null);
        assertEquals(null, MoshOptions.DEFAULTS.prediction(), "new profiles follow the default");
        assertEquals(dev.tern.transport.predict.DisplayPreference.NEVER,
                WidgetSessionLauncher.predictionSettings(MoshOptions.DEFAULTS, neverByDefault).preference());
        MoshOptions always = new MoshOptions("", "", "", null, PredictionMode.ALWAYS, false, "");
        assertEquals(dev.tern.transport.predict.DisplayPreference.ALWAYS,
                WidgetSessionLauncher.predictionSettings(always, neverByDefault).preference(),
                "the profile's own mode wins over the default");
    }

    @Test
    void terminalOptionsFallBackToTheAppDefaults() {
        TerminalSettings own = WidgetSessionLauncher.terminalSettings(profile(ConnectionKind.MOSH, AuthMethod.AGENT,
                "", "", MoshOptions.DEFAULTS, ""), AppSettings.DEFAULTS);
        assertEquals(17, own.fontSize());
        assertEquals("Light", own.scheme().name());
        TerminalSettings inherited = WidgetSessionLauncher.terminalSettings(Profile.local("l"), new AppSettings(
                "Monospaced", 12, "Dark", PredictionMode.ADAPTIVE, 2000, null, null));
        assertEquals(12, inherited.fontSize());
        assertEquals("Dark", inherited.scheme().name());
        assertEquals(2000, inherited.scrollbackLines());
    }

    @Test
    void aLocalProfileOpensARealShellTab(FxRobot robot) throws Exception {
        WidgetSessionLauncher launcher = new WidgetSessionLauncher(SshEnvironment.isolated(home, "tester"));
        SessionHandle[] session = new SessionHandle[1];
        robot.interact(() -> {
            session[0] = launcher.open(Profile.local("shell"), AppSettings.DEFAULTS, null);
            root.getChildren().setAll(session[0].view());
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> session[0].state().get() == SessionState.CONNECTED);
        robot.interact(session[0]::close);
        assertEquals(SessionState.CLOSED, session[0].state().get());
    }

    /**
     * A local tab opened behind another (as a restored window's other tabs are) builds nothing and starts no shell
     * until it is shown; a Mosh tab connects at once, shown or not.
     */
    @Test
    void aLocalTabWaitsToBeShownAndAMoshTabDoesNot(FxRobot robot) throws Exception {
        WidgetSessionLauncher launcher = new WidgetSessionLauncher(SshEnvironment.isolated(home, "tester"));
        SessionHandle[] session = new SessionHandle[2];
        robot.interact(() -> session[0] = launcher.open(Profile.local("shell"), AppSettings.DEFAULTS, null));
        StackPane holder = (StackPane) session[0].view();
        assertEquals(SessionState.WAITING, session[0].state().get());
        assertFalse(session[0].state().get().isLive(), "quitting loses nothing of a tab never shown");
        assertTrue(holder.getChildren().isEmpty(), "no view built before the tab is shown");

        robot.interact(() -> {
            holder.setVisible(false);  // in the window, but behind another tab
            root.getChildren().setAll(holder);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SessionState.WAITING, session[0].state().get(), "a hidden tab still waits");
        assertTrue(holder.getChildren().isEmpty());

        robot.interact(() -> holder.setVisible(true));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session[0].state().get() == SessionState.CONNECTED);
        assertEquals(1, holder.getChildren().size(), "the view, built when the tab was shown");

        Profile mosh = Profile.remote("far", "", ConnectionKind.MOSH, "tester", "127.0.0.1", 1);
        robot.interact(() -> session[1] = launcher.open(mosh, AppSettings.DEFAULTS, null));
        assertTrue(session[1].state().get() != SessionState.WAITING, "a Mosh tab does not wait to be shown");
        assertEquals(1, ((StackPane) session[1].view()).getChildren().size(), "its view is built at once");
        robot.interact(() -> {
            session[0].close();
            session[1].close();
        });
    }

    @Test
    void aRefusedSshConnectionFailsTheTabWithItsMessage(FxRobot robot) throws Exception {
        WidgetSessionLauncher launcher = new WidgetSessionLauncher(SshEnvironment.isolated(home, "tester"));
        Profile refused = Profile.remote("nobody home", "", ConnectionKind.SSH, "tester", "127.0.0.1", 1);
        SessionHandle[] session = new SessionHandle[1];
        robot.interact(() -> {
            session[0] = launcher.open(refused, AppSettings.DEFAULTS, null);
            root.getChildren().setAll(session[0].view());
        });
        // the view publishes its closing sentence right after its state: wait for both
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session[0].state().get() == SessionState.FAILED
                && session[0].failure().get().toLowerCase(java.util.Locale.ROOT).contains("refused"));
        assertFalse(session[0].failure().get().endsWith("…"), session[0].failure().get());
        assertTrue(session[0].canReconnect(), "a failed tab offers Retry");

        javafx.scene.Node before = ((StackPane) session[0].view()).getChildren().getFirst();
        robot.interact(session[0]::reconnect);
        assertTrue(((StackPane) session[0].view()).getChildren().getFirst() != before,
                "a retry connects again with a fresh terminal in the same tab");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session[0].state().get() == SessionState.FAILED
                && session[0].failure().get().toLowerCase(java.util.Locale.ROOT).contains("refused"));
        robot.interact(session[0]::close);
        assertEquals(SessionState.CLOSED, session[0].state().get());
    }

    @Test
    void savedSettingsChangeTheLookOfAnOpenTabAtOnce(FxRobot robot) throws Exception {
        WidgetSessionLauncher launcher = new WidgetSessionLauncher(SshEnvironment.isolated(home, "tester"));
        Profile shell = Profile.local("shell");
        SessionHandle[] session = new SessionHandle[1];
        robot.interact(() -> {
            session[0] = launcher.open(shell, AppSettings.DEFAULTS, null);
            root.getChildren().setAll(session[0].view());
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> session[0].state().get() == SessionState.CONNECTED);
        TerminalView view = (TerminalView) ((StackPane) session[0].view()).getChildren().getFirst();
        int columns = view.textBuffer().getWidth();

        AppSettings bigLight = new AppSettings("Monospaced", 20, "Light", PredictionMode.ADAPTIVE, 1000, null,
                CursorStyle.BAR);
        robot.interact(() -> session[0].settingsChanged(shell, bigLight));
        assertEquals(20, view.settings().fontSize());
        assertEquals("Light", view.settings().scheme().name());
        assertEquals(CursorStyle.BAR, view.settings().cursorStyle());
        // re-rendered: a bigger cell gives fewer columns, and the background is the light scheme's
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.textBuffer().getWidth() < columns);
        int[] corner = new int[1];
        // the panel repaints on its own timer: look until the picture has the light background, or time out
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            robot.interact(() -> {
                var shot = view.snapshot(null, null);
                corner[0] = shot.getPixelReader().getArgb((int) shot.getWidth() / 2, (int) shot.getHeight() - 10)
                        & 0xFFFFFF;
            });
            return corner[0] == ColorScheme.LIGHT.background();
        });
        assertEquals(ColorScheme.LIGHT.background(), corner[0], Integer.toHexString(corner[0]));
        assertTrue(session[0].view() == view.getParent(), "the same view, not a reconnect");
        robot.interact(session[0]::close);
    }

    @Test
    void automaticAuthenticationLeavesTheMethodsToTheConfigAndTheDefaults() {
        SshTarget target = WidgetSessionLauncher.sshTarget(profile(ConnectionKind.SSH, AuthMethod.AUTOMATIC, "",
                "", MoshOptions.DEFAULTS, ""));
        assertEquals(null, target.useAgent(), "the agent when one runs");
        assertEquals(null, target.identityFiles(), "~/.ssh/config's keys, else the default key files");
        assertEquals(null, target.identitiesOnly());
        assertEquals(null, target.preferredAuthentications(), "publickey, keyboard-interactive, password");
        assertEquals(AuthMethod.AUTOMATIC, Profile.remote("n", "", ConnectionKind.SSH, "u", "h", null).auth());
    }
}
