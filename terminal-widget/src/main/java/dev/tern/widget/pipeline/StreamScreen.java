package dev.tern.widget.pipeline;

import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Repertoire;
import dev.tern.transport.screen.ScrollbackBuffer;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Our emulator over the output of a local or SSH shell. The reader thread writes; the pipeline takes snapshots.
 * Memory is bounded whatever arrives: the emulator's screen is fixed-size and the rows that scroll off between two
 * frames are capped at the scrollback size (older ones are dropped: the widget could not keep them anyway).
 */
public final class StreamScreen implements ScreenSource {
    private final Object lock = new Object();
    private final Emulator emulator;
    private final ScrollbackBuffer scrolledOff;
    private final Consumer<byte[]> replies;
    private final Runnable changed;

    /**
     * @param replies where the emulator's answers to the program (cursor position, device attributes) go
     * @param changed told after every write, so the pipeline schedules a frame
     */
    public StreamScreen(int columns, int rows, int scrollbackLines, Consumer<byte[]> replies, Runnable changed) {
        this.emulator = new Emulator(columns, rows, Repertoire.XTERM);
        this.scrolledOff = new ScrollbackBuffer(Math.max(1, scrollbackLines));
        this.emulator.setScrollbackSink(scrolledOff);
        this.replies = replies;
        this.changed = changed;
    }

    /** Program output. Called on the connector's reader thread. */
    public void write(byte[] data, int offset, int length) {
        String answer;
        synchronized (lock) {
            emulator.write(data, offset, length);
            answer = emulator.takeReplies();
        }
        if (!answer.isEmpty()) {
            replies.accept(answer.getBytes(StandardCharsets.UTF_8));
        }
        changed.run();
    }

    public void resize(int columns, int rows) {
        synchronized (lock) {
            emulator.resize(columns, rows);
        }
        changed.run();
    }

    @Override
    public void viewResized(int columns, int rows) {
        synchronized (lock) {
            emulator.resize(columns, rows);
        }
    }

    public Framebuffer snapshot() {
        synchronized (lock) {
            return emulator.snapshot();
        }
    }

    @Override
    public SourceFrame takeFrame() {
        synchronized (lock) {
            Framebuffer screen = emulator.snapshot();
            boolean clear = scrolledOff.takeClearRequest();
            return new SourceFrame(screen, scrolledOff.drain(), clear, emulator.alternateScreenActive(),
                    screen.applicationCursorKeys());
        }
    }

    @Override
    public boolean exactHistory() {
        return true;
    }
}
