package dev.tern.transport.session;

import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.SequenceCounter;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.wire.DatagramLayer;
import dev.tern.transport.wire.Fragment;
import dev.tern.transport.wire.Fragmenter;
import dev.tern.transport.wire.InstructionDecoder;
import dev.tern.transport.wire.Mtu;
import dev.tern.transport.wire.TransportInstruction;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scriptable stand-in for mosh-server on loopback: it speaks the wire format with the session key, so a
 * test can send exactly the (hostile) datagrams it wants. Blocking; used from the test thread only.
 */
final class FakeMoshServer implements AutoCloseable {
    static final SessionKey KEY = SessionKey.parse("v5xfKgL1TrRcJ7VgiCiU4g");

    private final DatagramChannel channel;
    private final DatagramLayer layer = new DatagramLayer(KEY, Direction.TO_CLIENT, new SequenceCounter());
    private final InstructionDecoder decoder = new InstructionDecoder();
    private final Fragmenter fragmenter = new Fragmenter();
    private SocketAddress client;
    final List<byte[]> sentDatagrams = new ArrayList<>();
    private MoshSession pacedSession;
    private long deliveryBaseline;

    FakeMoshServer() throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        channel.socket().setSoTimeout(5000);
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** Blocks until a whole instruction from the client has arrived. */
    TransportInstruction receiveInstruction() throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            buf.clear();
            client = channel.receive(buf);
            buf.flip();
            byte[] data = new byte[buf.remaining()];
            buf.get(data);
            Optional<TransportInstruction> i = decoder.add(layer.open(data, data.length, now()).fragment());
            if (i.isPresent()) {
                return i.get();
            }
        }
        throw new AssertionError("no instruction from the client");
    }

    void sendInstruction(TransportInstruction instruction) throws IOException {
        for (Fragment f : fragmenter.fragment(instruction, Mtu.fragmentPayload(Mtu.IPV4_DATAGRAM))) {
            sendRaw(layer.seal(f, now()));
        }
    }

    void sendState(long oldNum, long newNum, long ackNum, long throwaway, byte[] diff) throws IOException {
        sendInstruction(new TransportInstruction(2, oldNum, newNum, ackNum, throwaway, diff, new byte[0]));
    }

    /** Seals an arbitrary fragment with the real key and our direction. */
    byte[] seal(Fragment fragment) {
        return layer.seal(fragment, now());
    }

    void sendRaw(byte[] datagram) throws IOException {
        sentDatagrams.add(datagram);
        channel.send(ByteBuffer.wrap(datagram), client);
        awaitDelivery();
    }

    /**
     * From now on, each send waits until {@code session} has read the datagram: a burst larger than the client's
     * socket buffer would otherwise be dropped by the kernel and make the counts in a test vary.
     */
    void pace(MoshSession session) {
        this.pacedSession = session;
        this.deliveryBaseline = session.stats().get(SessionStats.Counter.DATAGRAMS_RECEIVED) - sentDatagrams.size();
    }

    private void awaitDelivery() {
        if (pacedSession == null) {
            return;
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (pacedSession.stats().get(SessionStats.Counter.DATAGRAMS_RECEIVED) < deliveryBaseline + sentDatagrams.size()
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
