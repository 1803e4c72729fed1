package dev.tern.transport.wire;

/**
 * One slice of a compressed transport instruction: 8-byte instruction id, 2-byte word (bit 15 = final
 * fragment, bits 0–14 = fragment number), then the slice.
 */
public record Fragment(long instructionId, int number, boolean isFinal, byte[] payload) {
    public static final int HEADER_LENGTH = 10;
    public static final int MAX_NUMBER = 0x7FFF;

    public Fragment {
        if (number < 0 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("fragment number out of range: " + number);
        }
    }

    public int encodedLength() {
        return HEADER_LENGTH + payload.length;
    }

    public void encodeInto(byte[] out, int off) {
        Bytes.writeLong(out, off, instructionId);
        Bytes.writeShort(out, off + 8, (isFinal ? 0x8000 : 0) | number);
        System.arraycopy(payload, 0, out, off + HEADER_LENGTH, payload.length);
    }

    public static Fragment decode(byte[] in, int off, int len) throws DroppedInputException {
        if (len < HEADER_LENGTH) {
            throw new DroppedInputException(DropReason.MALFORMED_FRAGMENT, "fragment shorter than its header");
        }
        long id = Bytes.readLong(in, off);
        int word = Bytes.readShort(in, off + 8);
        byte[] payload = new byte[len - HEADER_LENGTH];
        System.arraycopy(in, off + HEADER_LENGTH, payload, 0, payload.length);
        return new Fragment(id, word & MAX_NUMBER, (word & 0x8000) != 0, payload);
    }

    /** Same id, number, flag and bytes. */
    public boolean sameAs(Fragment o) {
        return instructionId == o.instructionId && number == o.number && isFinal == o.isFinal
                && java.util.Arrays.equals(payload, o.payload);
    }
}
