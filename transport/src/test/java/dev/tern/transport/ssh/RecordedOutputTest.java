package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.connect;
import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder of a Mosh session's complete history against the test bed's sshd and the real mosh-server: the
 * session's shell runs under the host's script, and the companion connection follows the recording.
 */
@ExtendWith(TestBed.class)
class RecordedOutputTest {
    @TempDir
    Path home;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<Long> servers = new ArrayList<>();
    private SshConnection control;

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        for (long pid : servers) {
            MoshBootstrap.stopServer(control, pid);
        }
        control.close();
    }

    private SshConnection login(SshServer server) throws SshException {
        return connect(target(server).identityFile(server.ed25519Key()).build(), home, Prompter.refusing());
    }

    private MoshEndpoint startServer(SshServer server, OutputRecorder recorder, String script) throws Exception {
        control = login(server);
        MoshServerOptions options = MoshServerOptions.defaults()
                .withServerPorts(MoshBootstrapTest.freePorts(10))
                .withCommand(recorder.wrap(List.of("sh", "-c", script)));
        MoshEndpoint endpoint = MoshBootstrap.start(control, options, ConnectProgress.silent());
        servers.add(endpoint.serverPid().orElseThrow());
        // mosh-server starts the program only once a client has told it the window size
        toClose.add(dev.tern.transport.session.MoshSession.start(endpoint.udpTarget(),
                dev.tern.transport.crypto.SessionKey.parse(endpoint.key()), 80, 24,
                new dev.tern.transport.session.MoshSessionListener() { }));
        return endpoint;
    }

    /** Collects what a reader delivers. */
    private static final class Collected implements RecordedOutputReader.Listener {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<RecordedOutputReader.Status> statuses = new CopyOnWriteArrayList<>();
        final AtomicLong lost = new AtomicLong();

        @Override
        public synchronized void recorded(byte[] data, int length) {
            bytes.write(data, 0, length);
        }

        @Override
        public void lost(long count) {
            lost.addAndGet(count);
        }

        @Override
        public void status(RecordedOutputReader.Status status, String detail) {
            statuses.add(status);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static void until(Duration limit, BooleanSupplier done, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what.get());
            }
            Thread.sleep(20);
        }
    }

    private static void assertLinesInOrder(String text, int last) {
        String[] lines = text.replace("\r", "").split("\n");
        int expected = 1;
        for (String line : lines) {
            if (line.equals(Integer.toString(expected))) {
                expected++;
            }
        }
        assertEquals(last + 1, expected, "every line 1.." + last + " arrived, in order");
        long numbers = java.util.Arrays.stream(lines).filter(l -> l.matches("\\d+")).count();
        assertEquals(last, numbers, "and each exactly once");
    }

    /**
     * Ctrl+C reaches the program under the recorder as it does without one: a shell started in the background of
     * a non-interactive sh would have SIGINT ignored, and every program of the session with it.
     */
    @Test
    void ctrlCInterruptsAProgramRunningUnderTheRecorder(SshServer server) throws Exception {
        OutputRecorder recorder = OutputRecorder.fresh(OutputRecorder.DEFAULT_BOUND);
        // the test bed's shell may run as another user: the result goes where it may write
        Path shared = java.nio.file.Files.createTempDirectory("tern-ctrl-c");
        java.nio.file.Files.setPosixFilePermissions(shared,
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path result = shared.resolve("interrupted");
        startServer(server, recorder, "trap 'echo caught' INT; echo sleeping; sleep 30; echo $? > " + result
                + "; exec sleep 600");
        var session = (dev.tern.transport.session.MoshSession) toClose.getLast();
        until(Duration.ofSeconds(20), () -> session.screen() != null
                && session.screen().framebuffer().screenText().contains("sleeping"), () -> "the program to start");
        Thread.sleep(300);
        session.type(new byte[]{3});
        until(Duration.ofSeconds(10), () -> java.nio.file.Files.exists(result), () -> "sleep to end by Ctrl+C");
        until(Duration.ofSeconds(5), () -> readOrEmpty(result).endsWith("\n"), () -> "the status");
        assertEquals("130\n", readOrEmpty(result), "sleep ended by SIGINT");
    }

    private static String readOrEmpty(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void everyLineArrivesInOrderAndTheStorageGoesWithTheSession(SshServer server) throws Exception {
        OutputRecorder recorder = OutputRecorder.fresh(OutputRecorder.DEFAULT_BOUND);
        MoshEndpoint endpoint = startServer(server, recorder,
                "seq 1 100000; echo end-of-output; exec sleep 600");
        CompanionConnection companion = new CompanionConnection(() -> login(server), null);
        toClose.add(companion);
        Collected got = new Collected();
        RecordedOutputReader reader = new RecordedOutputReader(companion, recorder, got).start();
        toClose.add(reader);
        until(Duration.ofSeconds(60), () -> got.text().contains("end-of-output"), () -> got.text().length() + " chars");
        String text = got.text();
        assertTrue(text.startsWith("1\r\n2\r\n"), "script's own first line is not program output: "
                + text.substring(0, Math.min(80, text.length())));
        assertLinesInOrder(text, 100000);
        assertEquals(0, got.lost.get());

        // the storage is where the documentation says, private, and gone when the session ends
        String folder = control.exec(recorder.locateCommand(), Duration.ofSeconds(10)).stdout();
        String uid = control.exec("id -u", Duration.ofSeconds(10)).stdout().strip();
        assertEquals("/dev/shm/tern-history-" + uid + "/" + recorder.token(), folder);
        String modes = control.exec("stat -c '%a %n' " + folder + " " + folder + "/typescript",
                Duration.ofSeconds(10)).stdout();
        assertEquals("700 " + folder + "\n600 " + folder + "/typescript\n", modes);
        long pid = endpoint.serverPid().orElseThrow();
        assertTrue(MoshBootstrap.stopServer(control, pid));
        servers.remove(pid);
        until(Duration.ofSeconds(20), () -> got.statuses.contains(RecordedOutputReader.Status.ENDED),
                got.statuses::toString);
        String left = control.exec("ls -d " + folder + " 2>&1; " + recorder.locateCommand(),
                Duration.ofSeconds(10)).stdout();
        System.out.println("storage after the session ended: " + left.strip());
        assertTrue(left.contains("No such file or directory"), "nothing remains: " + left);
    }

    @Test
    void aBrokenConnectionPicksUpAtItsOffsetAndTheBoundIsReportedAsLost(SshServer server) throws Exception {
        OutputRecorder recorder = OutputRecorder.fresh(OutputRecorder.MIN_BOUND);
        startServer(server, recorder, "seq 1 3000; sleep 2; seq 100001 300000; sleep 4; echo end-of-output;"
                + " exec sleep 600");
        CompanionConnection companion = new CompanionConnection(() -> login(server), null);
        toClose.add(companion);
        Collected got = new Collected();
        RecordedOutputReader reader = new RecordedOutputReader(companion, recorder, got).start();
        toClose.add(reader);
        until(Duration.ofSeconds(30), () -> got.text().contains("3000\r\n"), () -> got.text().length() + " chars");
        long before = reader.offset();
        // the link dies while the program writes more than the bound holds
        reader.close();
        until(Duration.ofSeconds(30), () -> {
            try {
                return control.exec("cat " + control.exec(recorder.locateCommand(), Duration.ofSeconds(10)).stdout()
                        + "/dropped", Duration.ofSeconds(10)).stdout().strip().matches("[1-9]\\d*");
            } catch (SshException e) {
                return false;
            }
        }, () -> "the bound freed nothing");
        Collected after = new Collected();
        RecordedOutputReader again = new RecordedOutputReader(companion, recorder, after);
        // a new reader that knows the offset: the same path as a reader whose connection broke
        var resumed = resumeAt(again, before);
        toClose.add(resumed);
        until(Duration.ofSeconds(30), () -> after.text().contains("end-of-output"), () -> after.lost + " lost");
        assertTrue(after.lost.get() > 0, "the freed bytes are reported lost");
        assertTrue(after.text().contains("300000\r\n"));
        assertTrue(!after.text().contains("\n2999\r\n"), "nothing already read is read again");
    }

    /** Starts {@code reader} as if it had already read {@code offset} bytes. */
    private static RecordedOutputReader resumeAt(RecordedOutputReader reader, long offset) throws Exception {
        var field = RecordedOutputReader.class.getDeclaredField("offset");
        field.setAccessible(true);
        field.setLong(reader, offset);
        return reader.start();
    }

    @Test
    void afterTheConnectionDropsTheReaderLogsInAgainAndContinues(SshServer server) throws Exception {
        OutputRecorder recorder = OutputRecorder.fresh(OutputRecorder.DEFAULT_BOUND);
        startServer(server, recorder, "seq 1 2000; sleep 3; seq 2001 4000; echo end-of-output; exec sleep 600");
        CompanionConnection companion = new CompanionConnection(() -> login(server), null);
        toClose.add(companion);
        Collected got = new Collected();
        RecordedOutputReader reader = new RecordedOutputReader(companion, recorder, got).start();
        toClose.add(reader);
        until(Duration.ofSeconds(30), () -> got.text().contains("2000\r\n"), () -> got.text().length() + " chars");
        reader.reconnectNow();
        until(Duration.ofSeconds(30), () -> got.text().contains("end-of-output"), () -> got.statuses.toString());
        assertLinesInOrder(got.text(), 4000);
        assertEquals(1, companion.reconnects() >= 1 ? 1 : 0, "logged in again");
    }
}
