package dev.tern.transport.session;

import dev.tern.testbed.MoshServer;
import dev.tern.transport.crypto.SessionKey;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.tern.transport.session.ScreenWait.awaitScreen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MoshSession against the real mosh-server 1.4 from the test bed, on loopback. */
class MoshServerInteropTest {
    static MoshServer startShell() {
        return MoshServer.plainBash();
    }

    static void type(MoshSession session, String text) {
        session.type(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Types a command whose output ({@code a + b}) differs from its echo ({@code a""b}). */
    static String echoToken(MoshSession session) {
        String a = "t" + UUID.randomUUID().toString().substring(0, 8);
        String b = UUID.randomUUID().toString().substring(0, 8);
        type(session, "echo " + a + "\"\"" + b + "\r");
        return a + b;
    }

    static void awaitServerExit(MoshServer server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void echoResizeAndCleanQuit() throws Exception {
        try (MoshServer server = startShell()) {
            CompletableFuture<CloseReason> closed = new CompletableFuture<>();
            MoshSession session = MoshSession.start(server.address(), SessionKey.parse(server.key()), 80, 24,
                    new MoshSessionListener() {
                        @Override
                        public void closed(CloseReason reason) {
                            closed.complete(reason);
                        }
                    });
            awaitScreen(session, s -> s.contains("$ "));
            String token = echoToken(session);
            awaitScreen(session, s -> s.lines().anyMatch(line -> line.strip().equals(token)));

            session.resize(100, 30);
            type(session, "stty size\r");
            awaitScreen(session, s -> s.lines().anyMatch(line -> line.strip().equals("30 100")));
            assertEquals(100, session.screen().framebuffer().width());
            assertEquals(30, session.screen().framebuffer().height());
            System.out.println("RTT on loopback: " + session.connectionStatus().smoothedRtt().toMillis()
                    + " ms; " + session.stats());

            session.shutdown();
            CloseReason reason = closed.get(10, TimeUnit.SECONDS);
            assertEquals(CloseReason.Kind.USER_QUIT, reason.kind(), reason.message());
            assertTrue(reason.clean());
            awaitServerExit(server);
            assertFalse(server.isAlive(), "mosh-server should exit after the shutdown handshake");
        }
    }

    @Test
    void largeUpdatesTravelInManyFragmentsBothWays() throws Exception {
        try (MoshServer server = startShell();
             MoshSession session = MoshSession.start(server.address(), SessionKey.parse(server.key()), 160, 50,
                     new MoshSessionListener() { })) {
            awaitScreen(session, s -> s.contains("$ "));
            // upload: a paste of 6000 incompressible characters is cut into several fragments
            java.nio.file.Path up = java.nio.file.Files.createTempFile("tern-up-", ".txt");
            // non-canonical mode: a canonical tty line holds only 4096 characters
            type(session, "stty -icanon; head -c 6001 > " + up + "; stty icanon; echo up\"\"loaded\r");
            awaitScreen(session, s -> s.contains("head -c 6001 > " + up));
            Polls.awaitOpenedByAProcess(up); // so stty -icanon has run before the paste
            java.util.Random random = new java.util.Random(11);
            StringBuilder paste = new StringBuilder();
            for (int i = 0; i < 6000; i++) {
                paste.append((char) ('!' + random.nextInt(94)));
            }
            type(session, paste + "\r");
            awaitScreen(session, s -> s.lines().anyMatch(line -> line.strip().equals("uploaded")));
            assertEquals(paste + "\n", java.nio.file.Files.readString(up));
            java.nio.file.Files.delete(up);

            // download: a screenful of random base64 lines arrives as one multi-fragment state
            java.nio.file.Path down = java.nio.file.Files.createTempFile("tern-down-", ".txt");
            type(session, "clear; head -c 6000 /dev/urandom | base64 -w 150 > " + down + "; cat " + down
                    + "; echo do\"\"ne\r");
            awaitScreen(session, s -> s.lines().anyMatch(line -> line.strip().equals("done")));
            java.util.List<String> lines = java.nio.file.Files.readAllLines(down);
            String screen = session.screen().framebuffer().screenText();
            for (String line : lines.subList(lines.size() - 40, lines.size())) {
                assertTrue(screen.contains(line), "screen lacks " + line);
            }
            java.nio.file.Files.delete(down);
            System.out.println("large updates: " + session.stats());
        }
    }

    @Test
    void aShellThatExitsEndsTheSessionWithAReason() throws Exception {
        try (MoshServer server = startShell()) {
            MoshSession session = MoshSession.start(server.address(), SessionKey.parse(server.key()), 80, 24,
                    new MoshSessionListener() { });
            awaitScreen(session, s -> s.contains("$ "));
            type(session, "exit\r");
            assertTrue(session.awaitClosed(Duration.ofSeconds(10)));
            assertEquals(CloseReason.Kind.SERVER_ENDED, session.closeReason().kind());
            System.out.println("server-initiated close: " + session.closeReason().message());
            awaitServerExit(server);
            assertFalse(server.isAlive());
        }
    }

    @Test
    void anIdleSessionCostsAlmostNoCpu() throws Exception {
        try (MoshServer server = startShell();
             MoshSession session = MoshSession.start(server.address(), SessionKey.parse(server.key()), 80, 24,
                     new MoshSessionListener() { })) {
            awaitScreen(session, s -> s.contains("$ "));
            Thread.sleep(500); // let the delayed acks settle
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpuBefore = threads.getThreadCpuTime(session.ioThreadId());
            long wallBefore = System.nanoTime();
            Thread.sleep(4000); // the measurement window: an idle session, over more than one 3 s heartbeat
            long cpu = threads.getThreadCpuTime(session.ioThreadId()) - cpuBefore;
            long wall = System.nanoTime() - wallBefore;
            double percent = 100.0 * cpu / wall;
            System.out.printf("idle session I/O thread: %.3f ms CPU in %.1f s = %.4f %% of a core; %s%n",
                    cpu / 1e6, wall / 1e9, percent, session.stats());
            // an idle loop wakes for the 3 s heartbeat only; one that busy-waits or spins on a timer burns a core
            assertTrue(percent < 1.0, "the idle session's I/O thread used %.2f %% of a core (under 1 %% expected)"
                    .formatted(percent));
            assertFalse(session.isClosed());
        }
    }
}
