package dev.tern.widget;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.testbed.UdpImpairmentProxy;
import dev.tern.transport.session.SessionJournals;
import dev.tern.transport.session.SessionOptions;
import dev.tern.transport.ssh.ConnectSpecResolver;
import dev.tern.transport.ssh.MoshServerOptions;
import dev.tern.transport.ssh.OutputRecorder;
import dev.tern.transport.ssh.Prompter;
import dev.tern.transport.ssh.SshConnector;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.transport.ssh.SshTarget;
import dev.tern.transport.ssh.StrictHostKeyChecking;
import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.MoshConnector;
import dev.tern.widget.connect.MoshServerAddress;
import dev.tern.widget.connect.SessionKeeping;
import dev.tern.widget.connect.SshShellConnector;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Mosh tab's complete history against the test bed's sshd and the real mosh-server (docs/ARCHITECTURE.md §13):
 * every line of {@code seq 1 100000} ends up in the history, in order, even though mosh-server sends only screens;
 * without the recording, each gap is one marker row and there are no blank rows.
 */
@ExtendWith({ApplicationExtension.class, TestBed.class})
class MoshHistoryTest {
    private static final int LINES = 100_000;
    private TerminalView view;
    private MoshConnector connector;
    private UdpImpairmentProxy proxy;
    private dev.tern.testbed.TcpCutRelay sshPath;

    @AfterEach
    void closeAll() {
        TerminalView v = view;
        if (v != null) {
            new FxRobot().interact(v::close);
            TerminalView.awaitClosing(Duration.ofSeconds(10));
        }
        if (sshPath != null) {
            sshPath.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private static SshShellConnector.Login login(SshServer server, Path home) {
        return login(server, home, server.port(), server.knownHosts());
    }

    /**
     * SSH through a relay that a test can kill the way a network change kills TCP connections; the server is
     * known under the relay's port.
     */
    private SshShellConnector.Login loginThroughRelay(SshServer server, Path home) throws java.io.IOException {
        sshPath = dev.tern.testbed.TcpCutRelay.start(new java.net.InetSocketAddress(server.host(), server.port()));
        Path knownHosts = home.resolve("known_hosts_relay");
        java.nio.file.Files.writeString(knownHosts, java.nio.file.Files.readString(server.knownHosts())
                .replace("]:" + server.port() + " ", "]:" + sshPath.port() + " "));
        return login(server, home, sshPath.port(), knownHosts);
    }

    private static SshShellConnector.Login login(SshServer server, Path home, int port, Path knownHosts) {
        SshTarget target = SshTarget.builder(server.host()).port(port).user(server.user())
                .knownHostsFile(knownHosts).strictHostKeyChecking(StrictHostKeyChecking.YES)
                .useAgent(false).identitiesOnly(true).identityFiles(List.of(server.ed25519Key())).build();
        return progress -> SshConnector.connect(ConnectSpecResolver.forEnvironment(
                SshEnvironment.isolated(home, "tern-history-test")).resolve(target), Prompter.refusing(), progress);
    }

    /** A bootstrap whose UDP goes through {@code around} (the impairment proxy), or straight when it is null. */
    private MoshConnector.Bootstrap through(MoshConnector.Bootstrap inner, boolean impaired) {
        if (!impaired) {
            return inner;
        }
        return new MoshConnector.Bootstrap() {
            @Override
            public MoshServerAddress start(dev.tern.transport.ssh.ConnectProgress progress) throws Exception {
                MoshServerAddress direct = inner.start(progress);
                proxy = UdpImpairmentProxy.start(direct.udpTarget(), 16);
                proxy.setDelay(Duration.ofMillis(50), Duration.ZERO);
                proxy.setLoss(0.10, 0.10);
                return new MoshServerAddress(proxy.listenAddress(), direct.key(), direct.serverPid());
            }

            @Override
            public java.util.Optional<MoshConnector.RecordedSession> recording() {
                return inner.recording();
            }

            @Override
            public boolean records() {
                return inner.records();
            }
        };
    }

    private void open(FxRobot robot, MoshConnector connector) {
        this.connector = connector;
        robot.interact(() -> {
            TerminalSettings d = TerminalSettings.defaults();
            view = new TerminalView(connector, new TerminalSettings(d.fontFamily(), d.fontSize(), d.scheme(),
                    d.cursorStyle(), d.cursorBlink(), LINES + 10_000, d.visualBell(), d.audibleBell()));
            Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
            stage.setScene(new Scene(view, 800, 480));
            stage.sizeToScene();
            stage.show();
            view.requestTerminalFocus();
        });
        Eventually.until(Duration.ofSeconds(40), () -> view.stateProperty().get() == ConnectionState.CONNECTED,
                () -> view.stateProperty().get() + " " + view.messageProperty().get());
    }

    private MoshConnector recorded(SshServer server, Path home, boolean impaired) {
        return new MoshConnector("mosh-history", through(MoshConnector.overSshRecorded(login(server, home),
                MoshServerOptions.defaults(), OutputRecorder.DEFAULT_BOUND), impaired));
    }

    /** The history and the screen, one line per row, with trailing blanks cut. */
    private List<String> allLines() {
        List<String> lines = new ArrayList<>();
        for (String text : List.of(view.historyText(), view.screenText())) {
            for (String line : text.split("\n", -1)) {
                lines.add(line.stripTrailing());
            }
        }
        return lines;
    }

    private static boolean isMarker(String line) {
        return line.startsWith("… ") && line.contains("lines not received");
    }

    /** The lines 1..LINES, each once and in order, with no marker left and the prompt after them. */
    private boolean complete() {
        List<String> lines = allLines();
        int expected = 1;
        for (String line : lines) {
            if (isMarker(line)) {
                return false;
            }
            if (line.equals(Integer.toString(expected))) {
                expected++;
            } else if (line.matches("\\d+")) {
                return false;
            }
        }
        return expected == LINES + 1 && lines.stream().anyMatch(l -> l.contains("seq-done"));
    }

    private String summary() {
        List<String> lines = allLines();
        long numbers = lines.stream().filter(l -> l.matches("\\d+")).count();
        long markers = lines.stream().filter(MoshHistoryTest::isMarker).count();
        String first = lines.stream().filter(l -> l.matches("\\d+")).findFirst().orElse("-");
        return numbers + " numbered lines from " + first + ", " + markers + " markers, " + lines.size() + " rows";
    }

    private long runSeq(FxRobot robot, UnaryOperator<String> command) {
        Eventually.screenContains(view, "$");
        ShownView.typeLine(robot, view, command.apply("seq 1 " + LINES + "; echo seq-; echo done"));
        long start = System.nanoTime();
        Eventually.until(Duration.ofSeconds(120), () -> view.screenText().contains("seq-done")
                || view.screenText().contains("\ndone"), this::summary);
        return start;
    }

    private void everyLineArrives(FxRobot robot) {
        runSeq(robot, c -> c.replace("echo seq-; echo done", "echo seq-done"));
        long outputEnded = System.nanoTime();
        Eventually.until(Duration.ofSeconds(120), this::complete, this::summary);
        long output = 0;
        for (int n = 1; n <= LINES; n++) {
            output += Integer.toString(n).length() + 2;
        }
        System.out.printf("history complete %d ms after the output ended on screen: %s; recording fetched: %d "
                        + "bytes for %d bytes of output (SSH framing and encryption not counted)%n",
                (System.nanoTime() - outputEnded) / 1_000_000, summary(),
                connector.recordingReader().bytesReceived(), output);
    }

    @Test
    void everyLineOfAFloodReachesTheHistoryInOrder(FxRobot robot, SshServer server, @TempDir Path home) {
        open(robot, recorded(server, home, false));
        everyLineArrives(robot);
    }

    @Test
    void everyLineArrivesThroughLossAndDelay(FxRobot robot, SshServer server, @TempDir Path home) {
        open(robot, recorded(server, home, true));
        everyLineArrives(robot);
    }

    /**
     * A 20 s blackout of the whole path during the output, as roaming or sleep makes it: the UDP proxy drops
     * everything, and the companion's TCP connection dies silently (the relay passes nothing more on it and turns
     * new ones away until the blackout ends). The history connection must log in again and pick up at its offset.
     */
    @Test
    void everyLineArrivesAcrossABlackoutDuringTheOutput(FxRobot robot, SshServer server, @TempDir Path home)
            throws Exception {
        open(robot, new MoshConnector("mosh-history", through(MoshConnector.overSshRecorded(
                loginThroughRelay(server, home), MoshServerOptions.defaults(), OutputRecorder.DEFAULT_BOUND), true)));
        proxy.setLoss(0, 0);
        proxy.setDelay(Duration.ZERO, Duration.ZERO);
        Eventually.screenContains(view, "$");
        ShownView.typeLine(robot, view, "sleep 1; seq 1 " + LINES + "; echo seq-done");
        long logins = sshPath.acceptedConnections();
        long reconnects = connector.companion().reconnects();
        proxy.blackout(Duration.ofSeconds(20));
        sshPath.blackout(Duration.ofSeconds(20));
        Eventually.until(Duration.ofSeconds(30), () -> view.stateProperty().get() == ConnectionState.CONTACT_LOST,
                () -> String.valueOf(view.stateProperty().get()));
        long blackoutStart = System.nanoTime();
        Eventually.until(Duration.ofSeconds(60), () -> view.screenText().contains("seq-done"), this::summary);
        long screenDone = System.nanoTime();
        Eventually.until(Duration.ofSeconds(120), this::complete, this::summary);
        System.out.printf("blackout began; output's end on screen after %d ms, history complete after %d ms%n",
                (screenDone - blackoutStart) / 1_000_000, (System.nanoTime() - blackoutStart) / 1_000_000);
        assertTrue(connector.companion().reconnects() > reconnects && sshPath.acceptedConnections() > logins,
                "the history came over a new login: " + connector.companion().reconnects() + " reconnects, "
                        + sshPath.acceptedConnections() + " connections through the relay");
        System.out.println("after a 20 s blackout of UDP and TCP: " + summary() + ", picked up at byte offset "
                + connector.recordingReader().offset());
    }

    @Test
    void aResumedTabFollowsItsRecordingAgainFromTheStart(FxRobot robot, SshServer server, @TempDir Path home)
            throws Exception {
        SessionJournals journals = SessionJournals.in(home.resolve("sessions"));
        MoshConnector first = new MoshConnector("mosh-history", MoshConnector.overSshRecorded(login(server, home),
                MoshServerOptions.defaults(), OutputRecorder.DEFAULT_BOUND), SessionOptions.GUI,
                SessionKeeping.in(journals));
        open(robot, first);
        Eventually.screenContains(view, "$");
        Eventually.until(Duration.ofSeconds(20), () -> first.sessionId() != null, () -> "no journal");
        String id = first.sessionId();
        // the output comes while no tab shows the session, as after a crash
        ShownView.typeLine(robot, view, "sleep 2; seq 1 " + LINES + "; echo seq-done");
        Eventually.screenContains(view, "sleep 2");
        first.keepSessionOnClose();
        robot.interact(view::close);
        TerminalView.awaitClosing(Duration.ofSeconds(10));
        view = null;

        MoshConnector resumed = new MoshConnector("mosh-history", MoshConnector.overSshRecorded(login(server, home),
                MoshServerOptions.defaults(), OutputRecorder.DEFAULT_BOUND), SessionOptions.GUI,
                SessionKeeping.in(journals).resuming(id));
        open(robot, resumed);
        Eventually.until(Duration.ofSeconds(120), this::complete, this::summary);
        System.out.println("resumed: " + summary());
    }

    @Test
    void withoutTheRecordingEachGapIsOneMarkerAndNoRowIsBlank(FxRobot robot, SshServer server,
                                                               @TempDir Path home) {
        open(robot, new MoshConnector("mosh-unrecorded", MoshConnector.overSsh(login(server, home),
                MoshServerOptions.defaults())));
        runSeq(robot, c -> c.replace("echo seq-; echo done", "echo seq-done"));
        Eventually.until(Duration.ofSeconds(10), () -> view.framesShown() > 0, () -> "frames");
        List<String> history = List.of(view.historyText().split("\n", -1));
        int seqLine = -1;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).contains("seq 1 " + LINES)) {
                seqLine = i;
            }
        }
        assertTrue(seqLine >= 0, "the command line is in the history: "
                + history.subList(0, Math.min(30, history.size())));
        int markers = 0, gaps = 0, previous = 0;
        boolean markerSincePrevious = false;
        for (String raw : history.subList(seqLine + 1, history.size())) {
            String line = raw.stripTrailing();
            assertTrue(!line.isEmpty(), "no blank rows in the history");
            if (isMarker(line)) {
                assertTrue(!markerSincePrevious, "one marker per gap, not two in a row");
                markers++;
                markerSincePrevious = true;
                continue;
            }
            int n = Integer.parseInt(line);
            assertTrue(n > previous, "in order: " + n + " after " + previous);
            if (n != previous + 1) {
                gaps++;
                assertTrue(markerSincePrevious, "a marker stands in the gap before " + n);
            } else {
                assertTrue(!markerSincePrevious || previous == 0, "no marker where nothing is missing: " + n);
            }
            markerSincePrevious = false;
            previous = n;
        }
        System.out.println("without the recording: " + gaps + " gaps, " + markers + " markers, " + summary());
        assertTrue(gaps > 0, "mosh skipped lines, as it does");
        assertEquals(gaps, markers - (markerSincePrevious ? 1 : 0), "one marker per gap");
    }
}
