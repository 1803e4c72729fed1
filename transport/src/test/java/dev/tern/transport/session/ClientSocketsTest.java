package dev.tern.transport.session;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.channels.Selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Port hopping and the pruning of old ports (docs/PROTOCOL.md §8.2), with a fake clock. */
class ClientSocketsTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 9);

    @Test
    void hopsOnlyAfterTenSecondsWithoutARoundTripAndKeepsOldPortsReceiving() throws Exception {
        try (Selector selector = Selector.open(); ClientSockets sockets = new ClientSockets(selector, SERVER, 0)) {
            var first = sockets.localAddress();
            assertFalse(sockets.maybeHop(5_000, Long.MIN_VALUE), "too soon after the port was chosen");
            assertFalse(sockets.maybeHop(10_500, 9_000), "a recent round trip means the path works");
            assertTrue(sockets.maybeHop(10_500, Long.MIN_VALUE));
            assertNotEquals(first, sockets.localAddress());
            assertEquals(2, sockets.openCount(), "the old port still receives");
            assertTrue(sockets.channels().getFirst().isOpen());

            sockets.prune(60_000);
            assertEquals(2, sockets.openCount(), "the new port is not a minute old yet");
            sockets.prune(70_501);
            assertEquals(1, sockets.openCount());
        }
    }

    @Test
    void aHopAfterASleepIgnoresTheTimersAndKeepsTheOldPortReceiving() throws Exception {
        try (Selector selector = Selector.open(); ClientSockets sockets = new ClientSockets(selector, SERVER, 0)) {
            var first = sockets.localAddress();
            // the timers ran on a clock that stood still: the port looks new and the last round trip recent
            assertFalse(sockets.maybeHop(2_000, 1_900));
            sockets.hop(2_000);
            assertNotEquals(first, sockets.localAddress());
            assertEquals(2, sockets.openCount());
            assertTrue(sockets.channels().getFirst().isOpen());
            assertFalse(sockets.maybeHop(2_500, Long.MIN_VALUE), "the sleep's hop counts as the newest port choice");
        }
    }

    @Test
    void neverKeepsMoreThanTenPorts() throws Exception {
        try (Selector selector = Selector.open(); ClientSockets sockets = new ClientSockets(selector, SERVER, 0)) {
            long now = 0;
            for (int i = 0; i < 15; i++) {
                now += 10_001;
                assertTrue(sockets.maybeHop(now, Long.MIN_VALUE));
            }
            assertEquals(ClientSockets.MAX_PORTS_OPEN, sockets.openCount());
        }
    }
}
