package dev.tern.transport.wire;

/** mosh's 16-bit millisecond timestamps: the clock modulo 65536, with 0xFFFF reserved for "none". */
public final class Timestamp16 {
    private Timestamp16() {
    }

    public static int of(long nowMillis) {
        int t = (int) (nowMillis & 0xFFFF);
        return t == Packet.NO_TIMESTAMP ? 0 : t;
    }

    /** {@code later - earlier} modulo 65536. */
    public static int difference(int later, int earlier) {
        return (later - earlier) & 0xFFFF;
    }
}
