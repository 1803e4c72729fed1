package dev.tern.transport.predict;

import java.util.Optional;

/**
 * A stretch of silence long enough to tell the user about, worked out from two times: when the server was last heard
 * and when it last acknowledged one of our states.
 *
 * @param side   which direction is quiet; contact wins when both are
 * @param millis how long that direction has been quiet
 */
public record QuietSpell(Silence side, long millis) {
    /** The server sends at least every 3 s, so past two missed heartbeats and a margin it counts as unheard. */
    static final long UNHEARD_AFTER = 6500;
    /** Our states go unacknowledged this long before the notice says so. */
    static final long UNACKNOWLEDGED_AFTER = 10_000;
    /** Past a minute of silence the count-up only needs refreshing every 3 s instead of every second. */
    static final long LONG_SILENCE = 60_000;

    /** Whether a server last heard this many ms ago counts as out of contact (the rule every view follows). */
    public static boolean unheardFor(long millisSinceHeard) {
        return millisSinceHeard > UNHEARD_AFTER;
    }

    static Optional<QuietSpell> at(long now, long heardAt, long acknowledgedAt) {
        long unheard = now - heardAt;
        if (unheardFor(unheard)) {
            return Optional.of(new QuietSpell(Silence.CONTACT, unheard));
        }
        long unacknowledged = now - acknowledgedAt;
        if (unacknowledged > UNACKNOWLEDGED_AFTER) {
            return Optional.of(new QuietSpell(Silence.REPLY, unacknowledged));
        }
        return Optional.empty();
    }

    /** Whole seconds, as the notice counts them (cut, not rounded). */
    int seconds() {
        return (int) Math.max(0, millis / 1000);
    }
}
