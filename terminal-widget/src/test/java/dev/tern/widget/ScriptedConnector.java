package dev.tern.widget;

import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.ConnectorListener;
import dev.tern.widget.connect.TerminalConnector;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * A byte-stream connector for tests: plays {@code output} in 64 KiB chunks on its own thread as fast as the view
 * takes it, then either stays open or fails with an exception, the way a dying connection would.
 */
final class ScriptedConnector implements TerminalConnector {
    private final byte[] output;
    private final RuntimeException failure;
    private final IntConsumer afterChunk;
    final List<String> resizes = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    volatile long finishedNanos;
    /** Output starts once this opens (tests open it when the view has its final size). */
    final java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean gated;

    ScriptedConnector gated() {
        gated = true;
        return this;
    }

    private final int chunkSize;

    ScriptedConnector(byte[] output, RuntimeException failure, IntConsumer afterChunk) {
        this(output, 64 * 1024, failure, afterChunk);
    }

    ScriptedConnector(byte[] output, int chunkSize, RuntimeException failure, IntConsumer afterChunk) {
        this.output = output;
        this.chunkSize = chunkSize;
        this.failure = failure;
        this.afterChunk = afterChunk;
    }

    static byte[] seqLines(int count) {
        StringBuilder sb = new StringBuilder(count * 8);
        for (int i = 1; i <= count; i++) {
            sb.append(i).append("\r\n");
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public void start(int columns, int rows, ConnectorListener listener) {
        Thread.ofPlatform().daemon().name("scripted-output").start(() -> {
            listener.state(ConnectionState.CONNECTED, "");
            try {
                if (gated) {
                    go.await();
                }
                int chunk = chunkSize;
                for (int off = 0, n = 0; off < output.length; off += chunk, n++) {
                    listener.output(output, off, Math.min(chunk, output.length - off));
                    afterChunk.accept(n);
                }
                finishedNanos = System.nanoTime();
                if (failure != null) {
                    throw failure;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                listener.state(ConnectionState.CLOSED, "Connection lost: " + e.getMessage());
                listener.ended("Connection lost: " + e.getMessage(), false);
            }
        });
    }

    @Override
    public synchronized void send(byte[] input) {
        received.writeBytes(input);
    }

    synchronized int receivedCount() {
        return received.size();
    }

    @Override
    public void resize(int columns, int rows) {
        resizes.add(columns + "x" + rows);
    }

    @Override
    public void close() {
    }
}
