package dev.tern.transport.session;

import dev.tern.testbed.MoshServer;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.predict.OverlayComposer;
import dev.tern.transport.predict.PredictionSettings;
import dev.tern.transport.screen.FrameRenderer;
import dev.tern.transport.screen.Framebuffer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Why the client's CPU per {@code seq} is much more than its compute: records what a real mosh-server sends for
 * {@code seq 1 N} (from the session's start, so every diff has its base), then replays those datagrams through the
 * client's whole per-state path (receive, overlays, frame renderer) in warm code, once back to back and once with
 * the gap between states that the live session has. Prints the CPU of each and their ratio. Run by
 * {@code bench/wakeup.sh}, ideally with the CLI's JVM flags.
 */
public final class WakeupCostBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WakeupCostBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int gapMillis = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Recording recording = record(lines);
        System.out.printf("recorded %d datagrams from mosh-server for seq 1 %d%n", recording.datagrams().size(), lines);
        for (int i = 0; i < rounds; i++) {
            replay(recording, 0); // warm up: every method compiled before anything is measured
        }
        double[] packed = new double[rounds];
        double[] spaced = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            packed[i] = replay(recording, 0);
            spaced[i] = replay(recording, gapMillis);
        }
        double p = median(packed);
        double s = median(spaced);
        System.out.printf("client path CPU per seq, warm (median of %d): back to back %.1f ms, one state every %d ms"
                + " %.1f ms, ratio %.1f%n", rounds, p, gapMillis, s, s / p);
    }

    private record Recording(SessionKey key, List<byte[]> datagrams) {
    }

    /** A relay in front of a fresh mosh-server, keeping what the server sends while our client runs the seq. */
    private static Recording record(int lines) throws Exception {
        List<byte[]> fromServer = new ArrayList<>();
        SessionKey key;
        try (MoshServer server = MoshServer.plainBash();
             DatagramSocket clientSide = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             DatagramSocket serverSide = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SocketAddress[] client = new SocketAddress[1];
            Thread.ofPlatform().daemon().start(() -> relay(clientSide, serverSide, server.address(), client, null));
            Thread.ofPlatform().daemon().start(() -> relay(serverSide, clientSide, null, client, fromServer));
            key = SessionKey.parse(server.key());
            try (MoshSession session = MoshSession.start(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), clientSide.getLocalPort()), key,
                    100, 30, SessionOptions.CLI, new MoshSessionListener() { })) {
                awaitScreen(session, text -> text.contains("$"));
                session.type(("seq 1 " + lines + "\r").getBytes(StandardCharsets.US_ASCII));
                String last = "\n" + lines + "\n$";
                awaitScreen(session, text -> text.replaceAll(" +\n", "\n").contains(last));
            }
        }
        synchronized (fromServer) {
            return new Recording(key, List.copyOf(fromServer));
        }
    }

    private static void relay(DatagramSocket from, DatagramSocket to, SocketAddress fixedTarget,
                              SocketAddress[] client, List<byte[]> keep) {
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                from.receive(packet);
                if (fixedTarget != null) {
                    client[0] = packet.getSocketAddress();
                }
                if (keep != null) {
                    synchronized (keep) {
                        keep.add(Arrays.copyOf(packet.getData(), packet.getLength()));
                    }
                }
                SocketAddress target = fixedTarget != null ? fixedTarget : client[0];
                to.send(new DatagramPacket(packet.getData(), packet.getLength(), target));
            }
        } catch (IOException closed) {
            // the recording is over
        }
    }

    private static void awaitScreen(MoshSession session, Predicate<String> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Framebuffer frame = session.displayFrame();
            if (frame != null && done.test(frame.screenText())) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("the screen never got there: " + session.displayFrame());
    }

    /** Feeds the recording to a fresh client path; returns the CPU milliseconds its work took. */
    private static double replay(Recording recording, int gapMillis) throws InterruptedException {
        long[] now = {1_000};
        ClientEndpoint endpoint = new ClientEndpoint(recording.key(), 100, 30, 1280, now[0], new Random(1),
                datagram -> { }, new SessionStats());
        OverlayComposer overlays = new OverlayComposer(() -> now[0], PredictionSettings.DEFAULT);
        overlays.setDrawBar(true);
        FrameRenderer renderer = FrameRenderer.clientRole();
        Framebuffer drawn = new Framebuffer(100, 30);
        long work = 0;
        for (byte[] datagram : recording.datagrams()) {
            if (gapMillis > 0) {
                Thread.sleep(gapMillis); // datagrams spaced as on a live link: each one costs a wakeup of its own
            }
            now[0] += 20;
            long start = THREADS.getCurrentThreadCpuTime();
            if (endpoint.receive(datagram, datagram.length, now[0])) {
                var latest = endpoint.latestRemoteState();
                overlays.serverUpdate(latest.arrivedAt(), endpoint.sender().acknowledgedSentAt(),
                        endpoint.sender().acknowledgedNumber(), endpoint.rtt().frameInterval(), latest.state().echoAck());
                Framebuffer display = overlays.compose(latest.state().emulator());
                renderer.bytesFor(true, drawn, display);
                drawn = display;
            }
            endpoint.sendWhatIsDue(now[0]);
            work += THREADS.getCurrentThreadCpuTime() - start;
        }
        return work / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
