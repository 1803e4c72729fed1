package dev.tern.transport.ssp;

import dev.tern.transport.wire.DropReason;
import dev.tern.transport.wire.DroppedInputException;
import dev.tern.transport.wire.TransportInstruction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SspReceiverTest {
    private final SspReceiver<TextState> receiver = new SspReceiver<>(TextState.EMPTY, 0);

    private static TransportInstruction diff(long old, long neu, long throwaway, String diff) {
        return new TransportInstruction(2, old, neu, 0, throwaway, diff.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }

    @Test
    void appliesEachDiffToTheStateItNames() throws Exception {
        assertEquals(ReceiveOutcome.NEW_LATEST, receiver.receive(diff(0, 1, 0, "a"), 1));
        assertEquals(ReceiveOutcome.NEW_LATEST, receiver.receive(diff(1, 2, 0, "b"), 2));
        // a diff against the older state 1 (the server's acked state) must not see state 2's content
        assertEquals(ReceiveOutcome.NEW_LATEST, receiver.receive(diff(1, 3, 1, "c"), 3));
        assertEquals("ac", receiver.latest().state().text());
        assertEquals(3, receiver.latest().num());
        assertEquals(3, receiver.latest().arrivedAt());
    }

    @Test
    void duplicatesChangeNothing() throws Exception {
        receiver.receive(diff(0, 1, 0, "a"), 1);
        assertEquals(ReceiveOutcome.DUPLICATE, receiver.receive(diff(0, 1, 0, "zzz"), 2));
        assertEquals("a", receiver.latest().state().text());
    }

    @Test
    void unknownBaseStatesAreDroppedWithoutChange() throws Exception {
        receiver.receive(diff(0, 1, 0, "a"), 1);
        DroppedInputException e = assertThrows(DroppedInputException.class, () -> receiver.receive(diff(5, 6, 0, "x"), 2));
        assertEquals(DropReason.UNKNOWN_BASE_STATE, e.reason());
        assertEquals(2, receiver.heldStates().size());
    }

    @Test
    void malformedDiffsAreDroppedWithoutChangeEvenToThrowaway() throws Exception {
        receiver.receive(diff(0, 1, 0, "a"), 1);
        DroppedInputException e = assertThrows(DroppedInputException.class, () -> receiver.receive(diff(1, 2, 1, "!"), 2));
        assertEquals(DropReason.MALFORMED_DIFF, e.reason());
        assertEquals(2, receiver.heldStates().size());
        assertEquals(1, receiver.latest().num());
    }

    @Test
    void statesBelowThrowawayAreForgotten() throws Exception {
        receiver.receive(diff(0, 1, 0, "a"), 1);
        receiver.receive(diff(1, 2, 0, "b"), 2);
        receiver.receive(diff(2, 3, 2, "c"), 3);
        assertEquals(2, receiver.heldStates().size());
        assertEquals(DropReason.UNKNOWN_BASE_STATE,
                assertThrows(DroppedInputException.class, () -> receiver.receive(diff(1, 4, 2, "d"), 4)).reason());
    }

    @Test
    void aReorderedOlderStateIsKeptButDoesNotBecomeLatest() throws Exception {
        receiver.receive(diff(0, 2, 0, "ab"), 1);
        assertEquals(ReceiveOutcome.NEW_OLDER, receiver.receive(diff(0, 1, 0, "a"), 2));
        assertEquals(2, receiver.latest().num());
        assertEquals(3, receiver.heldStates().size());
        assertEquals(1, receiver.heldStates().get(1).num());
    }

    @Test
    void theShutdownStateSortsLast() throws Exception {
        receiver.receive(diff(0, 5, 0, "a"), 1);
        receiver.receive(diff(5, TransportInstruction.SHUTDOWN, 5, "z"), 2);
        receiver.receive(diff(5, 6, 5, "b"), 3);
        assertEquals(TransportInstruction.SHUTDOWN, receiver.latest().num());
        assertEquals("az", receiver.latest().state().text());
    }

    @Test
    void aFloodOfStatesIsQuenched() throws Exception {
        long t = 0;
        int dropped = 0;
        for (int n = 1; n <= 1100; n++) {
            try {
                receiver.receive(diff(0, n, 0, ""), t++);
            } catch (DroppedInputException e) {
                assertEquals(DropReason.RECEIVER_QUENCH, e.reason());
                dropped++;
            }
        }
        assertEquals(1100 - 1025, dropped);
        assertEquals(1026, receiver.heldStates().size());
    }
}
