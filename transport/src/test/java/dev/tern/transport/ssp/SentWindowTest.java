package dev.tern.transport.ssp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window of sent states: what an acknowledgement drops, what the peer is believed to hold, what is forgotten. */
class SentWindowTest {
    private final SentWindow<String> window = new SentWindow<>("", 0);

    @Test
    void anAcknowledgementMakesThatStateTheBaseAndDropsOlderOnes() {
        window.recordSend(1, "a", 10);
        window.recordSend(2, "ab", 20);
        window.recordSend(3, "abc", 30);
        assertTrue(window.acknowledge(2));
        assertEquals(2, window.acknowledged().number());
        assertEquals("ab", window.acknowledged().state());
        assertEquals(2, window.size());
        assertFalse(window.acknowledge(1), "an ack older than the base is stale");
        assertFalse(window.acknowledge(2), "the base itself changes nothing");
        assertFalse(window.acknowledge(99), "a number never sent is ignored");
        assertEquals(2, window.size());
    }

    @Test
    void sendingTheNewestNumberAgainOnlyRefreshesItsTime() {
        window.recordSend(1, "a", 10);
        window.recordSend(1, "a-equal-content", 50);
        assertEquals(2, window.size());
        assertEquals(50, window.newest().sentAt());
        assertEquals("a", window.newest().state(), "the content that was numbered first stays");
    }

    @Test
    void thePeerIsBelievedToHoldEverythingWhileTheOldestUnacknowledgedSendIsRecent() {
        assertSame(window.acknowledged(), window.believedHeld(1000, 400), "nothing unacknowledged");
        window.recordSend(1, "a", 100);
        window.recordSend(2, "ab", 300);
        assertEquals(2, window.believedHeld(499, 400).number());
        assertEquals(0, window.believedHeld(500, 400).number(), "state 1 is overdue, so 2 may not apply either");
        window.acknowledge(1);
        assertEquals(2, window.believedHeld(699, 400).number());
        assertEquals(1, window.believedHeld(700, 400).number());
    }

    @Test
    void pastCapacityTheNewestStateBeforeTheRecentOnesIsForgotten() {
        for (int n = 1; n < SentWindow.CAPACITY; n++) {
            window.recordSend(n, "s" + n, n);
        }
        assertEquals(SentWindow.CAPACITY, window.size());
        window.recordSend(SentWindow.CAPACITY, "s" + SentWindow.CAPACITY, 100);
        assertEquals(SentWindow.CAPACITY, window.size());
        long forgotten = SentWindow.CAPACITY - SentWindow.RECENT_KEPT;
        assertFalse(window.acknowledge(forgotten), "state " + forgotten + " is gone");
        assertTrue(window.acknowledge(forgotten - 1), "the one before it is still there");
        assertEquals(1 + SentWindow.RECENT_KEPT, window.size(), "the base and the recent states remain");
        assertEquals(SentWindow.CAPACITY, window.newest().number());
    }
}
