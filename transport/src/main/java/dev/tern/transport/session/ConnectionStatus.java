package dev.tern.transport.session;

import dev.tern.transport.predict.QuietSpell;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the link looks: smoothed round-trip time, when the server's newest state arrived ("last contact"), and
 * when the newest input state the server acknowledged was sent ("last reply"). mosh shows "Last contact" once
 * the first is 6.5 s old and "Last reply" once the second is 10 s old. {@code waitingKeys} counts the key presses
 * (a paste counts as one) that the server has not confirmed yet: during an outage, what is kept to be sent.
 */
public record ConnectionStatus(Duration smoothedRtt, Optional<Instant> lastContact, Optional<Instant> lastReply,
                               int waitingKeys) {
    /** Whether the server, last heard at {@code lastContact}, counts as out of contact at {@code now}: the notice's rule. */
    public static boolean contactLost(Instant lastContact, Instant now) {
        return QuietSpell.unheardFor(Duration.between(lastContact, now).toMillis());
    }

    /**
     * Whether {@code next}, reported at {@code now}, ends an outage: the server had been out of contact since
     * {@code previous}'s last contact and is heard again. Statuses are reported when they change, so none comes
     * during the silence itself; this tells afterwards (a network change may have killed TCP connections beside the
     * session, such as the history's).
     */
    public static boolean contactRestored(ConnectionStatus previous, ConnectionStatus next, Instant now) {
        if (previous == null || previous.lastContact().isEmpty() || next.lastContact().isEmpty()) {
            return false;
        }
        Instant before = previous.lastContact().get();
        return next.lastContact().get().isAfter(before) && contactLost(before, now);
    }
}
