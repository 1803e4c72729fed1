package dev.tern.transport.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Reads a stream to its end on a virtual thread, keeping at most a limit of bytes (the rest is drained). */
final class StreamCollector {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CountDownLatch done = new CountDownLatch(1);
    private final int limit;

    private StreamCollector(int limit) {
        this.limit = limit;
    }

    static StreamCollector start(InputStream in, int limit, String name) {
        StreamCollector collector = new StreamCollector(limit);
        Thread.ofVirtual().name(name).start(() -> collector.pump(in));
        return collector;
    }

    private void pump(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (bytes) {
                    int room = limit - bytes.size();
                    if (room > 0) {
                        bytes.write(buffer, 0, Math.min(room, n));
                    }
                }
            }
        } catch (IOException closed) {
            // the channel went away: what was read so far is the result
        } finally {
            done.countDown();
        }
    }

    boolean awaitEnd(long nanos) throws InterruptedException {
        return done.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
