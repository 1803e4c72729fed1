package dev.tern.transport.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The end of an outage is told from two statuses in a row, since none is reported during the silence: the history's
 * companion connection is renewed then (a test with the real network path: MoshHistoryTest's blackout).
 */
class ContactRestoredTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    private static ConnectionStatus heardAt(Instant contact) {
        return new ConnectionStatus(Duration.ofMillis(50), Optional.of(contact), Optional.of(contact), 0);
    }

    @Test
    void aStatusAfterALongSilenceEndsAnOutage() {
        Instant back = T0.plusSeconds(20);
        assertTrue(ConnectionStatus.contactRestored(heardAt(T0), heardAt(back), back));
    }

    @Test
    void aStatusAfterAShortPauseDoesNot() {
        Instant next = T0.plusSeconds(2);
        assertFalse(ConnectionStatus.contactRestored(heardAt(T0), heardAt(next), next));
    }

    @Test
    void noNewsFromTheServerIsNoReturn() {
        assertFalse(ConnectionStatus.contactRestored(heardAt(T0), heardAt(T0), T0.plusSeconds(30)));
        assertFalse(ConnectionStatus.contactRestored(null, heardAt(T0), T0.plusSeconds(30)));
        ConnectionStatus never = new ConnectionStatus(Duration.ZERO, Optional.empty(), Optional.empty(), 0);
        assertFalse(ConnectionStatus.contactRestored(never, heardAt(T0), T0.plusSeconds(30)));
    }
}
