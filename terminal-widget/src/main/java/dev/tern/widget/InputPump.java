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
 */
final class InputPump implements AutoCloseable {
    private static final int MAX_PENDING = 256;
    private static final byte[] STOP = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(MAX_PENDING);
    private final TerminalConnector connector;
    private final Consumer<String> failure;
    private final Thread thread;
    private volatile boolean closed;

    InputPump(String name, TerminalConnector connector, Consumer<String> failure) {
        this.connector = connector;
        this.failure = failure;
        this.thread = Thread.ofPlatform().daemon().name("tern-input-" + name).start(this::run);
    }

    /** Queues input; waits while the queue is full. Not for the FX thread (use {@link #offer}). */
    void send(byte[] input) {
        if (closed) {
            return;
        }
        try {
            while (!closed && !queue.offer(input, 100, TimeUnit.MILLISECONDS)) {
                // the remote reads slowly: hold the caller (the widget's executor), never the FX thread
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues input if there is room; for the FX thread (focus reports), where dropping beats blocking. */
    boolean offer(byte[] input) {
        return !closed && queue.offer(input);
    }

    private void run() {
        try {
            while (true) {
                byte[] next = queue.take();
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
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        queue.offer(STOP);
    }
}
