package dev.tern.transport.wire;

/**
 * An authentic fragment from the peer. {@code inOrder} is false for a datagram older than the newest one
 * seen: it still feeds SSP, but must not move the peer address or the RTT estimate.
 */
public record ReceivedFragment(long sequence, boolean inOrder, Fragment fragment) {
}
