package dev.tern.transport.session;

import dev.tern.transport.wire.TransportInstruction;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server that never answers: like mosh-client, the session gives up, tries to say goodbye, and says why. */
class ConnectTimeoutTest {
    @Test
    void aSilentServerEndsTheSessionAsNeverConnected() throws Exception {
        try (FakeMoshServer silent = new FakeMoshServer()) {
            long start = System.nanoTime();
            MoshSession session = MoshSession.start(silent.address(), FakeMoshServer.KEY, 80, 24,
                    new MoshSessionListener() { }, 500);
            assertEquals(1, silent.receiveInstruction().newNum(), "the first state is the window size");
            assertTrue(session.awaitClosed(Duration.ofSeconds(15)));
            System.out.printf("gave up after %.1f s: %s%n", (System.nanoTime() - start) / 1e9, session.closeReason());
            assertEquals(CloseReason.Kind.NEVER_CONNECTED, session.closeReason().kind());
            String message = session.closeReason().message();
            assertTrue(message.startsWith("Nothing received from server on UDP port " + silent.address().getPort()),
                    message);
            assertTrue(message.contains("firewall") && message.contains("forward that UDP port"), "what to check: " + message);
            boolean sawShutdown = false;
            for (int i = 0; i < 40 && !sawShutdown; i++) {
                sawShutdown = silent.receiveInstruction().newNum() == TransportInstruction.SHUTDOWN;
            }
            assertTrue(sawShutdown, "the client announced its shutdown");
        }
    }
}
