package dev.tern.widget.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.MoshServer;
import dev.tern.transport.session.SessionJournals;
import dev.tern.transport.session.SessionOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Mosh tab's connector keeps its session for the next start, against the real mosh-server: closed with "keep",
 * the server stays and a new connector takes the session up (the saved screen first, marked as resuming); a third
 * connector is told that the session is open elsewhere; a journal that is gone means a new session.
 */
class SessionKeepingTest {
    @TempDir
    Path dir;

    /** What a connector reported, in order. */
    static final class Recorder implements ConnectorListener {
        final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        final List<String> messages = new CopyOnWriteArrayList<>();
        volatile String ended;

        @Override
        public void state(ConnectionState state, String detail) {
            states.add(state);
            messages.add(detail);
        }

        @Override
        public void ended(String message, boolean clean) {
            ended = message;
        }
    }

    @Test
    void aKeptSessionIsTakenUpAgainByTheNextConnectorAndByOneOnly() throws Exception {
        SessionJournals journals = SessionJournals.in(dir.resolve("sessions"));
        AtomicInteger bootstraps = new AtomicInteger();
        try (MoshServer server = MoshServer.plainBash()) {
            MoshConnector.Bootstrap bootstrap = progress -> {
                bootstraps.incrementAndGet();
                return new MoshServerAddress(server.address(), server.key());
            };
            Recorder first = new Recorder();
            MoshConnector a = new MoshConnector("a", bootstrap, SessionOptions.GUI, SessionKeeping.in(journals));
            a.start(80, 24, first);
            await(() -> first.states.contains(ConnectionState.CONNECTED) && a.sessionId() != null, "a connected");
            String id = a.sessionId();
            a.send("X=kept\r".getBytes(StandardCharsets.US_ASCII));
            Path marker = dir.resolve("set");
            a.send(("touch " + marker + "\r").getBytes(StandardCharsets.US_ASCII));
            await(() -> Files.exists(marker), "the variable set");
            a.keepSessionOnClose();
            a.close();
            // the session's own thread may be the one telling the listener, a moment after close() returns
            await(() -> first.ended != null, "a to report its end");
            assertTrue(first.ended.contains("kept"), first.ended);
            assertTrue(Files.exists(journals.folder().resolve(id + ".journal")), "the journal stays");
            assertTrue(server.isAlive(), "the server stays");

            Recorder second = new Recorder();
            MoshConnector b = new MoshConnector("b", bootstrap, SessionOptions.GUI,
                    SessionKeeping.in(journals).resuming(id));
            b.start(80, 24, second);
            // typed at once, while the journal is opened and the server has not answered yet: nothing is lost
            Path out = dir.resolve("out");
            b.send(("echo $X > " + out + "\r").getBytes(StandardCharsets.US_ASCII));
            await(() -> second.states.contains(ConnectionState.CONNECTED), "b live");
            assertEquals(ConnectionState.RESUMING, second.states.get(1), "the saved screen first: " + second.states);
            assertEquals(1, bootstraps.get(), "no second mosh-server was started");
            await(() -> Files.exists(out) && readOrEmpty(out).endsWith("\n"), "the command in b");
            assertEquals("kept\n", readOrEmpty(out), "the same shell");

            Recorder third = new Recorder();
            MoshConnector c = new MoshConnector("c", bootstrap, SessionOptions.GUI,
                    SessionKeeping.in(journals).resuming(id));
            c.start(80, 24, third);
            await(() -> third.ended != null, "c refused");
            assertTrue(third.ended.contains("open in another Tern window (process " + ProcessHandle.current().pid()),
                    third.ended);
            assertFalse(third.states.contains(ConnectionState.CONNECTED));

            b.close();  // ends the session: its server, and its journal
            await(() -> !server.isAlive(), "the server to end");
            assertFalse(Files.exists(journals.folder().resolve(id + ".journal")), "the journal went with it");

            Recorder fourth = new Recorder();
            MoshConnector d = new MoshConnector("d", progress -> {
                throw new java.io.IOException("a new session was asked for");
            }, SessionOptions.GUI, SessionKeeping.in(journals).resuming(id));
            d.start(80, 24, fourth);
            await(() -> fourth.ended != null, "d to give up");
            assertTrue(fourth.messages.stream().anyMatch(m -> m.contains("has ended; starting a new one")),
                    fourth.messages.toString());
            assertEquals("a new session was asked for", fourth.ended);
            assertNotNull(fourth.ended);
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
