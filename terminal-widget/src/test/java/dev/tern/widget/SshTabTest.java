package dev.tern.widget;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.transport.ssh.ConnectSpecResolver;
import dev.tern.transport.ssh.Prompter;
import dev.tern.transport.ssh.SshConnector;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.transport.ssh.SshTarget;
import dev.tern.transport.ssh.StrictHostKeyChecking;
import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.SshShellConnector;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith({ApplicationExtension.class, TestBed.class})
class SshTabTest {
    @RegisterExtension
    final ShownView shown = new ShownView();
    private TerminalView view;

    static SshShellConnector connector(SshServer server, Path home) {
        SshTarget target = SshTarget.builder(server.host()).port(server.port()).user(server.user())
                .knownHostsFile(server.knownHosts()).strictHostKeyChecking(StrictHostKeyChecking.YES)
                .useAgent(false).identitiesOnly(true).identityFiles(List.of(server.ed25519Key())).build();
        return new SshShellConnector(server.user() + "@" + server.host(), progress -> SshConnector.connect(
                ConnectSpecResolver.forEnvironment(SshEnvironment.isolated(home, "tern-widget-test")).resolve(target),
                Prompter.refusing(), progress), Map.of());
    }

    private void show(FxRobot robot, SshShellConnector connector) {
        view = shown.show(robot, connector);
    }

    @Test
    void typedCommandRunsRemotelyAndResizeReachesTheServer(FxRobot robot, SshServer server, @TempDir Path home) {
        show(robot, connector(server, home));
        Eventually.until(Duration.ofSeconds(20), () -> view.stateProperty().get() == ConnectionState.CONNECTED,
                () -> view.stateProperty().get() + " " + view.messageProperty().get());
        ShownView.typeLine(robot, view, "echo $((6*7))-ssh");
        Eventually.screenContains(view, "42-ssh");

        shown.resizeReachesTheRemote(robot, 600, 320);

        robot.write("exit");
        robot.type(KeyCode.ENTER);
        Eventually.until(Duration.ofSeconds(10), () -> view.stateProperty().get() == ConnectionState.CLOSED,
                () -> String.valueOf(view.stateProperty().get()));
        assertEquals("Remote shell exited with code 0.", view.messageProperty().get());
    }

    /** The whole Mosh start: SSH login, mosh-server started by the bootstrap, then our UDP session. */
    @Test
    void moshTabOverSshLogin(FxRobot robot, SshServer server, @TempDir Path home) {
        SshTarget target = SshTarget.builder(server.host()).port(server.port()).user(server.user())
                .knownHostsFile(server.knownHosts()).strictHostKeyChecking(StrictHostKeyChecking.YES)
                .useAgent(false).identitiesOnly(true).identityFiles(List.of(server.ed25519Key())).build();
        var connector = new dev.tern.widget.connect.MoshConnector("mosh " + server.user(),
                dev.tern.widget.connect.MoshConnector.overSsh(progress -> SshConnector.connect(
                        ConnectSpecResolver.forEnvironment(SshEnvironment.isolated(home, "t")).resolve(target),
                        Prompter.refusing(), progress), dev.tern.transport.ssh.MoshServerOptions.defaults()));
        view = shown.show(robot, connector);
        Eventually.until(Duration.ofSeconds(30), () -> view.stateProperty().get() == ConnectionState.CONNECTED,
                () -> view.stateProperty().get() + " " + view.messageProperty().get());
        ShownView.typeLine(robot, view, "echo $((6*7))-over-ssh");
        Eventually.screenContains(view, "42-over-ssh");
    }

    @Test
    void aRefusedLoginIsShownInTheTabNotThrown(FxRobot robot, SshServer server, @TempDir Path home) {
        SshTarget target = SshTarget.builder(server.host()).port(server.port()).user(server.user())
                .knownHostsFile(server.knownHosts()).strictHostKeyChecking(StrictHostKeyChecking.YES)
                .useAgent(false).identitiesOnly(true).identityFiles(List.of(server.unauthorizedKey()))
                .preferredAuthentications("publickey").build();
        show(robot, new SshShellConnector("refused", progress -> SshConnector.connect(
                ConnectSpecResolver.forEnvironment(SshEnvironment.isolated(home, "t")).resolve(target),
                Prompter.refusing(), progress), Map.of()));
        Eventually.until(Duration.ofSeconds(20), () -> view.stateProperty().get() == ConnectionState.CLOSED,
                () -> String.valueOf(view.stateProperty().get()));
        String message = view.messageProperty().get();
        System.out.println("refused login message: " + message);
        assertTrue(!message.isBlank() && !message.contains("\tat "), message);
        Eventually.screenContains(view, message.substring(0, Math.min(20, message.length())));
        Eventually.until(Duration.ofSeconds(5), () -> message.equals(view.bannerText()), view::bannerText);
    }
}
