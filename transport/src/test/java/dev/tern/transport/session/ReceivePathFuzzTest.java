package dev.tern.transport.session;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.SequenceCounter;
import dev.tern.transport.wire.DatagramLayer;
import dev.tern.transport.wire.Fragment;
import dev.tern.transport.wire.Mtu;
import dev.tern.transport.wire.TransportInstruction;
import dev.tern.transport.wire.Zlib;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzz target over the client's whole receive path (decrypt, timestamps, reassembly, inflate, protobuf, SSP,
 * host message, emulator). Most inputs are sealed with the real key so the fuzzer gets past authentication.
 * In the normal suite Jazzer replays the stored inputs only; {@code scripts/fuzz-receive-path.sh} fuzzes it.
 */
class ReceivePathFuzzTest {
    private static final int MAX_DATAGRAMS_PER_INPUT = 8;

    @FuzzTest(maxDuration = "60s")
    void receivingNeverThrowsAndEveryDatagramIsAccountedFor(FuzzedDataProvider data) {
        SessionStats stats = new SessionStats();
        ClientEndpoint client = new ClientEndpoint(FakeMoshServer.KEY, 20, 5, Mtu.IPV4_DATAGRAM, 0, new Random(0),
                datagram -> { }, stats);
        DatagramLayer server = new DatagramLayer(FakeMoshServer.KEY, Direction.TO_CLIENT, new SequenceCounter());
        long now = 0;
        int sent = 0;
        while (data.remainingBytes() > 0 && sent < MAX_DATAGRAMS_PER_INPUT) {
            now += data.consumeInt(0, 5000);
            byte[] datagram = switch (data.consumeInt(0, 2)) {
                case 0 -> data.consumeBytes(data.consumeInt(0, 2100));
                case 1 -> server.seal(new Fragment(data.consumeLong(), data.consumeInt(0, Fragment.MAX_NUMBER),
                        data.consumeBoolean(), data.consumeBytes(data.consumeInt(0, 1300))), now);
                default -> {
                    TransportInstruction instruction = new TransportInstruction(data.consumeInt(1, 3),
                            data.consumeLong(0, 4), data.consumeLong(), data.consumeLong(0, 4), data.consumeLong(0, 4),
                            data.consumeBytes(data.consumeInt(0, 1000)), new byte[0]);
                    yield server.seal(new Fragment(sent + 1, 0, true, Zlib.compress(instruction.toProtobuf())), now);
                }
            };
            client.receive(datagram, datagram.length, now);
            client.tick(now);
            sent++;
        }
        assertEquals(sent, stats.get(SessionStats.Counter.DATAGRAMS_RECEIVED));
    }
}
