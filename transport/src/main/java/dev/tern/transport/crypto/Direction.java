package dev.tern.transport.crypto;

/** Which way a datagram travels; encoded as bit 63 of the nonce so the two sides never share a nonce. */
public enum Direction {
    TO_SERVER(0L),
    TO_CLIENT(1L << 63);

    private final long nonceBit;

    Direction(long nonceBit) {
        this.nonceBit = nonceBit;
    }

    long nonceBit() {
        return nonceBit;
    }

    public Direction opposite() {
        return this == TO_SERVER ? TO_CLIENT : TO_SERVER;
    }

    static Direction ofNonceTail(long tail) {
        return tail < 0 ? TO_CLIENT : TO_SERVER;
    }
}
