package dev.tern.transport.ssp;

/**
 * A snapshot of the local state we synchronise to the peer. Snapshots are immutable; a newer snapshot of a
 * cumulative state extends an older one.
 */
public interface OutgoingState<S extends OutgoingState<S>> {
    /** The serialized application diff that turns {@code base} into this state (empty if equal). */
    byte[] diffFrom(S base);

    /** Equal content: sending this state to a peer that has {@code other} would change nothing. */
    boolean sameAs(S other);
}
