package dev.tern.transport.ssp;

import dev.tern.transport.wire.DropReason;
import dev.tern.transport.wire.DroppedInputException;
import dev.tern.transport.wire.TransportInstruction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The receiving half of SSP (docs/PROTOCOL.md §6.2): applies each diff to a copy of the exact state it
 * names, keeps every state the peer may still diff against (those at or above its {@code throwaway_num}), and
 * ignores what it cannot apply: an unknown base state or a diff that does not apply leaves the held states
 * untouched.
 */
public final class SspReceiver<R extends IncomingState<R>> {
    /** Ordered by state number (unsigned); the last entry is the newest, the one shown to the user. */
    private final List<ReceivedState<R>> states = new ArrayList<>();
    private long quenchUntil = Long.MIN_VALUE;

    public SspReceiver(R initial, long now) {
        this(initial, 0, now);
    }

    /** A receiver whose first held state is {@code initial} under number {@code initialNum}: a resumed session's. */
    public SspReceiver(R initial, long initialNum, long now) {
        states.add(new ReceivedState<>(initialNum, now, initial));
    }

    /**
     * Applies the state part of an instruction (acks are the sender's business).
     *
     * @throws DroppedInputException if the base state is unknown, the diff is malformed or the queue is full
     */
    public ReceiveOutcome receive(TransportInstruction instruction, long now) throws DroppedInputException {
        long newNum = instruction.newNum();
        if (find(newNum) != null) {
            return ReceiveOutcome.DUPLICATE;
        }
        ReceivedState<R> base = find(instruction.oldNum());
        if (base == null) {
            throw new DroppedInputException(DropReason.UNKNOWN_BASE_STATE,
                    "base state " + Long.toUnsignedString(instruction.oldNum()) + " not held");
        }
        R content = instruction.diff().length == 0 ? base.state() : base.state().apply(instruction.diff());
        // as in mosh, the peer's throwaway promise is honoured before the flood guard looks at the count
        discardBefore(instruction.throwawayNum());
        if (states.size() > SspTiming.RECEIVED_QUEUE_CAP) {
            if (now < quenchUntil) {
                throw new DroppedInputException(DropReason.RECEIVER_QUENCH, "too many states held");
            }
            quenchUntil = now + SspTiming.RECEIVER_QUENCH_INTERVAL;
        }
        ReceivedState<R> fresh = new ReceivedState<>(newNum, now, content);
        int position = insertionPoint(newNum);
        states.add(position, fresh);
        return position == states.size() - 1 ? ReceiveOutcome.NEW_LATEST : ReceiveOutcome.NEW_OLDER;
    }

    /** Forgets states the peer promised never to diff against again; never the newest one. */
    private void discardBefore(long throwawayNum) {
        int keepFrom = 0;
        while (keepFrom < states.size() - 1 && StateNumbers.compare(states.get(keepFrom).num(), throwawayNum) < 0) {
            keepFrom++;
        }
        states.subList(0, keepFrom).clear();
    }

    private int insertionPoint(long num) {
        int i = states.size();
        while (i > 0 && StateNumbers.compare(states.get(i - 1).num(), num) > 0) {
            i--;
        }
        return i;
    }

    private ReceivedState<R> find(long num) {
        for (int i = states.size() - 1; i >= 0; i--) {
            if (states.get(i).num() == num) {
                return states.get(i);
            }
        }
        return null;
    }

    public ReceivedState<R> latest() {
        return states.getLast();
    }

    public List<ReceivedState<R>> heldStates() {
        return Collections.unmodifiableList(states);
    }
}
