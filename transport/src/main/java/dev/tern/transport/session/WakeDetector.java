package dev.tern.transport.session;

/**
 * Notices that the machine slept, or that the process stood still, from two clock readings the session loop takes
 * each turn (docs/PROTOCOL.md §8.4). Both clocks are passed in, so the rule runs without a clock of its own.
 *
 * <p>The monotonic clock the loop runs on stops while the machine sleeps on Linux and macOS, so every SSP and
 * port-hopping timer believes no time passed: after an hour's sleep the client would still trust a path (and a NAT
 * mapping) that is long gone, and wait out its 10 s hop rule first. The wall clock goes on during sleep, so the
 * wall clock gaining on the monotonic one is the sign. Where the monotonic clock does count sleep (Windows), or when
 * the process was stopped (a suspended CLI), the sign is a turn of the loop that came far later than the loop ever
 * waits.
 *
 * <p>A wall clock set forward (by hand or NTP stepping it) looks the same; the cost is one needless hop, which the
 * old port survives (it keeps receiving, §8.2). A wall clock set back is no sleep: it only moves the reference.
 * The reference is the previous reading, so a slow drift between the clocks never adds up to a wake.
 */
final class WakeDetector {
    /** The wall clock must gain this much on the monotonic clock between two turns to count as a sleep. */
    static final long WALL_CLOCK_GAIN = 5_000;
    /**
     * Two turns of the loop this far apart (monotonic) mean the process did not run: the loop waits at most
     * {@link SessionLoop#MAX_WAIT} per turn.
     */
    static final long LOOP_GAP = 3L * SessionLoop.MAX_WAIT;

    private long lastMonotonic;
    private long lastWall;

    /** Starts from readings taken now: the monotonic clock and the wall clock, both in milliseconds. */
    WakeDetector(long monotonicMillis, long wallMillis) {
        this.lastMonotonic = monotonicMillis;
        this.lastWall = wallMillis;
    }

    /**
     * Takes this turn's readings.
     *
     * @return whether the machine slept (or the process stood still) since the previous turn; true once per wake
     */
    boolean wokeUp(long monotonicMillis, long wallMillis) {
        long monotonicPassed = monotonicMillis - lastMonotonic;
        long wallPassed = wallMillis - lastWall;
        lastMonotonic = monotonicMillis;
        lastWall = wallMillis;
        return wallPassed - monotonicPassed >= WALL_CLOCK_GAIN || monotonicPassed >= LOOP_GAP;
    }
}
