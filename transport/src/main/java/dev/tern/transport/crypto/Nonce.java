package dev.tern.transport.crypto;

/**
 * A datagram nonce: direction bit and 63-bit sequence number. On the wire only the last 8 bytes travel; the
 * 12-byte OCB nonce starts with four implicit zero bytes.
 */
public record Nonce(Direction direction, long sequence) {
    public static final long MAX_SEQUENCE = Long.MAX_VALUE;
    public static final int WIRE_LENGTH = 8;
    public static final int OCB_LENGTH = 12;

    public Nonce {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence numbers are 63-bit");
        }
    }

    /** The 8-byte value sent in front of the ciphertext. */
    public long tail() {
        return direction.nonceBit() | sequence;
    }

    public static Nonce ofTail(long tail) {
        return new Nonce(Direction.ofNonceTail(tail), tail & MAX_SEQUENCE);
    }

    public byte[] ocbBytes() {
        byte[] n = new byte[OCB_LENGTH];
        long t = tail();
        for (int i = 0; i < 8; i++) {
            n[OCB_LENGTH - 1 - i] = (byte) (t >>> (8 * i));
        }
        return n;
    }
}
