package dev.tern.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A real mosh-server starts on a private port, prints a usable key, and is gone with its shell after close(). */
class MoshServerTest {

    @Test
    void startsOutsideTheDefaultRangeWithAValidKey() {
        try (MoshServer server = MoshServer.start("sleep", "600")) {
            assertTrue(server.isAlive());
            assertTrue(server.port() < 60001 || server.port() > 60999, "port " + server.port());
            assertEquals(22, server.key().length());
            assertEquals(16, Base64.getDecoder().decode(server.key() + "==").length);
            assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
        }
    }

    @Test
    void closeKillsTheServerAndItsChildren() {
        List<MoshServer> servers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            servers.add(MoshServer.start("sleep", "600"));
        }
        // mosh-server forks its child only when the first client packet arrives, so the shell may not exist yet:
        // what matters is that nothing at all is left afterwards
        for (MoshServer server : servers) {
            server.close();
        }
        for (MoshServer server : servers) {
            assertFalse(server.isAlive(), server::toString);
            assertTrue(server.isGoneWithChildren(), server::toString);
        }
    }

    @Test
    void theConnectLinePatternMatchesBothBootstrapForms() {
        assertTrue(MoshServer.CONNECT_LINE.matcher("MOSH CONNECT 60002 tHDgx19qmtDcRoB7bkesBA").find());
        assertTrue(MoshServer.CONNECT_LINE.matcher("\nMOSH CONNECT 60001 1J4bDE6Adpens3EGcym7Vg  \n").find());
        assertFalse(MoshServer.CONNECT_LINE.matcher("MOSH CONNECT 60001 short").find());
    }
}
