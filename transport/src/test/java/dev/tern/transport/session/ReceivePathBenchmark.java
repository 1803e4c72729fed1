package dev.tern.transport.session;

import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.SequenceCounter;
import dev.tern.transport.wire.DatagramLayer;
import dev.tern.transport.wire.Fragment;
import dev.tern.transport.wire.Fragmenter;
import dev.tern.transport.wire.Mtu;
import dev.tern.transport.wire.TransportInstruction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.tern.transport.session.RemoteTerminalStateTest.bytes;
import static dev.tern.transport.session.RemoteTerminalStateTest.hostMessage;

/**
 * The client's full receive path for one server datagram carrying a new state: decrypt, timestamps,
 * reassembly, inflate, protobuf, SSP bookkeeping, a copy of the base emulator and the host bytes applied to it.
 * {@link #receiveAndAcknowledge} adds what each state then costs the sending side, the acknowledgement and, with
 * {@code journal=kept}, the journal saves that must precede it (docs/PROTOCOL.md §11), with states arriving
 * {@link #STATE_GAP_MILLIS} apart. Run with scripts/bench-transport.sh; {@code JournalCostBenchmarkTest} prints
 * the two as a ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReceivePathBenchmark {
    private static final int STATES = 20_000;
    /** The fastest a mosh-server sends new states (its shortest frame interval). */
    static final int STATE_GAP_MILLIS = 20;

    /** One line of shell output, or a repaint of a whole 80x24 screen. */
    @Param({"line", "screen"})
    public String update;

    /** Whether the session keeps a journal (on the disk under target/). */
    @Param({"none", "kept"})
    public String journal = "none";

    private SessionJournal kept;
    private java.nio.file.Path journalFolder;

    private final List<byte[]> datagrams = new ArrayList<>();
    private ClientEndpoint client;
    private int next;
    private long now;

    @Setup(Level.Trial)
    public void prepareDatagrams() {
        DatagramLayer server = new DatagramLayer(FakeMoshServer.KEY, Direction.TO_CLIENT, new SequenceCounter());
        Fragmenter fragmenter = new Fragmenter();
        Random random = new Random(3);
        for (int n = 1; n <= STATES; n++) {
            String text = update.equals("line")
                    ? "output line " + n + " " + Long.toHexString(random.nextLong()) + "\r\n"
                    : screenRepaint(random);
            TransportInstruction instruction = new TransportInstruction(2, n - 1, n, 1, n - 1,
                    hostMessage(bytes(text)), new byte[0]);
            for (Fragment f : fragmenter.fragment(instruction, Mtu.fragmentPayload(Mtu.IPV4_DATAGRAM))) {
                datagrams.add(server.seal(f, n));
            }
        }
        freshClient();
    }

    private static String screenRepaint(Random random) {
        StringBuilder sb = new StringBuilder("\u001b[r\u001b[0m\u001b[H\u001b[2J");
        for (int row = 0; row < 24; row++) {
            for (int col = 0; col < 79; col++) {
                sb.append((char) ('!' + random.nextInt(90)));
            }
            sb.append(row < 23 ? "\r\n" : "");
        }
        return sb.toString();
    }

    private void freshClient() {
        client = new ClientEndpoint(FakeMoshServer.KEY, 80, 24, Mtu.IPV4_DATAGRAM, 0, new Random(0), d -> { },
                stats = new SessionStats());
        if (journal.equals("kept")) {
            try {
                if (kept != null) {
                    kept.delete();
                }
                if (journalFolder == null) {
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
                    journalFolder = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"),
                            "journal-bench-");
                }
                kept = SessionJournals.in(journalFolder).create("bench", "127.0.0.1", 60001,
                        java.util.OptionalLong.empty());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            client.keepJournal(kept);
        }
        next = 0;
    }

    private SessionStats stats;

    /** Journal saves per state received so far (0 without a journal). */
    double savesPerState() {
        return next == 0 ? 0 : (double) stats.get(SessionStats.Counter.JOURNAL_SAVES) / next;
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void removeJournal() {
        if (kept != null) {
            kept.delete();
            kept = null;
        }
        if (journalFolder != null) {
            try {
                java.nio.file.Files.deleteIfExists(journalFolder.resolve(SessionJournals.KEY_FILE));
                java.nio.file.Files.deleteIfExists(journalFolder);
            } catch (java.io.IOException ignored) {
                // a leftover folder under target/ goes with the next clean
            }
            journalFolder = null;
        }
    }

    @Benchmark
    public boolean receive() {
        if (next == datagrams.size()) {
            freshClient(); // amortised over 20 000 states
        }
        byte[] datagram = datagrams.get(next++);
        return client.receive(datagram, datagram.length, ++now);
    }

    @Benchmark
    public boolean receiveAndAcknowledge() {
        if (next == datagrams.size()) {
            freshClient();
        }
        byte[] datagram = datagrams.get(next++);
        now += STATE_GAP_MILLIS;
        boolean authentic = client.receive(datagram, datagram.length, now);
        client.sendWhatIsDue(now);
        return authentic;
    }
}
