package dev.tern.transport.session;

import com.google.protobuf.ByteString;
import dev.tern.transport.proto.HostInputProto;
import dev.tern.transport.wire.DropReason;
import dev.tern.transport.wire.DroppedInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RemoteTerminalStateTest {
    static byte[] hostMessage(HostInputProto.Instruction... instructions) {
        HostInputProto.HostMessage.Builder b = HostInputProto.HostMessage.newBuilder();
        for (HostInputProto.Instruction i : instructions) {
            b.addInstruction(i);
        }
        return b.build().toByteArray();
    }

    static HostInputProto.Instruction bytes(String s) {
        return HostInputProto.Instruction.newBuilder().setHostbytes(HostInputProto.HostBytes.newBuilder()
                .setHoststring(ByteString.copyFrom(s, StandardCharsets.UTF_8))).build();
    }

    static HostInputProto.Instruction resize(int w, int h) {
        return HostInputProto.Instruction.newBuilder()
                .setResize(HostInputProto.ResizeMessage.newBuilder().setWidth(w).setHeight(h)).build();
    }

    static HostInputProto.Instruction echoAck(long n) {
        return HostInputProto.Instruction.newBuilder()
                .setEchoack(HostInputProto.EchoAck.newBuilder().setEchoAckNum(n)).build();
    }

    @Test
    void theSpecsExampleHostMessageAppliesInOrder() throws Exception {
        byte[] diff = HexFormat.of().parseHex("0a043a024005" + "0a061a0428503018" + "0a06120422026869");
        RemoteTerminalState state = RemoteTerminalState.blank(10, 3).apply(diff);
        assertEquals(5, state.echoAck());
        assertEquals(80, state.screen().width());
        assertEquals(24, state.screen().height());
        assertTrue(state.screen().screenText().startsWith("hi"));
    }

    @Test
    void applyingLeavesTheBaseStateUntouched() throws Exception {
        RemoteTerminalState base = RemoteTerminalState.blank(20, 2).apply(hostMessage(bytes("base")));
        RemoteTerminalState a = base.apply(hostMessage(bytes(" one")));
        RemoteTerminalState b = base.apply(hostMessage(bytes(" two"), echoAck(3)));
        assertTrue(base.screen().screenText().startsWith("base\n") || base.screen().screenText().startsWith("base "));
        assertTrue(a.screen().screenText().startsWith("base one"));
        assertTrue(b.screen().screenText().startsWith("base two"));
        assertEquals(0, a.echoAck());
        assertEquals(3, b.echoAck());
    }

    @Test
    void unparsableAndHostileDiffsAreDropped() throws Exception {
        RemoteTerminalState base = RemoteTerminalState.blank(20, 2);
        assertEquals(DropReason.MALFORMED_DIFF,
                assertThrows(DroppedInputException.class, () -> base.apply(new byte[]{(byte) 0xFF, 0x01})).reason());
        assertEquals(DropReason.MALFORMED_DIFF,
                assertThrows(DroppedInputException.class, () -> base.apply(hostMessage(resize(100_000, 100_000)))).reason());
        assertEquals(DropReason.MALFORMED_DIFF,
                assertThrows(DroppedInputException.class, () -> base.apply(hostMessage(resize(0, 5)))).reason());
        assertEquals(20, base.screen().width());
    }

    @Test
    void theEchoAckNeverGoesBackwards() throws Exception {
        RemoteTerminalState s = RemoteTerminalState.blank(5, 1).apply(hostMessage(echoAck(9)));
        assertEquals(9, s.apply(hostMessage(echoAck(4))).echoAck());
    }
}
