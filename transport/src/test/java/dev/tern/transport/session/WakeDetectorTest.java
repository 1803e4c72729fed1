package dev.tern.transport.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Noticing a sleep of the machine from two fake clocks (docs/PROTOCOL.md §8.4). */
class WakeDetectorTest {
    private static final long WALL = 1_800_000_000_000L;

    @Test
    void clocksThatAdvanceTogetherAreNoSleep() {
        WakeDetector detector = new WakeDetector(0, WALL);
        for (long t = 1; t <= 600; t++) {
            assertFalse(detector.wokeUp(t * 3_000, WALL + t * 3_000), "turn " + t);
        }
    }

    @Test
    void aWallClockThatJumpsAheadOfTheMonotonicOneIsASleepNoticedOnce() {
        WakeDetector detector = new WakeDetector(0, WALL);
        assertFalse(detector.wokeUp(3_000, WALL + 3_000));
        // an hour asleep: the monotonic clock (Linux, macOS) moved on only by the wait that was under way
        assertTrue(detector.wokeUp(4_000, WALL + 3_604_000));
        assertFalse(detector.wokeUp(7_000, WALL + 3_607_000), "the same sleep is not noticed twice");
    }

    @Test
    void aGainJustUnderTheThresholdIsNoSleep() {
        WakeDetector detector = new WakeDetector(0, WALL);
        assertFalse(detector.wokeUp(1_000, WALL + 1_000 + WakeDetector.WALL_CLOCK_GAIN - 1));
        assertTrue(detector.wokeUp(2_000, WALL + 2_000 + 2 * WakeDetector.WALL_CLOCK_GAIN));
    }

    @Test
    void aSlowDriftBetweenTheClocksNeverAddsUpToASleep() {
        WakeDetector detector = new WakeDetector(0, WALL);
        // NTP slewing the wall clock: 500 ppm, over a day of turns
        for (long t = 1; t <= 28_800; t++) {
            assertFalse(detector.wokeUp(t * 3_000, WALL + t * 3_000 + t * 3_000 / 2_000), "turn " + t);
        }
    }

    @Test
    void aWallClockSetBackIsNoSleepAndMovesTheReference() {
        WakeDetector detector = new WakeDetector(0, WALL);
        assertFalse(detector.wokeUp(1_000, WALL - 3_600_000));
        assertFalse(detector.wokeUp(2_000, WALL - 3_599_000));
        assertTrue(detector.wokeUp(3_000, WALL - 3_599_000 + 1_000 + 60_000));
    }

    @Test
    void aLoopThatStoodStillOnTheMonotonicClockIsASleep() {
        // where the monotonic clock counts sleep (Windows), or a process stopped and continued: both clocks jump
        WakeDetector detector = new WakeDetector(0, WALL);
        assertFalse(detector.wokeUp(SessionLoop.MAX_WAIT, WALL + SessionLoop.MAX_WAIT));
        long later = SessionLoop.MAX_WAIT + WakeDetector.LOOP_GAP;
        assertTrue(detector.wokeUp(later, WALL + later));
        assertFalse(detector.wokeUp(later + 100, WALL + later + 100));
    }

    @Test
    void theLongestOrdinaryWaitOfTheLoopIsNoSleep() {
        WakeDetector detector = new WakeDetector(0, WALL);
        long wait = SessionLoop.MAX_WAIT + 2_000; // a wait plus a slow turn (GC pause)
        assertFalse(detector.wokeUp(wait, WALL + wait));
    }
}
