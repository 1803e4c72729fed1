package dev.tern.transport.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's UDP sockets (docs/PROTOCOL.md §8.2): sends go out of the newest one; after 10 s without a
 * round trip the client "hops" to a fresh socket (new source port), which gets it through NAT rebinding and
 * dead paths, while old sockets keep receiving for up to a minute. After a sleep it hops at once (§8.4).
 */
final class ClientSockets implements AutoCloseable {
    static final int PORT_HOP_INTERVAL = 10_000;
    static final int MAX_PORTS_OPEN = 10;
    static final int MAX_OLD_SOCKET_AGE = 60_000;

    private record Socket(DatagramChannel channel, SelectionKey key, long openedAt) {
    }

    private final Selector selector;
    private final InetSocketAddress server;
    private final List<Socket> sockets = new ArrayList<>();
    private long lastPortChoice;

    ClientSockets(Selector selector, InetSocketAddress server, long now) throws IOException {
        this.selector = selector;
        this.server = server;
        open(now);
    }

    private void open(long now) throws IOException {
        StandardProtocolFamily family = server.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel channel = DatagramChannel.open(family);
        try {
            channel.configureBlocking(false);
            // connected: the kernel filters out datagrams from anyone but the server
            channel.connect(server);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            sockets.add(new Socket(channel, key, now));
            lastPortChoice = now;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    void send(ByteBuffer datagram) throws IOException {
        sockets.getLast().channel().write(datagram);
    }

    /** Hops if both the current port and the last round trip are older than the hop interval. */
    boolean maybeHop(long now, long lastRoundTripSuccess) throws IOException {
        boolean roundTripStale = lastRoundTripSuccess == Long.MIN_VALUE
                || now - lastRoundTripSuccess > PORT_HOP_INTERVAL;
        if (now - lastPortChoice > PORT_HOP_INTERVAL && roundTripStale) {
            hop(now);
            return true;
        }
        return false;
    }

    /**
     * Hops now, whatever the timers say: after the machine slept (§8.4) they ran on a clock that stood still, and
     * the path they trust is likely gone.
     */
    void hop(long now) throws IOException {
        open(now);
        prune(now);
    }

    /** Closes sockets nobody needs: all old ones once the newest is a minute old; beyond ten, the oldest. */
    void prune(long now) {
        if (sockets.size() > 1 && now - sockets.getLast().openedAt() > MAX_OLD_SOCKET_AGE) {
            while (sockets.size() > 1) {
                closeQuietly(sockets.removeFirst());
            }
        }
        while (sockets.size() > MAX_PORTS_OPEN) {
            closeQuietly(sockets.removeFirst());
        }
    }

    /** Channels in age order, oldest first (mosh reads the oldest readable socket first). */
    List<DatagramChannel> channels() {
        List<DatagramChannel> list = new ArrayList<>(sockets.size());
        for (Socket s : sockets) {
            list.add(s.channel());
        }
        return list;
    }

    int openCount() {
        return sockets.size();
    }

    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) sockets.getLast().channel().getLocalAddress();
    }

    private static void closeQuietly(Socket s) {
        s.key().cancel();
        try {
            s.channel().close();
        } catch (IOException ignored) {
            // closing a UDP socket cannot lose data; nothing to do
        }
    }

    @Override
    public void close() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }
}
