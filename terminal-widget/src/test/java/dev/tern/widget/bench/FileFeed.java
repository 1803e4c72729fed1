package dev.tern.widget.bench;

import dev.tern.widget.FeedOnlyConnector;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Feeds a file straight into JediTermFX's own emulator as fast as it reads, the way a pty would deliver it to a
 * terminal (newlines become CR LF, as the tty's {@code onlcr} does for {@code cat}). Streams the file, so the
 * process holds no copy of it. Starts when {@link #go()} is called; at the end it keeps the session open.
 */
final class FileFeed extends FeedOnlyConnector {
    private final Path file;
    private final CountDownLatch go = new CountDownLatch(1);
    private final char[] chunk = new char[64 * 1024];
    private Reader reader;
    private int chunkLength, chunkPosition;
    private boolean pendingLineFeed;
    private volatile boolean drained;
    private volatile long charsFed;

    FileFeed(Path file) {
        this.file = file;
    }

    void go() {
        go.countDown();
    }

    boolean drained() {
        return drained;
    }

    long charsFed() {
        return charsFed;
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
        if (reader == null) {
            reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
        }
        int n = 0;
        while (n < length) {
            if (pendingLineFeed) {
                buf[offset + n++] = '\n';
                pendingLineFeed = false;
                continue;
            }
            if (chunkPosition >= chunkLength) {
                if (n > 0) {
                    break; // hand over what we have before blocking on the file again
                }
                chunkLength = reader.read(chunk);
                chunkPosition = 0;
                if (chunkLength < 0) {
                    drained = true;
                    parkForever();
                }
                continue;
            }
            char c = chunk[chunkPosition++];
            if (c == '\n') {
                buf[offset + n++] = '\r';
                pendingLineFeed = true;
            } else {
                buf[offset + n++] = c;
            }
        }
        charsFed += n;
        return n;
    }

    @Override
    public boolean ready() {
        return go.getCount() == 0 && !drained;
    }
}
