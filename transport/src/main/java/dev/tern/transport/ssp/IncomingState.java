package dev.tern.transport.ssp;

import dev.tern.transport.wire.DroppedInputException;

/** A state received from the peer. Immutable: applying a diff yields a new state and leaves this one intact. */
public interface IncomingState<R extends IncomingState<R>> {
    /**
     * This state with the peer's diff applied.
     *
     * @throws DroppedInputException if the diff cannot be parsed; this state is unchanged
     */
    R apply(byte[] diff) throws DroppedInputException;
}
