package dev.tern.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Measures what the proxy does against what was asked: loss rate, delay, blackout, duplication, reordering and
 * rebinding, through a UDP echo server on loopback. Bounds are wide where the machine's scheduling can add time,
 * and tight where the proxy alone decides (a datagram can never arrive earlier than the delay asked for).
 */
class UdpImpairmentProxyTest {
    private EchoServer echo;
    private UdpImpairmentProxy proxy;
    private DatagramChannel client;

    @BeforeEach
    void setUp() throws IOException {
        echo = new EchoServer();
        proxy = UdpImpairmentProxy.start(echo.address(), 42);
        client = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client.socket().setSoTimeout(100);
    }

    @AfterEach
    void tearDown() throws IOException {
        proxy.close();
        echo.close();
        client.close();
    }

    @Test
    void lossRateInEachDirectionIsWhatWasAsked() throws Exception {
        proxy.setLoss(0.2, 0.1);
        int sent = 2000;
        client.socket().setSoTimeout(5);
        List<Integer> received = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
            send(i);
            if (i % 20 == 19) {
                // drain as we go: this is about the proxy's loss, not about socket buffers overflowing
                received.addAll(receiveUntilQuiet(Duration.ofMillis(2)));
            }
        }
        received.addAll(receiveUntilQuiet(Duration.ofMillis(300)));
        UdpImpairmentProxy.Stats stats = proxy.stats();
        double upLoss = stats.clientToServer().dropped() / (double) stats.clientToServer().received();
        double downLoss = stats.serverToClient().dropped() / (double) stats.serverToClient().received();
        double roundTrip = 1 - received.size() / (double) sent;
        System.out.printf("proxy loss: asked 20%% / 10%%, measured %.1f%% / %.1f%%; round trip %.1f%% (expected %.1f%%)%n",
                100 * upLoss, 100 * downLoss, 100 * roundTrip, 100 * (1 - 0.8 * 0.9));
        assertEquals(sent, stats.clientToServer().received());
        assertEquals(0.2, upLoss, 0.03);
        assertEquals(0.1, downLoss, 0.03);
        assertEquals(1 - 0.8 * 0.9, roundTrip, 0.04);
    }

    @Test
    void delayIsAddedEachWay() throws Exception {
        proxy.setDelay(Duration.ofMillis(100), Duration.ZERO);
        List<Long> rtts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            send(i);
            assertEquals(List.of(i), receiveCount(1, Duration.ofSeconds(3)));
            rtts.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(rtts);
        long median = rtts.get(rtts.size() / 2);
        System.out.println("proxy delay: asked 100 ms each way, round trips (ms) " + rtts + ", median " + median);
        assertTrue(rtts.get(0) >= 199, "a datagram came back before the 200 ms asked for: " + rtts);
        assertTrue(median < 200 + 150, "median round trip " + median + " ms is far above the 200 ms asked for");
    }

    @Test
    void blackoutDropsEverythingThenTrafficFlowsAgain() throws Exception {
        send(1);
        assertEquals(List.of(1), receiveCount(1, Duration.ofSeconds(2)));
        proxy.blackout(Duration.ofMillis(700));
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            send(100 + i);
            Thread.sleep(50); // spread over the blackout on purpose: each of them must be dropped
        }
        assertEquals(List.of(), receiveUntilQuiet(Duration.ofMillis(200)));
        assertTrue(proxy.inBlackout() || System.nanoTime() - start > 700_000_000L);
        awaitTrue(Duration.ofSeconds(5), () -> !proxy.inBlackout());
        send(2);
        assertEquals(List.of(2), receiveCount(1, Duration.ofSeconds(2)));
        assertEquals(5, proxy.stats().clientToServer().dropped());
    }

    @Test
    void duplicationDeliversTwice() throws Exception {
        proxy.setDuplicate(1.0);
        send(7);
        // duplicated on the way there and on the way back: 4 echoes
        assertEquals(List.of(7, 7, 7, 7), receiveUntilQuiet(Duration.ofMillis(300)));
    }

    @Test
    void reorderingLetsLaterDatagramsOvertake() throws Exception {
        proxy.setReorder(0.3, Duration.ofMillis(80));
        for (int i = 0; i < 100; i++) {
            send(i);
        }
        List<Integer> received = receiveUntilQuiet(Duration.ofMillis(400));
        assertEquals(100, received.size());
        assertNotEquals(received.stream().sorted().toList(), received, "nothing was reordered");
        assertEquals(100, Set.copyOf(received).size());
    }

    @Test
    void rebindChangesTheSourceTheServerSeesAndKeepsTheSessionWorking() throws Exception {
        send(1);
        assertEquals(List.of(1), receiveCount(1, Duration.ofSeconds(2)));
        SocketAddress before = echo.lastSender();
        proxy.rebind();
        send(2);
        assertEquals(List.of(2), receiveCount(1, Duration.ofSeconds(2)));
        SocketAddress after = echo.lastSender();
        System.out.println("proxy rebind: server saw " + before + " then " + after);
        assertNotEquals(before, after);
        assertEquals(proxy.upstreamAddress(), after);
        assertTrue(proxy.oldPathOpen(), "the old socket lives on for its grace period, like a NAT mapping");
        awaitTrue(Duration.ofSeconds(10), () -> !proxy.oldPathOpen());
    }

    @Test
    void closingWhileDatagramsArriveEndsQuietly() throws Exception {
        List<Throwable> escaped = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> escaped.add(error));
        try {
            for (int round = 0; round < 30 && escaped.isEmpty(); round++) {
                Set<Thread> before = Thread.getAllStackTraces().keySet();
                UdpImpairmentProxy flooded = UdpImpairmentProxy.start(echo.address(), round);
                flooded.setDelay(Duration.ofMillis(5), Duration.ZERO);
                AtomicBoolean flooding = new AtomicBoolean(true);
                InetSocketAddress target = flooded.listenAddress();
                Thread sender = Thread.ofPlatform().start(() -> {
                    while (flooding.get()) {
                        try {
                            client.send(ByteBuffer.allocate(4).putInt(0, 7), target);
                        } catch (IOException e) {
                            return;
                        }
                    }
                });
                awaitTrue(Duration.ofSeconds(5), () -> flooded.stats().clientToServer().received() > 50);
                flooded.close();
                awaitTrue(Duration.ofSeconds(5), () -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().startsWith("udp-proxy-from") && !before.contains(t)));
                flooding.set(false);
                sender.join();
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertEquals(List.of(), escaped, "a proxy closed under traffic let an exception escape its threads");
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within " + timeout);
            Thread.sleep(10);
        }
    }

    private void send(int value) throws IOException {
        client.send(ByteBuffer.allocate(4).putInt(0, value), proxy.listenAddress());
    }

    private List<Integer> receiveCount(int count, Duration timeout) throws IOException {
        List<Integer> values = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (values.size() < count && System.nanoTime() < deadline) {
            receiveOne().ifPresent(values::add);
        }
        return values;
    }

    private List<Integer> receiveUntilQuiet(Duration quiet) throws IOException {
        List<Integer> values = new ArrayList<>();
        long lastArrival = System.nanoTime();
        while (System.nanoTime() - lastArrival < quiet.toNanos()) {
            java.util.Optional<Integer> value = receiveOne();
            if (value.isPresent()) {
                values.add(value.get());
                lastArrival = System.nanoTime();
            }
        }
        return values;
    }

    private java.util.Optional<Integer> receiveOne() throws IOException {
        java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[16], 16);
        try {
            client.socket().receive(packet);
            return java.util.Optional.of(ByteBuffer.wrap(packet.getData(), 0, 4).getInt());
        } catch (SocketTimeoutException e) {
            return java.util.Optional.empty();
        }
    }

    /** Echoes every datagram back to its sender and remembers who sent last. */
    private static final class EchoServer implements AutoCloseable {
        private final DatagramChannel channel;
        private final Set<SocketAddress> senders = ConcurrentHashMap.newKeySet();
        private volatile SocketAddress lastSender;

        EchoServer() throws IOException {
            channel = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread thread = new Thread(() -> {
                ByteBuffer buffer = ByteBuffer.allocate(2048);
                while (channel.isOpen()) {
                    try {
                        buffer.clear();
                        SocketAddress sender = channel.receive(buffer);
                        lastSender = sender;
                        senders.add(sender);
                        buffer.flip();
                        channel.send(buffer, sender);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "echo");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        SocketAddress lastSender() {
            return lastSender;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
