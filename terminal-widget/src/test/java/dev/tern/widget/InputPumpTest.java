package dev.tern.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.widget.connect.ConnectorListener;
import dev.tern.widget.connect.TerminalConnector;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The input thread exists only while input flows, and input keeps its order across the thread's comings and goings. */
class InputPumpTest {
    private static final long IDLE = TimeUnit.MILLISECONDS.toNanos(200);

    /** Records what was sent, and on which thread. */
    private static final class Recording implements TerminalConnector {
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final List<String> threads = new ArrayList<>();
        volatile CountDownLatch hold = new CountDownLatch(0);

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void start(int columns, int rows, ConnectorListener listener) {
        }

        @Override
        public void send(byte[] input) {
            try {
                hold.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                sent.writeBytes(input);
                threads.add(Thread.currentThread().getName() + (Thread.currentThread().isVirtual() ? " (virtual)" : ""));
            }
        }

        synchronized String text() {
            return sent.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void resize(int columns, int rows) {
        }

        @Override
        public void close() {
        }
    }

    private static void within(String what, BooleanSupplier condition) {
        Eventually.until(Duration.ofSeconds(10), condition, () -> what);
    }

    @Test
    void theThreadEndsWhenIdleAndComesBackWithTheNextKey() throws Exception {
        Recording connector = new Recording();
        InputPump pump = new InputPump("t", connector, m -> { }, IDLE);
        assertFalse(pump.draining(), "no thread before any input");
        for (char c : "abc".toCharArray()) {
            pump.send(new byte[] {(byte) c});
        }
        within("the first keys sent", () -> connector.text().equals("abc"));
        within("the thread to end when idle", () -> !pump.draining());
        pump.send("d".getBytes(StandardCharsets.US_ASCII));
        assertTrue(pump.offer("e".getBytes(StandardCharsets.US_ASCII)), "room for a focus report");
        within("the later keys sent", () -> connector.text().equals("abcde"));
        assertTrue(connector.threads.stream().allMatch(t -> t.equals("tern-input-t")),
                "sent on a platform thread of the pump's own: " + connector.threads);
        pump.close();
    }

    @Test
    void orderHoldsWhileTheThreadComesAndGoesUnderManySenders() throws Exception {
        Recording connector = new Recording();
        InputPump pump = new InputPump("t", connector, m -> { }, TimeUnit.MILLISECONDS.toNanos(1));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            char c = (char) ('a' + i % 26);
            expected.append(c);
            pump.send(new byte[] {(byte) c});
            if (i % 7 == 0) {
                Thread.sleep(0, 500_000);  // lets the thread run dry and end now and then
            }
        }
        within("everything sent", () -> connector.text().length() == 300);
        assertEquals(expected.toString(), connector.text(), "input in the order it was given");
        pump.close();
    }

    @Test
    void closeEndsAWaitingThreadAtOnceAndDropsWhatIsQueued() throws Exception {
        Recording connector = new Recording();
        connector.hold = new CountDownLatch(1);
        InputPump pump = new InputPump("t", connector, m -> { }, TimeUnit.SECONDS.toNanos(30));
        pump.send("x".getBytes(StandardCharsets.US_ASCII));
        pump.send("y".getBytes(StandardCharsets.US_ASCII));
        pump.close();
        connector.hold.countDown();
        within("the thread to end after close", () -> !pump.draining());
        assertFalse(connector.text().contains("y"), "queued input is dropped at close: " + connector.text());
        assertFalse(pump.offer("z".getBytes(StandardCharsets.US_ASCII)), "nothing is taken after close");
    }
}
