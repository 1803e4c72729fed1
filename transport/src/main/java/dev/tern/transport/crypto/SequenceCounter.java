package dev.tern.transport.crypto;

/**
 * The sender's datagram counter. Every datagram takes the next value, across all of a client's sockets, so a
 * (direction, sequence) pair is never used twice under one key. A session resumed after a restart must start
 * from the value it had reached.
 */
public final class SequenceCounter {
    private long next;

    public SequenceCounter() {
        this(0);
    }

    public SequenceCounter(long start) {
        if (start < 0) {
            throw new IllegalArgumentException("negative sequence number");
        }
        this.next = start;
    }

    public long next() {
        if (next == Nonce.MAX_SEQUENCE) {
            // reusing a nonce under OCB would be catastrophic: refuse rather than wrap
            throw new IllegalStateException("Counter wrapped");
        }
        return next++;
    }

    /** The value the next call of {@link #next()} will return (to persist a session). */
    public long peek() {
        return next;
    }
}
