package dev.tern.transport.session;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.UdpImpairmentProxy;
import dev.tern.transport.crypto.SessionKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.tern.transport.session.ScreenWait.awaitScreen;
import static dev.tern.transport.session.MoshServerInteropTest.awaitServerExit;
import static dev.tern.transport.session.MoshServerInteropTest.echoToken;
import static dev.tern.transport.session.MoshServerInteropTest.startShell;
import static dev.tern.transport.session.MoshServerInteropTest.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real mosh-server behind the test bed's impairment proxy: the mosh paper's lossy link, a long blackout, and
 * a change of the client's address. Each ends with the command output on the client, and keystrokes typed
 * meanwhile reach the server's pty in order, none lost or doubled (checked with {@code cat > file}).
 */
class ImpairedNetworkInteropTest {

    private static MoshSession connect(UdpImpairmentProxy proxy, MoshServer server) throws Exception {
        return MoshSession.start(proxy.listenAddress(), SessionKey.parse(server.key()), 80, 24,
                new MoshSessionListener() { });
    }

    /** Starts {@code cat > file} and waits until the shell has run it. */
    private static Path startCat(MoshSession session) throws Exception {
        Path file = Files.createTempFile("tern-ssp-", ".txt");
        type(session, "cat > " + file + " ; echo cat\"\"ended\r");
        awaitScreen(session, s -> s.contains("cat > " + file));
        Polls.awaitOpenedByAProcess(file);
        return file;
    }

    private static void endCatAndCompare(MoshSession session, Path file, String expected) throws Exception {
        type(session, "\u0004");
        awaitScreen(session, s -> s.contains("catended"));
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
        Files.deleteIfExists(file);
    }

    private static void quit(MoshSession session, MoshServer server) throws Exception {
        session.shutdown();
        assertTrue(session.awaitClosed(Duration.ofSeconds(15)));
        System.out.println("closed: " + session.closeReason() + "; " + session.stats());
        awaitServerExit(server);
    }

    @Test
    void hundredMillisecondRttWith29PercentLossEachWay() throws Exception {
        try (MoshServer server = startShell();
             UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 29)) {
            proxy.setDelay(Duration.ofMillis(50), Duration.ZERO);
            proxy.setLoss(0.29, 0.29);
            MoshSession session = connect(proxy, server);
            awaitScreen(session, s -> s.contains("$ "));
            String token = echoToken(session);
            awaitScreen(session, s -> s.lines().anyMatch(line -> line.strip().equals(token)));

            Path file = startCat(session);
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 120; i++) {
                String key = (i % 30 == 29) ? "\r" : String.valueOf((char) ('a' + i % 26));
                type(session, key);
                expected.append(key.equals("\r") ? "\n" : key);
                Thread.sleep(7); // typed at a person's pace, so the keys travel in many datagrams over the lossy link
            }
            endCatAndCompare(session, file, expected.toString());
            ConnectionStatus status = session.connectionStatus();
            System.out.println("lossy link: RTT " + status.smoothedRtt().toMillis() + " ms, proxy " + proxy.stats());
            // the published status follows the link: the proxy's 100 ms round trip, and contact moments ago
            long rtt = status.smoothedRtt().toMillis();
            assertTrue(rtt >= 90 && rtt < 600, "smoothed RTT " + rtt + " ms for a 100 ms link");
            Instant recent = Instant.now().minusSeconds(5);
            assertTrue(status.lastContact().orElseThrow().isAfter(recent), status.toString());
            assertTrue(status.lastReply().orElseThrow().isAfter(recent), status.toString());
            quit(session, server);
        }
    }

    @Test
    void reorderingAndDuplicationChangeNothing() throws Exception {
        try (MoshServer server = startShell();
             UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 5)) {
            proxy.setDelay(Duration.ofMillis(20), Duration.ofMillis(10));
            proxy.setReorder(0.2, Duration.ofMillis(40));
            proxy.setDuplicate(0.2);
            MoshSession session = connect(proxy, server);
            awaitScreen(session, s -> s.contains("$ "));
            Path file = startCat(session);
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                String key = (i % 20 == 19) ? "\r" : String.valueOf((char) ('A' + i % 26));
                type(session, key);
                expected.append(key.equals("\r") ? "\n" : key);
                Thread.sleep(5); // typed at a person's pace, so reordering and duplication hit many datagrams
            }
            endCatAndCompare(session, file, expected.toString());
            System.out.println("reordering/duplication: proxy " + proxy.stats() + "; " + session.stats());
            quit(session, server);
        }
    }

    @Test
    void twentySecondBlackoutWithTypingDuringTheOutage() throws Exception {
        try (MoshServer server = startShell();
             UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 20)) {
            MoshSession session = connect(proxy, server);
            awaitScreen(session, s -> s.contains("$ "));
            Path file = startCat(session);
            var portBefore = session.localAddress();

            proxy.blackout(Duration.ofSeconds(20));
            String lines = IntStream.rangeClosed(1, 8).mapToObj(i -> "outage-line-" + i + "\n")
                    .collect(Collectors.joining());
            for (String line : lines.split("\n")) {
                type(session, line + "\r");
                Thread.sleep(1500); // spread over the outage on purpose: before and after the client's port hop
            }
            assertTrue(proxy.inBlackout());
            awaitScreen(session, s -> s.contains("outage-line-8"), Duration.ofSeconds(60));
            endCatAndCompare(session, file, lines);
            String token = echoToken(session);
            awaitScreen(session, s -> s.lines().anyMatch(line -> line.strip().equals(token)));
            System.out.println("after the blackout: port " + portBefore + " -> " + session.localAddress()
                    + ", hops " + session.stats().get(SessionStats.Counter.PORT_HOPS));
            assertTrue(session.stats().get(SessionStats.Counter.PORT_HOPS) >= 1, "the client hops after 10 s of silence");
            assertNotEquals(portBefore, session.localAddress());
            quit(session, server);
            assertFalse(server.isAlive());
        }
    }

    /** A wall clock that reads the system's plus an offset a test moves ahead, as a sleep of the machine does. */
    private static final class StagedWallClock implements InstantSource {
        private final AtomicLong offsetMillis = new AtomicLong();

        void sleepFor(Duration duration) {
            offsetMillis.addAndGet(duration.toMillis());
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(offsetMillis.get());
        }
    }

    /**
     * A sleep as Linux shows it to a process: the wall clock jumps an hour ahead of the monotonic one. Round trips
     * were fresh a moment before, so §8.2's rule alone would not hop; the wake rule (§8.4) hops at once, the server
     * follows to the new port and the session goes on.
     */
    @Test
    void aSleepOfTheMachineHopsToANewPortAtOnceAndTheSessionGoesOn() throws Exception {
        StagedWallClock wall = new StagedWallClock();
        try (MoshServer server = startShell();
             UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 11)) {
            MoshSession session = MoshSession.start(proxy.listenAddress(), SessionKey.parse(server.key()), 80, 24,
                    new MoshSessionListener() { }, wall);
            awaitScreen(session, s -> s.contains("$ "));
            Path file = startCat(session);
            type(session, "before\r");
            awaitScreen(session, s -> s.contains("before"));
            var portBefore = proxy.clientAddress();
            assertEquals(portBefore.getPort(), session.localAddress().getPort());
            assertEquals(0, session.stats().get(SessionStats.Counter.PORT_HOPS));

            long slept = System.nanoTime();
            wall.sleepFor(Duration.ofHours(1));
            Polls.await("the server sees the client from a new port", Duration.ofSeconds(9),
                    () -> !portBefore.equals(proxy.clientAddress()));
            long hopMillis = (System.nanoTime() - slept) / 1_000_000;
            assertEquals(1, session.stats().get(SessionStats.Counter.WAKES));
            assertEquals(1, session.stats().get(SessionStats.Counter.PORT_HOPS));
            assertEquals(proxy.clientAddress().getPort(), session.localAddress().getPort());

            type(session, "after\r");
            endCatAndCompare(session, file, "before\nafter\n");
            String token = echoToken(session);
            awaitScreen(session, s -> s.lines().anyMatch(line -> line.strip().equals(token)));
            // contact is told on the wall clock as it reads after the sleep, not an hour behind it
            Instant contact = session.connectionStatus().lastContact().orElseThrow();
            Duration behind = Duration.between(contact, wall.instant());
            assertTrue(behind.abs().compareTo(Duration.ofSeconds(30)) < 0, "last contact " + behind + " ago");
            System.out.println("after a staged sleep: port " + portBefore + " -> " + proxy.clientAddress() + " in "
                    + hopMillis + " ms; " + session.stats());
            quit(session, server);
            assertFalse(server.isAlive());
        }
    }

    @Test
    void theServerFollowsAClientWhoseAddressChanges() throws Exception {
        try (MoshServer server = startShell();
             UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 7)) {
            proxy.setDelay(Duration.ofMillis(10), Duration.ofMillis(5));
            MoshSession session = connect(proxy, server);
            awaitScreen(session, s -> s.contains("$ "));
            Path file = startCat(session);
            type(session, "before\r");
            var upstreamBefore = proxy.upstreamAddress();
            proxy.rebind();
            type(session, "during\r");
            // once the old path is gone, replies must take the new one
            Polls.await("the proxy's old path closes", Duration.ofSeconds(10), () -> !proxy.oldPathOpen());
            type(session, "after\r");
            endCatAndCompare(session, file, "before\nduring\nafter\n");
            String token = echoToken(session);
            awaitScreen(session, s -> s.lines().anyMatch(line -> line.strip().equals(token)));
            System.out.println("roamed from " + upstreamBefore + " to " + proxy.upstreamAddress());
            assertNotEquals(upstreamBefore, proxy.upstreamAddress());
            quit(session, server);
            assertFalse(server.isAlive());
        }
    }
}
