package dev.tern.widget.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shared part of the byte-stream connectors (local pty, SSH channel): one reader thread that passes output on in
 * chunks of at most {@link #READ_CHUNK} bytes, and a blocking writer. The reader reads no faster than the listener
 * consumes, so a flooding program is held back by the pty or the SSH window instead of filling our heap.
 */
abstract class StreamConnector implements TerminalConnector {
    static final int READ_CHUNK = 64 * 1024;

    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile ConnectorListener listener;
    private volatile OutputStream toRemote;

    /** Connects (may block; runs on the reader thread) and returns the remote's output and input streams. */
    protected abstract Streams open(int columns, int rows) throws IOException;

    /** The sentence shown when the output ends normally (for example "Process exited with code 0."). */
    protected abstract String endMessage();

    /** Releases the process or channel. Must make a blocked read return. */
    protected abstract void release();

    protected record Streams(InputStream fromRemote, OutputStream toRemote) {
    }

    @Override
    public final void start(int columns, int rows, ConnectorListener listener) {
        this.listener = listener;
        listener.state(ConnectionState.CONNECTING, "");
        Thread.ofPlatform().daemon().name("tern-read-" + name()).start(() -> readLoop(columns, rows));
    }

    private void readLoop(int columns, int rows) {
        ConnectorListener l = listener;
        boolean connected = false;
        try {
            Streams streams = open(columns, rows);
            connected = true;
            toRemote = streams.toRemote();
            l.state(ConnectionState.CONNECTED, "");
            byte[] buffer = new byte[READ_CHUNK];
            InputStream in = streams.fromRemote();
            int n;
            while (!ended.get() && (n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    l.output(buffer, 0, n);
                }
            }
            end(endMessage(), true);
        } catch (IOException | RuntimeException e) {
            end(ended.get() ? "Closed." : connected ? "Connection lost: " + describe(e) : describe(e), false);
        }
    }

    /** A sentence for the user; never a stack trace. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank()) ? e.getClass().getSimpleName() : m;
    }

    protected final ConnectorListener listener() {
        return listener;
    }

    @Override
    public void send(byte[] input) throws IOException {
        OutputStream out = toRemote;
        if (out == null || ended.get()) {
            return;
        }
        out.write(input);
        out.flush();
    }

    protected final void end(String message, boolean clean) {
        if (ended.compareAndSet(false, true)) {
            release();
            ConnectorListener l = listener;
            if (l != null) {
                l.state(ConnectionState.CLOSED, message);
                l.ended(message, clean);
            }
        }
    }

    protected final boolean hasEnded() {
        return ended.get();
    }

    @Override
    public void close() {
        end("Closed.", true);
    }
}
