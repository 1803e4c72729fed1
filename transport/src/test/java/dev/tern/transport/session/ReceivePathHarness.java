package dev.tern.transport.session;

import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.SequenceCounter;
import dev.tern.transport.wire.DatagramLayer;
import dev.tern.transport.wire.Fragment;
import dev.tern.transport.wire.Mtu;
import dev.tern.transport.wire.TransportInstruction;
import dev.tern.transport.wire.Zlib;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Turns one fuzz input into a short series of datagrams for a fresh {@link ClientEndpoint}: raw bytes, authentic
 * fragments with arbitrary content, and authentic instructions with arbitrary numbers and diffs, so the input
 * reaches every stage of the receive path. Shared by the Jazzer target and the jqwik property.
 */
final class ReceivePathHarness {
    private static final int MAX_DATAGRAMS = 8;

    /** Reads fields from the input; when it runs dry every read yields zeros. */
    private static final class Input {
        private final ByteBuffer buf;

        Input(byte[] bytes) {
            buf = ByteBuffer.wrap(bytes);
        }

        boolean exhausted() {
            return !buf.hasRemaining();
        }

        int intIn(int min, int max) {
            int raw = buf.remaining() >= 4 ? buf.getInt() : (buf.hasRemaining() ? buf.get() : 0);
            return min + Math.floorMod(raw, max - min + 1);
        }

        long anyLong() {
            return buf.remaining() >= 8 ? buf.getLong() : intIn(0, Integer.MAX_VALUE);
        }

        byte[] bytes(int max) {
            int n = Math.min(intIn(0, max), buf.remaining());
            byte[] b = new byte[n];
            buf.get(b);
            return b;
        }
    }

    private ReceivePathHarness() {
    }

    /** Feeds the datagrams derived from {@code input}; throws only if an invariant of the receive path breaks. */
    static void run(byte[] input) {
        SessionStats stats = new SessionStats();
        ClientEndpoint client = new ClientEndpoint(FakeMoshServer.KEY, 20, 5, Mtu.IPV4_DATAGRAM, 0, new Random(0),
                datagram -> { }, stats);
        DatagramLayer server = new DatagramLayer(FakeMoshServer.KEY, Direction.TO_CLIENT, new SequenceCounter());
        Input in = new Input(input);
        long now = 0;
        int sent = 0;
        while (!in.exhausted() && sent < MAX_DATAGRAMS) {
            now += in.intIn(0, 5000);
            byte[] datagram = switch (in.intIn(0, 3)) {
                case 0 -> in.bytes(2100);
                case 1 -> server.seal(new Fragment(in.anyLong(), in.intIn(0, Fragment.MAX_NUMBER), in.intIn(0, 1) == 1,
                        in.bytes(1300)), now);
                default -> {
                    TransportInstruction instruction = new TransportInstruction(in.intIn(1, 3), in.intIn(0, 4),
                            in.anyLong(), in.intIn(0, 4), in.intIn(0, 4), in.bytes(1000), new byte[0]);
                    yield server.seal(new Fragment(sent + 1, 0, true, Zlib.compress(instruction.toProtobuf())), now);
                }
            };
            if (sent % 3 == 2 && datagram.length > 0) {
                datagram = Arrays.copyOf(datagram, in.intIn(0, datagram.length)); // truncations too
            }
            client.receive(datagram, datagram.length, now);
            client.sendWhatIsDue(now);
            sent++;
        }
        assertEquals(sent, stats.get(SessionStats.Counter.DATAGRAMS_RECEIVED));
        assertTrue(client.latestRemoteState().state().screen().width() > 0);
    }
}
