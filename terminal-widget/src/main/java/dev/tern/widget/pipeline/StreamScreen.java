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
            resizeKeepingCursor(columns, rows);
        }
        changed.run();
    }

    /**
     * Mosh's resize keeps the top rows and cuts the bottom ones, which would cut away a shell's prompt and the
     * newest output. A local terminal instead scrolls the screen up first, as xterm does, so that the cursor row
     * stays visible and the rows that leave the top stay in the history. Only done when the whole screen is the
     * scroll region of the primary screen; a full-screen program redraws itself after the resize anyway.
     */
    private void resizeKeepingCursor(int columns, int rows) {
        Framebuffer fb = emulator.framebuffer();
        int overflow = fb.cursorRow() - (rows - 1);
        boolean wholeScreenRegion = fb.scrollTop() == 0 && fb.scrollBottom() == fb.height() - 1;
        if (overflow > 0 && rows < fb.height() && wholeScreenRegion && !emulator.alternateScreenActive()) {
            String scrollUp = "\033[" + fb.height() + ";1H" + "\n".repeat(overflow)
                    + "\033[" + rows + ";" + (fb.cursorCol() + 1) + "H";
            // the widget has already moved the same top rows into its history when it shrank, so they are not
            // collected again
            emulator.setScrollbackSink(null);
            emulator.write(scrollUp.getBytes(StandardCharsets.US_ASCII));
            emulator.setScrollbackSink(scrolledOff);
        }
        emulator.resize(columns, rows);
    }

    @Override
    public void viewResized(int columns, int rows) {
        synchronized (lock) {
            resizeKeepingCursor(columns, rows);
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
