package dev.tern.transport.ssp;

import dev.tern.transport.wire.TransportInstruction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sender's timing with a fake clock (docs/PROTOCOL.md §6.4). */
class SspSenderTest {
    private final List<TransportInstruction> sent = new ArrayList<>();
    private final List<Long> sentAt = new ArrayList<>();
    private final List<TextState> acknowledged = new ArrayList<>();
    private long now;
    private SspSender<TextState> sender;

    @BeforeEach
    void setUp() {
        now = 1000;
        sender = new SspSender<>(TextState.EMPTY, now, i -> {
            sent.add(i);
            sentAt.add(now);
        }, new FixedTiming(300, 50), SspTiming.CLIENT_COLLECT_DELAY, new Random(1), acknowledged::add);
    }

    /** Advances the fake clock one millisecond at a time, ticking whenever the sender asks to be woken. */
    private void runUntil(long end) {
        while (now < end) {
            long wait = sender.millisUntilDue(now);
            if (wait == 0) {
                sender.sendWhatIsDue(now);
                if (sender.millisUntilDue(now) == 0) {
                    throw new AssertionError("sender would spin at " + now);
                }
            }
            now++;
        }
    }

    private static String diff(TransportInstruction i) {
        return new String(i.diff(), StandardCharsets.UTF_8);
    }

    @Test
    void theFirstStateGoesOutAtOnceWithZeroBaseAndThrowaway() {
        sender.updateLocal(new TextState("R"));
        runUntil(1001);
        assertEquals(1, sent.size());
        TransportInstruction first = sent.getFirst();
        assertEquals(0, first.oldNum());
        assertEquals(1, first.newNum());
        assertEquals(0, first.throwawayNum());
        assertEquals(0, first.ackNum());
        assertEquals(2, first.protocolVersion());
        assertEquals("R", diff(first));
        assertTrue(first.chaff().length <= 16);
    }

    @Test
    void keystrokesWithinOneFrameIntervalTravelTogether() {
        sender.updateLocal(new TextState("R"));
        runUntil(1010);
        sender.updateLocal(new TextState("Ra"));
        runUntil(1020);
        sender.updateLocal(new TextState("Rab"));
        runUntil(1200);
        assertEquals(2, sent.size());
        assertEquals(1050, sentAt.get(1)); // last send + send interval
        // the diff from the acked state 0 is barely longer than from the unacked state 1, so mosh's
        // prospective-resend optimisation prefers it
        assertEquals("Rab", diff(sent.get(1)));
        assertEquals(0, sent.get(1).oldNum());
        assertEquals(2, sent.get(1).newNum());
    }

    @Test
    void theMinimumDelayHoldsBackAChangeAfterAQuietPeriod() {
        sender.updateLocal(new TextState("R"));
        runUntil(2000);
        sender.updateLocal(new TextState("Rx"));
        long changedAt = now;
        runUntil(2100);
        assertEquals(changedAt + SspTiming.CLIENT_COLLECT_DELAY, sentAt.getLast());
    }

    @Test
    void aStateSentMomentsAgoIsTheBaseOfTheNextDiffWhenRebasingWouldCostMuch() {
        String big = "R" + "x".repeat(200);
        sender.updateLocal(new TextState(big));
        runUntil(1001);
        sender.updateLocal(new TextState(big + "b"));
        runUntil(1100);
        TransportInstruction next = sent.getLast();
        assertEquals(2, next.newNum());
        assertEquals(1, next.oldNum(), "state 1 went out 50 ms ago, within RTO + ack hold");
        assertEquals("b", diff(next));
        assertEquals(0, next.throwawayNum());
    }

    @Test
    void ourDataCarriesTheAcknowledgementOwedToThePeer() {
        sender.updateLocal(new TextState("R"));
        runUntil(1001);
        sender.peerAcknowledged(1);
        runUntil(1500);
        sender.peerStateArrived(9, true, now);
        runUntil(1520);
        sender.updateLocal(new TextState("Rq"));
        runUntil(1700);
        assertEquals(2, sent.size(), "one instruction for both");
        assertEquals(1520 + SspTiming.CLIENT_COLLECT_DELAY, sentAt.get(1));
        assertEquals(9, sent.get(1).ackNum());
        assertEquals("q", diff(sent.get(1)));
    }

    @Test
    void anIdleSenderSendsAnEmptyHeartbeatEveryThreeSecondsWithANewNumberEachTime() {
        sender.updateLocal(new TextState("R"));
        runUntil(1001);
        sender.peerAcknowledged(1);
        runUntil(10_500);
        assertEquals(4, sent.size());
        for (int i = 1; i < 4; i++) {
            assertEquals(1000 + i * SspTiming.HEARTBEAT_INTERVAL, sentAt.get(i));
            assertEquals(0, sent.get(i).diff().length);
            assertEquals(i + 1, sent.get(i).newNum());
        }
    }

    @Test
    void aHeartbeatAskedForGoesOutAtOnceAndTheNextFollowsThreeSecondsLater() {
        sender.updateLocal(new TextState("R"));
        runUntil(1001);
        sender.peerAcknowledged(1);
        runUntil(2000);
        assertEquals(1, sent.size(), "nothing is due before the heartbeat at 4000");
        sender.heartbeatNow(now);
        assertEquals(0, sender.millisUntilDue(now));
        runUntil(2001);
        assertEquals(2, sent.size());
        assertEquals(2000, sentAt.get(1));
        assertEquals(0, sent.get(1).diff().length);
        runUntil(5001);
        assertEquals(3, sent.size());
        assertEquals(2000 + SspTiming.HEARTBEAT_INTERVAL, sentAt.get(2));
    }

    @Test
    void dataFromThePeerIsAcknowledgedAfterTheAckDelay() {
        sender.updateLocal(new TextState("R"));
        runUntil(1001);
        sender.peerAcknowledged(1);
        runUntil(1500);
        sender.peerStateArrived(7, true, now);
        runUntil(2000);
        assertEquals(2, sent.size());
        assertEquals(1500 + SspTiming.ACK_HOLD, sentAt.get(1));
        assertEquals(7, sent.get(1).ackNum());
        assertEquals(1, sent.get(1).throwawayNum());
    }

    @Test
    void unacknowledgedDataIsResentFromTheAckedStateAtFrameRateWhileThePeerIsHeard() {
        sender.updateLocal(new TextState("R"));
        runUntil(1001);
        sender.peerAcknowledged(1);
        sender.peerStateArrived(1, false, 1001);
        sender.updateLocal(new TextState("Rab"));
        runUntil(1600);
        // first send at once (frame interval since t=1000 has passed), then retries once the
        // assumption that the peer has it expires after RTO + ACK_DELAY = 400 ms
        TransportInstruction data = sent.get(1);
        assertEquals(2, data.newNum());
        TransportInstruction retry = sent.get(2);
        assertEquals(sentAt.get(1) + 400, sentAt.get(2));
        assertEquals(1, retry.oldNum());
        assertEquals(2, retry.newNum(), "a retransmission keeps its number");
        assertEquals("ab", diff(retry));
    }

    @Test
    void silencedPeerGetsRetriesOnlyFromTheHeartbeatTimer() {
        sender.updateLocal(new TextState("R"));
        runUntil(7000);
        // never heard from the peer: the same state 1 goes out every 3 s
        assertEquals(List.of(1000L, 4000L), sentAt.subList(0, 2));
        assertEquals(1, sent.get(1).newNum());
        assertEquals(0, sent.get(1).oldNum());
    }

    @Test
    void acknowledgementsMoveThrowawayAndFreeOldStates() {
        sender.updateLocal(new TextState("R"));
        runUntil(1001);
        sender.updateLocal(new TextState("Ra"));
        runUntil(1100);
        assertEquals(3, sender.heldStates());
        sender.peerAcknowledged(2);
        assertEquals(1, sender.heldStates());
        assertEquals("Ra", acknowledged.getLast().text());
        sender.peerAcknowledged(99); // unknown: ignored
        assertEquals(2, sender.acknowledgedNumber());
        sender.updateLocal(new TextState("Rab"));
        runUntil(1200);
        assertEquals(2, sent.getLast().throwawayNum());
        assertEquals(2, sent.getLast().oldNum());
    }

    @Test
    void shutdownSendsTheReservedStateUntilAcknowledged() {
        sender.updateLocal(new TextState("R"));
        runUntil(1001);
        sender.peerAcknowledged(1);
        sender.beginShutdown(now);
        sender.updateLocal(new TextState("R-ignored"));
        runUntil(1300);
        TransportInstruction shutdown = sent.getLast();
        assertEquals(TransportInstruction.SHUTDOWN, shutdown.newNum());
        assertEquals(1, shutdown.oldNum());
        assertEquals(0, shutdown.diff().length, "the state is frozen once shutting down");
        assertFalse(sender.shutdownConfirmed());
        sender.peerAcknowledged(TransportInstruction.SHUTDOWN);
        assertTrue(sender.shutdownConfirmed());
    }

    @Test
    void shutdownGivesUpAfterSixteenTries() {
        sender.updateLocal(new TextState("R"));
        runUntil(1001);
        sender.beginShutdown(now);
        runUntil(1001 + 16 * 50 + 10);
        assertTrue(sender.shutdownAbandoned(now));
        long tries = sent.stream().filter(i -> i.newNum() == TransportInstruction.SHUTDOWN).count();
        assertEquals(16, tries);
    }

    @Test
    void aPeerShutdownIsAcknowledgedPromptly() {
        sender.updateLocal(new TextState("R"));
        runUntil(1001);
        sender.peerAcknowledged(1);
        runUntil(1500);
        sender.peerStateArrived(TransportInstruction.SHUTDOWN, false, now);
        assertFalse(sender.peerShutdownAcknowledged());
        runUntil(1600);
        assertEquals(TransportInstruction.SHUTDOWN, sent.getLast().ackNum());
        assertTrue(sender.peerShutdownAcknowledged());
    }

    @Test
    void theSentQueueStaysBounded() {
        sender.peerStateArrived(1, false, now);
        for (int i = 0; i < 200; i++) {
            sender.updateLocal(sender.local().append("x"));
            runUntil(now + 60);
            sender.peerStateArrived(i + 2, false, now);
        }
        assertTrue(sender.heldStates() <= SentWindow.CAPACITY, "held " + sender.heldStates());
        assertEquals(0, sender.acknowledgedNumber());
    }
}
