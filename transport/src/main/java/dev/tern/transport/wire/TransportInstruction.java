package dev.tern.transport.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tern.transport.proto.TransportProto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One SSP instruction: "the diff that turns your state {@code oldNum} into my state {@code newNum}", plus the
 * acknowledgement of the peer's states. Numbers are unsigned 64-bit; {@link #SHUTDOWN} (all ones, -1 as a
 * Java long) is the shutdown state.
 */
public record TransportInstruction(int protocolVersion, long oldNum, long newNum, long ackNum, long throwawayNum,
                                   byte[] diff, byte[] chaff) {
    public static final int PROTOCOL_VERSION = 2;
    public static final long SHUTDOWN = -1L;

    /** Serializes with all seven fields present, in field order, as mosh's sender does. */
    public byte[] toProtobuf() {
        return TransportProto.Instruction.newBuilder()
                .setProtocolVersion(protocolVersion)
                .setOldNum(oldNum)
                .setNewNum(newNum)
                .setAckNum(ackNum)
                .setThrowawayNum(throwawayNum)
                .setDiff(ByteString.copyFrom(diff))
                .setChaff(ByteString.copyFrom(chaff))
                .build()
                .toByteArray();
    }

    /** Parses a serialized instruction; absent fields read as zero or empty (proto2 defaults). */
    public static TransportInstruction fromProtobuf(byte[] bytes) throws DroppedInputException {
        TransportProto.Instruction p;
        try {
            p = TransportProto.Instruction.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new DroppedInputException(DropReason.MALFORMED_PROTOBUF, "transport instruction");
        }
        return new TransportInstruction(p.getProtocolVersion(), p.getOldNum(), p.getNewNum(), p.getAckNum(),
                p.getThrowawayNum(), p.getDiff().toByteArray(), p.getChaff().toByteArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportInstruction t && protocolVersion == t.protocolVersion && oldNum == t.oldNum
                && newNum == t.newNum && ackNum == t.ackNum && throwawayNum == t.throwawayNum
                && Arrays.equals(diff, t.diff) && Arrays.equals(chaff, t.chaff);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(oldNum) * 31 + Long.hashCode(newNum) * 17 + Arrays.hashCode(diff);
    }

    @Override
    public String toString() {
        return "Instruction[v" + protocolVersion + " " + num(oldNum) + "->" + num(newNum) + " ack " + num(ackNum)
                + " throwaway " + num(throwawayNum) + " diff " + diff.length + " B, chaff "
                + HexFormat.of().formatHex(chaff) + "]";
    }

    private static String num(long n) {
        return n == SHUTDOWN ? "MAX" : Long.toUnsignedString(n);
    }
}
