package dev.tern.widget;

import dev.tern.widget.connect.TerminalConnector;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Carries user input to the connector on a thread of its own, in order, so that neither the FX thread nor the
 * widget's key handling waits for a slow remote. A megabyte paste is one entry; the queue is bounded, so a
 * runaway producer waits instead of growing the heap.
 *
 * <p>The thread exists only while input flows: it starts with the first input and ends after {@link #IDLE_SECONDS}
 * without any, so a tab nobody types into holds no thread for it. It is a platform thread because a local shell's
 * write goes through native code (pty4j), which would hold a virtual thread's carrier while a busy program leaves
 * its input unread.
 */
final class InputPump implements AutoCloseable {
    private static final int MAX_PENDING = 256;
    /** Long enough that typing (pauses of seconds) keeps one thread; short enough that an idle tab has none. */
    static final long IDLE_SECONDS = 10;
    /** Wakes a waiting drainer at close, so it ends at once. */
    private static final byte[] STOP = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(MAX_PENDING);
    private final String name;
    private final long idleNanos;
    private final TerminalConnector connector;
    private final Consumer<String> failure;
    /** Whether a drainer thread runs; guarded by this. */
    private boolean draining;
    private volatile boolean closed;

    InputPump(String name, TerminalConnector connector, Consumer<String> failure) {
        this(name, connector, failure, TimeUnit.SECONDS.toNanos(IDLE_SECONDS));
    }

    /** @param idleNanos how long the thread waits for more input before it ends */
    InputPump(String name, TerminalConnector connector, Consumer<String> failure, long idleNanos) {
        this.name = name;
        this.idleNanos = idleNanos;
        this.connector = connector;
        this.failure = failure;
    }

    /** Queues input; waits while the queue is full. Not for the FX thread (use {@link #offer}). */
    void send(byte[] input) {
        if (closed) {
            return;
        }
        try {
            while (!closed && !queue.offer(input, 100, TimeUnit.MILLISECONDS)) {
                // the remote reads slowly: hold the caller (the widget's executor), never the FX thread
                ensureDrainer();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ensureDrainer();
    }

    /** Queues input if there is room; for the FX thread (focus reports), where dropping beats blocking. */
    boolean offer(byte[] input) {
        if (closed || !queue.offer(input)) {
            return false;
        }
        ensureDrainer();
        return true;
    }

    /** Whether a thread is carrying input now (for tests). */
    synchronized boolean draining() {
        return draining;
    }

    private void ensureDrainer() {
        synchronized (this) {
            if (draining || closed) {
                return;
            }
            draining = true;
        }
        Thread.ofPlatform().daemon().name("tern-input-" + name).start(this::drain);
    }

    private void drain() {
        try {
            while (!closed) {
                byte[] next = queue.poll(idleNanos, TimeUnit.NANOSECONDS);
                if (next == null) {
                    // input queued after the poll gave up but before this check is taken here; input queued after
                    // it finds draining false and starts a new drainer
                    synchronized (this) {
                        if (queue.isEmpty() || closed) {
                            draining = false;
                            return;
                        }
                    }
                    continue;
                }
                if (next == STOP) {
                    return;
                }
                try {
                    connector.send(next);
                } catch (IOException | RuntimeException e) {
                    String m = e.getMessage();
                    failure.accept("Could not send input: " + (m == null ? e.getClass().getSimpleName() : m));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                draining = false;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.offer(STOP);
    }
}
