package dev.tern.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.TerminalOptions;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.widget.TerminalView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
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
 * A profile's startup command in SSH and local tabs: typed into the interactive shell once it is up, so it runs
 * once and the shell stays usable; an SSH reconnect is a new shell and runs it again. Against the test bed's sshd.
 */
@ExtendWith({ApplicationExtension.class, TestBed.class})
class StartupCommandTest {
    private static final String STARTUP = "echo startup-ran-$((6*7))";
    /** The command's output on a line of its own (the echoed command line shows {@code $((6*7))}, not 42). */
    private static final Pattern RAN = Pattern.compile("(?m)^startup-ran-42\\s*$");

    @TempDir
    Path home;

    private final StackPane root = new StackPane();
    private SessionHandle session;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 760, 420));
        stage.show();
    }

    @AfterEach
    void closeSession(FxRobot robot) {
        if (session != null) {
            robot.interact(session::close);
        }
    }

    private static TerminalView terminalOf(SessionHandle session) {
        return (TerminalView) session.view().lookup(".tern-terminal-view");
    }

    private static int runs(TerminalView view) {
        Matcher m = RAN.matcher(view.screenText() + "\n" + view.historyText());
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private void open(FxRobot robot, Profile profile) {
        WidgetSessionLauncher launcher = new WidgetSessionLauncher(SshEnvironment.isolated(home, "tern-startup"));
        robot.interact(() -> {
            session = launcher.open(profile, AppSettings.DEFAULTS, null);
            root.getChildren().setAll(session.view());
        });
    }

    /** Waits for the command's output, then checks it stays a single run and that the shell still takes input. */
    private static void ranOnceAndShellStaysUp(FxRobot robot, TerminalView view) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runs(view) >= 1);
        Thread.sleep(1500); // on purpose: a second run, had the command been typed twice, would show by now
        assertEquals(1, runs(view), view::screenText);
        robot.interact(view::requestTerminalFocus);
        robot.write("echo still-in-the-shell-$((2*3))");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.screenText().contains("still-in-the-shell-6"));
    }

    @Test
    void anSshTabTypesTheStartupCommandIntoItsShellOnEachConnection(SshServer server, FxRobot robot)
            throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(server.knownHosts(), home.resolve(".ssh/known_hosts"));
        Profile ssh = new Profile(null, "testbed ssh", "", ConnectionKind.SSH, server.host(), server.port(),
                server.user(), AuthMethod.KEY_FILE, server.ed25519Key().toString(), "", false, MoshOptions.DEFAULTS,
                STARTUP, TerminalOptions.DEFAULTS);
        open(robot, ssh);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.state().get() == SessionState.CONNECTED);
        TerminalView first = terminalOf(session);
        ranOnceAndShellStaysUp(robot, first);

        // a reconnect is a new shell: the command is wanted there again (once)
        robot.interact(session::reconnect);
        TerminalView second = terminalOf(session);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.state().get() == SessionState.CONNECTED);
        ranOnceAndShellStaysUp(robot, second);

        // an edit saved while the tab is open is what its next connection uses
        Profile edited = new Profile(ssh.id(), ssh.name(), "", ConnectionKind.SSH, server.host(), server.port(),
                server.user(), AuthMethod.KEY_FILE, server.ed25519Key().toString(), "", false, MoshOptions.DEFAULTS,
                "echo edited-ran-$((7*7))", TerminalOptions.DEFAULTS);
        robot.interact(() -> session.settingsChanged(edited, AppSettings.DEFAULTS));
        robot.interact(session::reconnect);
        TerminalView third = terminalOf(session);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> third.screenText().contains("edited-ran-49"));
        assertEquals(0, runs(third), "the command of the profile as it was before the edit");
    }

    @Test
    void aLocalTabTypesTheStartupCommandIntoItsShell(FxRobot robot) throws Exception {
        Profile local = new Profile(null, "local startup", "", ConnectionKind.LOCAL, "", null, "", AuthMethod.AGENT,
                "", "", false, MoshOptions.DEFAULTS, STARTUP, TerminalOptions.DEFAULTS);
        open(robot, local);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.state().get() == SessionState.CONNECTED);
        ranOnceAndShellStaysUp(robot, terminalOf(session));
    }
}
