package dev.tern.transport.predict;

/**
 * How badly echoes have been late lately, as a level. A guess still unconfirmed after {@link #LATE_MS} raises the
 * level to {@link #LATE_LEVEL} (guesses are shown even on a fast link); one unconfirmed after
 * {@link #VERY_LATE_MS} raises it to {@link #VERY_LATE_LEVEL} (shown and underlined). Echoes that arrive quickly
 * lower it one step at a time, at most one step per {@link #RECOVERY_SPACING_MS}, so a link that stalled once
 * keeps showing guesses for a while.
 */
final class LateEchoMeter {
    static final long LATE_MS = 250;
    static final long VERY_LATE_MS = 5000;
    static final int LATE_LEVEL = 10;
    static final int VERY_LATE_LEVEL = 2 * LATE_LEVEL;
    static final long RECOVERY_SPACING_MS = 150;

    private int level;
    private long lastRecoveryAt;

    /** A guess has waited {@code waitedMs} for its echo and is still waiting. */
    void stillWaiting(long waitedMs) {
        if (waitedMs >= VERY_LATE_MS) {
            level = VERY_LATE_LEVEL;
        } else if (waitedMs >= LATE_MS && level < LATE_LEVEL) {
            level = LATE_LEVEL;
        }
    }

    /** A guess was confirmed {@code waitedMs} after it was made. */
    void confirmedAfter(long waitedMs, long now) {
        if (waitedMs < LATE_MS && level > 0 && now - lastRecoveryAt >= RECOVERY_SPACING_MS) {
            level--;
            lastRecoveryAt = now;
        }
    }

    /** Echoes were late recently enough that guesses should be shown whatever the link's speed. */
    boolean recentlyLate() {
        return level > 0;
    }

    /** Echoes were so late that guesses should be underlined whatever the link's speed. */
    boolean badlyLate() {
        return level > LATE_LEVEL;
    }

    int level() {
        return level;
    }
}
