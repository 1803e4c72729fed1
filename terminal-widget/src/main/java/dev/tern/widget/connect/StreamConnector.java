package dev.tern.widget.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shared part of the byte-stream connectors (local pty, SSH channel): one reader thread that passes output on in
 * chunks of at most {@link #readChunk()} bytes, and a blocking writer. The reader reads no faster than the listener
 * consumes, so a flooding program is held back by the pty or the SSH window instead of filling our heap.
 */
abstract class StreamConnector implements TerminalConnector {
    static final int READ_CHUNK = 64 * 1024;
    /** The shell is taken to be up once its first output (banner, prompt) has paused this long. */
    static final long STARTUP_QUIET_MILLIS = 300;
    /** A shell that prints nothing at all gets the startup command after this long anyway. */
    static final long STARTUP_MAX_WAIT_MILLIS = 5_000;

    private final AtomicBoolean ended = new AtomicBoolean();
    private final EarlyInput early = new EarlyInput();
    private final Object writeLock = new Object();
    private volatile ConnectorListener listener;
    private volatile OutputStream toRemote;
    private volatile byte[] startupInput;
    /** {@link System#nanoTime()} of the last output chunk; 0 before the first. */
    private volatile long lastOutputNanos;

    /** The largest chunk one read asks for; {@value #READ_CHUNK} bytes unless a connector knows better. */
    protected int readChunk() {
        return READ_CHUNK;
    }

    /** Connects (may block; runs on the reader thread) and returns the remote's output and input streams. */
    protected abstract Streams open(int columns, int rows) throws IOException;

    /** The sentence shown when the output ends normally (for example "Process exited with code 0."). */
    protected abstract String endMessage();

    /** Releases the process or channel. Must make a blocked read return. */
    protected abstract void release();

    protected record Streams(InputStream fromRemote, OutputStream toRemote) {
    }

    /**
     * Types {@code command} followed by Enter into the program once it is up, as if the user had typed it: after
     * its first output (a banner, the prompt) has paused for {@value #STARTUP_QUIET_MILLIS} ms, or after
     * {@value #STARTUP_MAX_WAIT_MILLIS} ms at the latest. Waiting for the prompt keeps the command from being
     * echoed twice (once by the terminal driver as type-ahead, once by the shell's line editor). The program keeps
     * running afterwards, so the user stays in the shell. Sent once per connector, i.e. once per shell; a blank
     * command sends nothing. Call before {@link #start}.
     */
    public void typeWhenReady(String command) {
        String text = command == null ? "" : command.strip();
        startupInput = text.isEmpty() ? null
                : (text.replace("\r\n", "\r").replace('\n', '\r') + "\r").getBytes(StandardCharsets.UTF_8);
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
            OutputStream out = toRemote;
            early.release(input -> write(out, input));
            byte[] startup = startupInput;
            if (startup != null) {
                long connectedAt = System.nanoTime();
                Thread.ofVirtual().name("tern-startup-" + name()).start(() -> typeStartup(startup, connectedAt));
            }
            byte[] buffer = new byte[readChunk()];
            InputStream in = streams.fromRemote();
            int n;
            while (!ended.get() && (n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    lastOutputNanos = System.nanoTime();
                    l.output(buffer, 0, n);
                }
            }
            end(endMessage(), true);
        } catch (IOException | RuntimeException e) {
            end(ended.get() ? "Closed." : connected ? "Connection lost: " + describe(e) : describe(e), false);
        }
    }

    /** Waits until the program looks ready (see {@link #typeWhenReady}), then types the startup input. */
    private void typeStartup(byte[] input, long connectedAt) {
        long quiet = TimeUnit.MILLISECONDS.toNanos(STARTUP_QUIET_MILLIS);
        long latest = connectedAt + TimeUnit.MILLISECONDS.toNanos(STARTUP_MAX_WAIT_MILLIS);
        try {
            while (!ended.get()) {
                long now = System.nanoTime();
                long last = lastOutputNanos;
                if ((last != 0 && now - last >= quiet) || now - latest >= 0) {
                    break;
                }
                Thread.sleep(25);
            }
            if (!ended.get()) {
                send(input);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the connection is going away; the reader reports its end
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
        if (ended.get() || early.hold(input)) {
            return;
        }
        write(toRemote, input);
    }

    private void write(OutputStream out, byte[] input) throws IOException {
        // the view's input pump and the startup command may write at the same time; keep each write whole
        synchronized (writeLock) {
            out.write(input);
            out.flush();
        }
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
