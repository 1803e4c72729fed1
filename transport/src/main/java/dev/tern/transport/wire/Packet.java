package dev.tern.transport.wire;

/**
 * The plaintext of one datagram: the sender's 16-bit timestamp, the echo of the peer's timestamp (or
 * {@link #NO_TIMESTAMP}), and one fragment.
 */
public record Packet(int timestamp, int timestampReply, Fragment fragment) {
    public static final int TIMESTAMPS_LENGTH = 4;
    public static final int NO_TIMESTAMP = 0xFFFF;

    public byte[] encode() {
        byte[] out = new byte[TIMESTAMPS_LENGTH + fragment.encodedLength()];
        Bytes.writeShort(out, 0, timestamp);
        Bytes.writeShort(out, 2, timestampReply);
        fragment.encodeInto(out, TIMESTAMPS_LENGTH);
        return out;
    }

    public static Packet decode(byte[] plaintext) throws DroppedInputException {
        if (plaintext.length < TIMESTAMPS_LENGTH) {
            throw new DroppedInputException(DropReason.MALFORMED_PLAINTEXT, "plaintext shorter than timestamps");
        }
        Fragment f = Fragment.decode(plaintext, TIMESTAMPS_LENGTH, plaintext.length - TIMESTAMPS_LENGTH);
        return new Packet(Bytes.readShort(plaintext, 0), Bytes.readShort(plaintext, 2), f);
    }
}
