package dev.tern.transport.ssp;

/** A peer state we hold: its number, when it arrived, and its content. */
public record ReceivedState<R>(long num, long arrivedAt, R state) {
}
