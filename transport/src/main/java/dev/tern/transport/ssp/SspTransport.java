package dev.tern.transport.ssp;

import dev.tern.transport.wire.DroppedInputException;
import dev.tern.transport.wire.TransportInstruction;

/**
 * Both halves of one SSP endpoint: our state going out, the peer's state coming in, and the bookkeeping that
 * ties them (acks, last contact, round-trip success). Single-threaded; times are one monotonic clock in ms.
 */
public final class SspTransport<S extends OutgoingState<S>, R extends IncomingState<R>> {
    private final SspSender<S> sender;
    private final SspReceiver<R> receiver;
    private long lastRoundTripSuccess = Long.MIN_VALUE;

    public SspTransport(SspSender<S> sender, SspReceiver<R> receiver) {
        this.sender = sender;
        this.receiver = receiver;
    }

    /**
     * Handles one complete instruction from the peer. Acks are honoured even for duplicates; state changes only
     * when the diff applies.
     *
     * @throws DroppedInputException if the state part must be ignored (counted by the caller)
     */
    public ReceiveOutcome receive(TransportInstruction instruction, long now) throws DroppedInputException {
        sender.peerAcknowledged(instruction.ackNum());
        lastRoundTripSuccess = sender.acknowledgedSentAt();
        ReceiveOutcome outcome = receiver.receive(instruction, now);
        if (outcome == ReceiveOutcome.NEW_LATEST) {
            sender.peerStateArrived(instruction.newNum(), instruction.diff().length > 0, now);
        }
        return outcome;
    }

    public SspSender<S> sender() {
        return sender;
    }

    public SspReceiver<R> receiver() {
        return receiver;
    }

    /** Send time of the newest state the peer acknowledged, as of the last instruction; MIN_VALUE if none yet. */
    public long lastRoundTripSuccess() {
        return lastRoundTripSuccess;
    }

    /** The peer has sent its shutdown state. */
    public boolean peerRequestedShutdown() {
        return receiver.latest().num() == TransportInstruction.SHUTDOWN;
    }
}
