package dev.tern.widget.bench;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.testbed.UdpImpairmentProxy;
import dev.tern.transport.ssh.ConnectProgress;
import dev.tern.transport.ssh.ConnectSpecResolver;
import dev.tern.transport.ssh.MoshServerOptions;
import dev.tern.transport.ssh.OutputRecorder;
import dev.tern.transport.ssh.Prompter;
import dev.tern.transport.ssh.SshConnector;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.transport.ssh.SshTarget;
import dev.tern.transport.ssh.StrictHostKeyChecking;
import dev.tern.widget.TerminalSettings;
import dev.tern.widget.TerminalView;
import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.MoshConnector;
import dev.tern.widget.connect.MoshServerAddress;
import dev.tern.widget.connect.SshShellConnector;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a Mosh tab's complete history (docs/ARCHITECTURE.md §13) costs, against the test bed's sshd and the real
 * mosh-server: the bytes the SSH side channel carries (counted by a TCP relay in front of sshd, so SSH framing,
 * encryption and keep-alives are in), the time from the end of the output on the live screen to a complete history
 * (several runs, median), and the live screen's key latency with the recorder on and off, alternating in one run
 * (the prediction benchmark of bench/widget-flood.sh, {@link KeyLatency}). Figures are printed, never asserted;
 * the assertions check only that the work was done. Run by scripts/bench-suite.sh or
 * {@code mvn -pl terminal-widget test -Dtest=HistoryCostBenchmarkTest -Dtern.excludedTestGroups=none}.
 */
@ExtendWith(TestBed.class)
@Tag("benchmark")
class HistoryCostBenchmarkTest {
    private static final int LINES = 100_000;
    private static final int RUNS = Integer.getInteger("tern.bench.historyRuns", 5);
    private static final int LATENCY_ROUNDS = Integer.getInteger("tern.bench.latencyRounds", 3);
    private static final int KEYS = Integer.getInteger("tern.bench.keys", 60);
    private static final int WARMUP = 8;
    /** The shell computes the mark, so the echo of the command line cannot be taken for the end of the output. */
    private static final String COMMAND = "seq 1 " + LINES + "; echo seq-$((40+2))\r";
    private static final String DONE = "seq-42";
    /** A plain bash with the prompt "$ ", as KeyLatency expects (the test user's login shell prompts otherwise). */
    private static final MoshServerOptions PLAIN_BASH = MoshServerOptions.defaults()
            .withCommand(List.of("env", "PS1=$ ", "bash", "--norc", "--noprofile"));

    @Test
    void bytesAndTimeUntilTheHistoryIsComplete(SshServer server, @TempDir Path home) throws Exception {
        BenchFx.startFx();
        long output = 0;
        for (int n = 1; n <= LINES; n++) {
            output += Integer.toString(n).length() + 2; // the pty turns each \n into \r\n
        }
        List<Long> completeMillis = new ArrayList<>();
        List<Long> sideBytes = new ArrayList<>();
        List<Long> fetched = new ArrayList<>();
        try (TcpByteCounter counter = TcpByteCounter.in(server)) {
            SshShellConnector.Login login = login(server, home, counter);
            for (int run = 0; run < RUNS; run++) {
                MoshConnector mosh = new MoshConnector("history-cost", MoshConnector.overSshRecorded(login,
                        PLAIN_BASH, OutputRecorder.DEFAULT_BOUND));
                Shown shown = show(mosh);
                try {
                    long before = counter.total();
                    mosh.send(COMMAND.getBytes(StandardCharsets.US_ASCII));
                    require(BenchFx.await(120_000, 5, () -> shown.view.screenText().contains(DONE)),
                            "the output never ended on screen: " + shown.view.screenText());
                    long ended = System.nanoTime();
                    require(BenchFx.await(120_000, 5, () -> complete(shown.view)),
                            "the history never became complete: " + summary(shown.view));
                    long millis = (System.nanoTime() - ended) / 1_000_000;
                    // the reader may still be reading the tail's last reply; let the channel settle first
                    BenchFx.sleep(1000);
                    long bytes = counter.total() - before;
                    completeMillis.add(millis);
                    sideBytes.add(bytes);
                    fetched.add(mosh.recordingReader().bytesReceived());
                    System.out.printf(Locale.ROOT, "history run %d: complete %d ms after the output ended on "
                                    + "screen; SSH side channel %d bytes on the wire (both ways) during the run, "
                                    + "recording fetched %d bytes%n", run + 1, millis, bytes,
                            mosh.recordingReader().bytesReceived());
                } finally {
                    shown.close();
                }
            }
        }
        System.out.printf(Locale.ROOT, "BENCH history: seq 1 %d = %d bytes of output, %d runs; complete after the "
                        + "output ended: median %d ms (runs %s); SSH side channel: median %d bytes on the wire "
                        + "(%.3f x the output; runs %s); recording fetched: median %d bytes%n", LINES, output, RUNS,
                median(completeMillis), completeMillis, median(sideBytes), median(sideBytes) / (double) output,
                sideBytes, median(fetched));
        assertEquals(RUNS, completeMillis.size());
    }

    @Test
    void keyLatencyWithTheRecorderOnAndOff(SshServer server, @TempDir Path home) throws Exception {
        BenchFx.startFx();
        SshShellConnector.Login login = login(server, home, null);
        List<long[]> on = new ArrayList<>();
        List<long[]> off = new ArrayList<>();
        for (int round = 0; round < LATENCY_ROUNDS; round++) {
            for (boolean recorded : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                MoshConnector.Bootstrap bootstrap = recorded
                        ? MoshConnector.overSshRecorded(login, PLAIN_BASH,
                        OutputRecorder.DEFAULT_BOUND)
                        : MoshConnector.overSsh(login, PLAIN_BASH);
                try (Delayed delayed = new Delayed(bootstrap)) {
                    MoshConnector mosh = new MoshConnector(recorded ? "keys-recorded" : "keys-plain", delayed);
                    long[] keys = KeyLatency.keyLatencies(mosh, 100, 30, KEYS, WARMUP);
                    require(keys.length == KEYS, "measured " + keys.length + " keys of " + KEYS);
                    if (recorded) {
                        require(mosh.recordingReader() != null && mosh.recordingReader().bytesReceived() > 0,
                                "the recorded session fetched nothing");
                    }
                    (recorded ? on : off).add(keys);
                    System.out.printf(Locale.ROOT, "keys round %d, recorder %s: p50 %s ms, p95 %s ms%n", round + 1,
                            recorded ? "on" : "off", KeyLatency.pct(keys, 50), KeyLatency.pct(keys, 95));
                }
                TerminalView.awaitClosing(Duration.ofSeconds(10));
            }
        }
        long[] allOn = sorted(on);
        long[] allOff = sorted(off);
        System.out.printf(Locale.ROOT, "BENCH keys at 300 ms RTT, %d keys each way in %d alternating rounds: "
                        + "recorder on p50 %s / p95 %s ms, off p50 %s / p95 %s ms, on/off ratio of the medians "
                        + "%.2f%n", allOn.length, LATENCY_ROUNDS, KeyLatency.pct(allOn, 50), KeyLatency.pct(allOn, 95),
                KeyLatency.pct(allOff, 50), KeyLatency.pct(allOff, 95),
                allOn[allOn.length / 2] / (double) allOff[allOff.length / 2]);
        assertTrue(allOn.length > 0 && allOff.length > 0);
    }

    // ---- the set-up ----

    /** Logs in to the test bed's sshd, through {@code counter} when it is given (known_hosts names its port). */
    private static SshShellConnector.Login login(SshServer server, Path home, TcpByteCounter counter)
            throws IOException {
        int port = counter == null ? server.port() : counter.port();
        Path knownHosts = home.resolve("known_hosts");
        Files.writeString(knownHosts, Files.readString(server.knownHosts())
                .replace("]:" + server.port() + " ", "]:" + port + " "));
        SshTarget target = SshTarget.builder(server.host()).port(port).user(server.user())
                .knownHostsFile(knownHosts).strictHostKeyChecking(StrictHostKeyChecking.YES)
                .useAgent(false).identitiesOnly(true).identityFiles(List.of(server.ed25519Key())).build();
        return progress -> SshConnector.connect(ConnectSpecResolver.forEnvironment(
                SshEnvironment.isolated(home, "tern-history-bench")).resolve(target), Prompter.refusing(), progress);
    }

    private record Shown(TerminalView view, Stage stage) {
        void close() {
            BenchFx.onFx(view::close);
            BenchFx.onFx(stage::close);
            TerminalView.awaitClosing(Duration.ofSeconds(10));
        }
    }

    private static Shown show(MoshConnector mosh) {
        TerminalView view = BenchFx.onFx(() -> {
            TerminalSettings d = TerminalSettings.defaults();
            return new TerminalView(mosh, new TerminalSettings(d.fontFamily(), d.fontSize(), d.scheme(),
                    d.cursorStyle(), d.cursorBlink(), LINES + 10_000, d.visualBell(), d.audibleBell()));
        });
        Stage stage = BenchFx.show(view, "tern-bench-history");
        require(BenchFx.await(40_000, 20, () -> view.stateProperty().get() == ConnectionState.CONNECTED
                && view.screenText().contains("$")), "no Mosh prompt: " + view.stateProperty().get() + " "
                + view.messageProperty().get());
        // the prompt must be in the recording before the run starts, so the run's bytes are the run's alone
        BenchFx.sleep(1000);
        return new Shown(view, stage);
    }

    /** A bootstrap whose UDP crosses the impairment proxy at 150 ms each way (300 ms RTT), as KeyLatency's. */
    private static final class Delayed implements MoshConnector.Bootstrap, AutoCloseable {
        private final MoshConnector.Bootstrap inner;
        private volatile UdpImpairmentProxy proxy;

        Delayed(MoshConnector.Bootstrap inner) {
            this.inner = inner;
        }

        @Override
        public MoshServerAddress start(ConnectProgress progress) throws Exception {
            MoshServerAddress direct = inner.start(progress);
            proxy = UdpImpairmentProxy.start(direct.udpTarget(), 11);
            proxy.setDelay(Duration.ofMillis(150), Duration.ZERO);
            return new MoshServerAddress(proxy.listenAddress(), direct.key(), direct.serverPid());
        }

        @Override
        public Optional<MoshConnector.RecordedSession> recording() {
            return inner.recording();
        }

        @Override
        public boolean records() {
            return inner.records();
        }

        @Override
        public void close() {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    /** A TCP relay in front of sshd that counts every byte it carries, both ways. */
    private static final class TcpByteCounter implements AutoCloseable {
        private final ServerSocket listener;
        private final InetSocketAddress target;
        private final AtomicLong bytes = new AtomicLong();

        private TcpByteCounter(InetSocketAddress target) throws IOException {
            this.target = target;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().name("tcp-counter-accept").start(this::accept);
        }

        static TcpByteCounter in(SshServer server) throws IOException {
            return new TcpByteCounter(new InetSocketAddress(server.host(), server.port()));
        }

        int port() {
            return listener.getLocalPort();
        }

        long total() {
            return bytes.get();
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket upstream = new Socket(target.getAddress(), target.getPort());
                    Thread.ofVirtual().start(() -> pump(client, upstream));
                    Thread.ofVirtual().start(() -> pump(upstream, client));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void pump(Socket from, Socket to) {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    bytes.addAndGet(n);
                }
            } catch (IOException ended) {
                // either side closed: the other half follows
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    // ---- reading the history ----

    private static List<String> allLines(TerminalView view) {
        List<String> lines = new ArrayList<>();
        for (String text : List.of(view.historyText(), view.screenText())) {
            for (String line : text.split("\n", -1)) {
                lines.add(line.stripTrailing());
            }
        }
        return lines;
    }

    /** The lines 1..LINES, each once and in order, with no marker between them. */
    private static boolean complete(TerminalView view) {
        int expected = 1;
        for (String line : allLines(view)) {
            if (line.startsWith("… ") && line.contains("lines not received")) {
                return false;
            }
            if (line.equals(Integer.toString(expected))) {
                expected++;
            } else if (!line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
                return false;
            }
        }
        return expected == LINES + 1;
    }

    private static String summary(TerminalView view) {
        List<String> lines = allLines(view);
        return lines.stream().filter(l -> !l.isEmpty() && l.chars().allMatch(Character::isDigit)).count()
                + " numbered lines, " + lines.stream().filter(l -> l.contains("lines not received")).count()
                + " markers";
    }

    private static long[] sorted(List<long[]> runs) {
        return runs.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
