package dev.tern.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Follows a session's recording ({@link OutputRecorder}) over its {@link CompanionConnection}: every byte once, in
 * order, from where it left off. When the connection breaks it logs in again after a pause (1 s, doubling to 15 s,
 * or at once after {@link #reconnectNow}) and asks for the recording from its byte offset; bytes the server's bound
 * freed in between are reported as lost, at the point of the stream where they were. One thread per reader.
 */
public final class RecordedOutputReader implements AutoCloseable {
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1), LONGEST_PAUSE = Duration.ofSeconds(15);
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(15);
    private static final int HEADER_LIMIT = 4096;
    /** How long a recording that does not exist yet is waited for. */
    private static final Duration FIRST_WAIT = Duration.ofSeconds(60);
    private static final byte[] SCRIPT_HEADER = "Script started".getBytes(StandardCharsets.US_ASCII);

    /** Where the reader stands, for the history's wording. */
    public enum Status {
        /** Logging in or asking for the recording. */
        CONNECTING,
        /** Following the recording. */
        STREAMING,
        /** The companion connection is down; trying again. */
        DOWN,
        /** The host has no recorder ({@code script}), so the session is not recorded. */
        NO_RECORDER,
        /** The recording is gone: the session ended (or its folder could not be made). */
        ENDED
    }

    /** Called on the reader's thread, in stream order. */
    public interface Listener {
        /** The next bytes of the recording. The array is reused after the call. */
        void recorded(byte[] data, int length);

        /** {@code bytes} of the recording will never arrive (freed by the server's bound); they were here. */
        void lost(long bytes);

        void status(Status status, String detail);
    }

    private final CompanionConnection companion;
    private final OutputRecorder recorder;
    private final Listener listener;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean closed;
    private boolean hurry;
    private boolean seenRecording;
    private final long startedNanos = System.nanoTime();
    private volatile long offset;
    private volatile long received;
    /** The start of the recording may be script's own first line, which is not program output. */
    private ByteArrayOutputStream header = new ByteArrayOutputStream();
    private volatile CompanionConnection.Stream stream;

    public RecordedOutputReader(CompanionConnection companion, OutputRecorder recorder, Listener listener) {
        this.companion = companion;
        this.recorder = recorder;
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("tern-history-" + recorder.token()).unstarted(this::run);
    }

    public RecordedOutputReader start() {
        thread.start();
        return this;
    }

    /** The byte offset of the recording read so far. */
    public long offset() {
        return offset;
    }

    /** Bytes received over the companion connection, reply lines included (for the benchmark). */
    public long bytesReceived() {
        return received;
    }

    /**
     * The network changed under the connection (the Mosh session came back after a loss of contact): its TCP
     * connection may be dead without knowing it, so drop it and log in again now.
     */
    public void reconnectNow() {
        CompanionConnection.Stream s = stream;
        if (s != null) {
            companion.drop(s.connection());
            s.close();
        }
        lock.lock();
        try {
            hurry = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        while (!isClosed()) {
            listener.status(Status.CONNECTING, "");
            try {
                Ending ending = follow();
                if (ending == Ending.NOT_YET && System.nanoTime() - startedNanos < FIRST_WAIT.toNanos()) {
                    // mosh-server starts the program (and so the recording) only once the client is heard
                    if (!waitBeforeRetry(Duration.ofMillis(250))) {
                        return;
                    }
                    continue;
                }
                if (ending != Ending.AGAIN) {
                    listener.status(ending == Ending.NO_RECORDER ? Status.NO_RECORDER : Status.ENDED, "");
                    return;
                }
                pause = FIRST_PAUSE;
            } catch (IOException | RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                listener.status(Status.DOWN, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                if (!waitBeforeRetry(pause)) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private enum Ending { AGAIN, NOT_YET, NO_RECORDER, GONE }

    /** One stream from the current offset until it ends; AGAIN when the session may still be running. */
    private Ending follow() throws IOException {
        try (CompanionConnection.Stream s = companion.stream(recorder.streamCommand(offset), OPEN_TIMEOUT)) {
            stream = s;
            if (isClosed()) {
                return Ending.GONE;
            }
            InputStream in = s.stdout();
            String reply;
            try {
                reply = replyLine(in);
            } catch (IOException e) {
                companion.drop(s.connection());
                throw e;
            }
            if (reply == null || !reply.startsWith(OutputRecorder.REPLY)) {
                throw new IOException("The server's reply to the history request was not understood: " + reply);
            }
            String[] words = reply.substring(OutputRecorder.REPLY.length()).split(" ");
            switch (words[0]) {
                case "gone":
                    return seenRecording ? Ending.GONE : Ending.NOT_YET;
                case "no-recorder":
                    return Ending.NO_RECORDER;
                case "ok":
                    break;
                default:
                    throw new IOException("The server's reply to the history request was not understood: " + reply);
            }
            long from = Long.parseLong(words[2]);
            if (Math.max(from, offset) > 0) {
                header = null;
            }
            if (from > offset) {
                listener.lost(from - offset);
                offset = from;
            }
            seenRecording = true;
            listener.status(Status.STREAMING, "");
            byte[] buffer = new byte[65536];
            int n;
            try {
                while ((n = in.read(buffer)) >= 0) {
                    received += n;
                    deliver(buffer, n);
                }
            } catch (IOException e) {
                companion.drop(s.connection());
                throw e;
            }
            return Ending.AGAIN;
        } finally {
            stream = null;
        }
    }

    private String replyLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n' && line.size() < 200) {
            line.write(b);
        }
        received += line.size() + 1;
        return b < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private void deliver(byte[] data, int length) {
        if (header != null) {
            // held back until the first line is complete: script's own line is dropped, anything else passes
            header.write(data, 0, length);
            offset += length;
            byte[] held = header.toByteArray();
            int newline = indexOf(held, (byte) '\n');
            boolean scriptLine = startsWith(held, SCRIPT_HEADER) || startsWith(SCRIPT_HEADER, held);
            if (newline < 0 && scriptLine && held.length < HEADER_LIMIT) {
                return;
            }
            header = null;
            int from = scriptLine && newline >= 0 && startsWith(held, SCRIPT_HEADER) ? newline + 1 : 0;
            if (from < held.length) {
                listener.recorded(java.util.Arrays.copyOfRange(held, from, held.length), held.length - from);
            }
            return;
        }
        offset += length;
        listener.recorded(data, length);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0,
                prefix.length);
    }

    private boolean waitBeforeRetry(Duration pause) {
        long deadline = System.nanoTime() + pause.toNanos();
        lock.lock();
        try {
            while (!closed && !hurry) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wake.awaitNanos(Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            }
            hurry = false;
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Stops following; the recording on the server is the session's to remove. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        CompanionConnection.Stream s = stream;
        if (s != null) {
            s.close();
        }
    }
}
