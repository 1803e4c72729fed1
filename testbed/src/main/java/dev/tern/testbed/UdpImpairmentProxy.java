package dev.tern.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process UDP proxy that stands between a Mosh client and mosh-server on loopback and impairs the path:
 * seeded loss (each way), delay with jitter, reordering, duplication, blackouts, and a switch of the source
 * address/port it uses towards the server (what a roaming client or a rebinding NAT looks like to the server).
 * Every setting can change while it runs. It needs no root and no kernel support (netem is absent here).
 */
public final class UdpImpairmentProxy implements AutoCloseable {
    /** How long an old upstream socket keeps delivering replies after {@link #rebind()}, like a NAT mapping. */
    private static final Duration OLD_PATH_GRACE = Duration.ofSeconds(2);

    private final InetSocketAddress server;
    private final DatagramChannel downstream;
    private final ScheduledExecutorService scheduler;
    private final Direction toServer;
    private final Direction toClient;
    private final AtomicLong blackoutUntilNanos = new AtomicLong(Long.MIN_VALUE);
    private volatile DatagramChannel upstream;
    private final AtomicInteger oldPathsOpen = new java.util.concurrent.atomic.AtomicInteger();
    private volatile SocketAddress client;
    private volatile boolean closed;
    private int nextSourceHost = 2;

    private UdpImpairmentProxy(InetSocketAddress server, long seed) throws IOException {
        this.server = server;
        this.downstream = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        downstream.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "udp-proxy-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.toServer = new Direction(new Random(seed));
        this.toClient = new Direction(new Random(seed * 31 + 7));
        this.upstream = openUpstream();
        startReceiver("udp-proxy-from-client", downstream, this::fromClient);
    }

    /** Starts a proxy in front of {@code server}; the same seed gives the same loss/jitter decisions. */
    public static UdpImpairmentProxy start(InetSocketAddress server, long seed) {
        try {
            return new UdpImpairmentProxy(server, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the proxy's sockets", e);
        }
    }

    /** Where the client must send to. */
    public InetSocketAddress listenAddress() {
        try {
            return (InetSocketAddress) downstream.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address the server currently sees the "client" at. */
    public InetSocketAddress upstreamAddress() {
        try {
            return (InetSocketAddress) upstream.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the client's newest datagram came from (its source port changes when it hops), or null before any. */
    public InetSocketAddress clientAddress() {
        return (InetSocketAddress) client;
    }

    /** Loss probabilities in [0, 1] for each direction. */
    public void setLoss(double clientToServer, double serverToClient) {
        toServer.loss = probability(clientToServer);
        toClient.loss = probability(serverToClient);
    }

    /** One-way delay for both directions, plus a uniform jitter in [0, jitter]; order is kept (FIFO). */
    public void setDelay(Duration oneWay, Duration jitter) {
        for (Direction direction : new Direction[] {toServer, toClient}) {
            direction.delayNanos = oneWay.toNanos();
            direction.jitterNanos = jitter.toNanos();
        }
    }

    /** With this probability a datagram is held {@code extraDelay} longer and overtaken by later ones. */
    public void setReorder(double probability, Duration extraDelay) {
        for (Direction direction : new Direction[] {toServer, toClient}) {
            direction.reorder = probability(probability);
            direction.reorderExtraNanos = extraDelay.toNanos();
        }
    }

    /** With this probability a datagram is delivered twice. */
    public void setDuplicate(double probability) {
        toServer.duplicate = probability(probability);
        toClient.duplicate = probability(probability);
    }

    /** Drops everything, both ways, from now for {@code duration}. */
    public void blackout(Duration duration) {
        blackoutUntilNanos.set(System.nanoTime() + duration.toNanos());
    }

    public boolean inBlackout() {
        return System.nanoTime() < blackoutUntilNanos.get();
    }

    /**
     * Sends from a new source address and port from now on (127.0.0.2, .3, ... on Linux, where all of 127/8 is
     * local; elsewhere a new port on 127.0.0.1). The old socket still delivers replies for a short while.
     */
    public synchronized void rebind() {
        DatagramChannel old = upstream;
        upstream = openUpstream();
        oldPathsOpen.incrementAndGet();
        scheduler.schedule(() -> {
            closeQuietly(old);
            oldPathsOpen.decrementAndGet();
        }, OLD_PATH_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a socket left behind by {@link #rebind()} still delivers replies (its grace has not run out). */
    public boolean oldPathOpen() {
        return oldPathsOpen.get() > 0;
    }

    public Stats stats() {
        return new Stats(toServer.snapshot(), toClient.snapshot());
    }

    private synchronized DatagramChannel openUpstream() {
        try {
            DatagramChannel channel = DatagramChannel.open();
            channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
            try {
                channel.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0,
                        (byte) nextSourceHost}), 0));
                nextSourceHost = nextSourceHost >= 250 ? 2 : nextSourceHost + 1;
            } catch (IOException notAllLoopbackIsLocal) {
                channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
            startReceiver("udp-proxy-from-server", channel, this::fromServer);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open an upstream socket", e);
        }
    }

    /**
     * How many datagrams arrived whose Mosh nonce (the first 8 bytes: direction bit and sequence number) was seen
     * before in the same direction, counted as they arrive (before any duplication the proxy adds). Under one
     * session key a repeat is a nonce reused, which must never happen, not even across client restarts.
     */
    public long repeatedNonces() {
        return toServer.repeatedNonces.get() + toClient.repeatedNonces.get();
    }

    /** Distinct nonces seen so far, both directions. */
    public long distinctNonces() {
        return toServer.nonces.size() + toClient.nonces.size();
    }

    private void fromClient(ByteBuffer datagram, SocketAddress sender) {
        client = sender;
        toServer.noteNonce(datagram);
        forward(toServer, datagram, payload -> send(upstream, payload, server));
    }

    private void fromServer(ByteBuffer datagram, SocketAddress sender) {
        toClient.noteNonce(datagram);
        SocketAddress destination = client;
        if (destination != null) {
            forward(toClient, datagram, payload -> send(downstream, payload, destination));
        }
    }

    private void forward(Direction direction, ByteBuffer datagram, java.util.function.Consumer<ByteBuffer> sender) {
        direction.received.incrementAndGet();
        long now = System.nanoTime();
        if (inBlackout() || direction.draw() < direction.loss) {
            direction.dropped.incrementAndGet();
            return;
        }
        int copies = direction.draw() < direction.duplicate ? 2 : 1;
        if (copies == 2) {
            direction.duplicated.incrementAndGet();
        }
        for (int i = 0; i < copies; i++) {
            long due = direction.dueTime(now);
            ByteBuffer payload = datagram.duplicate();
            long delay = Math.max(0, due - now);
            try {
                scheduler.schedule(() -> {
                    sender.accept(payload.duplicate());
                    direction.forwarded.incrementAndGet();
                }, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                return; // the proxy is closing: a datagram still in the socket is lost, as on a link going down
            }
        }
    }

    private static void send(DatagramChannel channel, ByteBuffer payload, SocketAddress to) {
        try {
            channel.send(payload, to);
        } catch (IOException e) {
            // a closed old path or an unreachable peer is just a lost datagram, as on a real network
        }
    }

    private interface Handler {
        void handle(ByteBuffer datagram, SocketAddress sender);
    }

    private void startReceiver(String name, DatagramChannel channel, Handler handler) {
        Thread thread = new Thread(() -> {
            while (!closed && channel.isOpen()) {
                try {
                    ByteBuffer buffer = ByteBuffer.allocate(65536);
                    SocketAddress sender = channel.receive(buffer);
                    buffer.flip();
                    handler.handle(buffer.asReadOnlyBuffer(), sender);
                } catch (ClosedChannelException e) {
                    return;
                } catch (IOException e) {
                    // e.g. ICMP port unreachable reported on the socket: keep serving
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static double probability(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("a probability must be between 0 and 1: " + value);
        }
        return value;
    }

    private static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        closeQuietly(downstream);
        closeQuietly(upstream);
    }

    /** Counters of one direction. */
    public record Counters(long received, long forwarded, long dropped, long duplicated) {
    }

    /** Counters of both directions. */
    public record Stats(Counters clientToServer, Counters serverToClient) {
    }

    /** Settings, random source and counters of one direction. */
    private static final class Direction {
        private final Random random;
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong forwarded = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong duplicated = new AtomicLong();
        private volatile double loss;
        private volatile double duplicate;
        private volatile double reorder;
        private volatile long delayNanos;
        private volatile long jitterNanos;
        private volatile long reorderExtraNanos;
        private long lastDue = Long.MIN_VALUE;
        private final java.util.Set<Long> nonces = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final AtomicLong repeatedNonces = new AtomicLong();

        Direction(Random random) {
            this.random = random;
        }

        void noteNonce(ByteBuffer datagram) {
            if (datagram.remaining() >= Long.BYTES && !nonces.add(datagram.getLong(datagram.position()))) {
                repeatedNonces.incrementAndGet();
            }
        }

        synchronized double draw() {
            return random.nextDouble();
        }

        /** FIFO unless this datagram is picked for reordering: jitter never reorders by itself. */
        synchronized long dueTime(long now) {
            long jitter = jitterNanos > 0 ? (long) (random.nextDouble() * jitterNanos) : 0;
            long due = now + delayNanos + jitter;
            if (reorder > 0 && random.nextDouble() < reorder) {
                return due + reorderExtraNanos;
            }
            due = Math.max(due, lastDue);
            lastDue = due;
            return due;
        }

        Counters snapshot() {
            return new Counters(received.get(), forwarded.get(), dropped.get(), duplicated.get());
        }
    }
}
