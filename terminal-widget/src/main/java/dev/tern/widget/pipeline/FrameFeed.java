package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.TerminalDisplay;
import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.core.util.TermSize;
import dev.tern.widget.history.CompactHistory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The connector JediTermFX reads from. It holds at most one frame: the pipeline offers the next frame only after
 * the widget has taken the previous one, so the widget's slow parser is never queued more than one frame of work
 * and a flood costs the widget nothing beyond one screenful per display frame.
 *
 * <p>History lines are added to the widget's history buffer here, on JediTermFX's emulator thread, at the moment
 * the next frame starts: every byte of the previous frame has been parsed by then, so the lines land in order.
 */
public final class FrameFeed implements TtyConnector {
    private final String name;
    private final Consumer<byte[]> input;
    private final Consumer<TermSize> resizer;
    private final Runnable consumed;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a frame is offered and when the feed closes. */
    private final Condition changed = lock.newCondition();
    private TerminalTextBuffer textBuffer;
    private TerminalDisplay display;
    private FeedChunk pending;
    /** A chunk whose prelude is being parsed; its history and text follow. Emulator thread only. */
    private FeedChunk preludeRead;
    private String current = "";
    private int position;
    private boolean closed;
    /** The newest line of a Mosh tab's history that came from its recording. Emulator thread only. */
    private TerminalLine lastConfirmed;
    /** How far before the merge's count of provisional lines the last confirmed line is still looked for. */
    private static final int ANCHOR_SLACK = 256;
    /** The widget's history as installed, or null if the library's own list stayed. */
    private CompactHistory compact;
    /** Lines came into the history that it has not packed yet. Emulator thread only. */
    private boolean historyUnsettled;
    /** How long output must pause before the history packs its newest lines (see {@link CompactHistory#addLines}). */
    private static final long SETTLE_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /**
     * @param input    user input encoded by the widget (keys, paste, mouse reports); called on the widget's executor
     * @param resizer  the widget's new size in cells
     * @param consumed called (on the widget's thread) when the widget took a frame and the pipeline may offer the next
     */
    public FrameFeed(String name, Consumer<byte[]> input, Consumer<TermSize> resizer, Runnable consumed) {
        this.name = name;
        this.input = input;
        this.resizer = resizer;
        this.consumed = consumed;
    }

    /**
     * The widget's text buffer, whose history receives the scrolled-off lines, kept compact. Set before the widget
     * starts.
     */
    public void attachTo(TerminalTextBuffer buffer, TerminalDisplay display) {
        CompactHistory installed = CompactHistory.installInto(buffer);
        lock.lock();
        try {
            compact = installed;
            textBuffer = buffer;
            this.display = display;
        } finally {
            lock.unlock();
        }
    }

    /** True when the widget has taken every frame offered so far. */
    boolean idle() {
        lock.lock();
        try {
            return pending == null;
        } finally {
            lock.unlock();
        }
    }

    /** Hands the next frame to the widget. Only call when {@link #idle()}; a frame still pending is replaced. */
    void offer(FeedChunk chunk) {
        lock.lock();
        try {
            pending = chunk;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read(char[] buf, int offset, int length) throws java.io.IOException {
        FeedChunk taken;
        FeedChunk afterPrelude;
        lock.lock();
        try {
            if (position < current.length()) {
                return copy(buf, offset, length);
            }
            afterPrelude = preludeRead;
            preludeRead = null;
            if (afterPrelude != null) {
                current = afterPrelude.text();
                position = 0;
            }
        } finally {
            lock.unlock();
        }
        if (afterPrelude != null) {
            applyHistory(afterPrelude);
            lock.lock();
            try {
                return position >= current.length() ? readAgainLater(buf, offset) : copy(buf, offset, length);
            } finally {
                lock.unlock();
            }
        }
        lock.lock();
        try {
            while (pending == null && !closed) {
                try {
                    if (!historyUnsettled) {
                        changed.await();
                    } else if (changed.awaitNanos(SETTLE_AFTER_NANOS) <= 0 && pending == null && !closed) {
                        historyUnsettled = false;
                        lock.unlock();
                        try {
                            settleHistory();
                        } finally {
                            lock.lock();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("terminal feed interrupted");
                }
            }
            if (pending == null) {
                return -1;
            }
            taken = pending;
            pending = null;
            position = 0;
            if (!taken.prelude().isEmpty()) {
                current = taken.prelude();
                preludeRead = taken;
            } else {
                current = taken.text();
            }
        } finally {
            lock.unlock();
        }
        if (preludeRead == null) {
            // outside our lock: the text buffer has its own, and the painter holds that one while it works
            applyHistory(taken);
        }
        consumed.run();
        lock.lock();
        try {
            if (position >= current.length()) {
                // a frame with history but no bytes still counts; let the emulator ask again
                return readAgainLater(buf, offset);
            }
            return copy(buf, offset, length);
        } finally {
            lock.unlock();
        }
    }

    /** JediTermFX treats 0 like end of input, so an empty frame yields a harmless NUL that its parser ignores. */
    private int readAgainLater(char[] buf, int offset) {
        buf[offset] = 0;
        return 1;
    }

    private int copy(char[] buf, int offset, int length) {
        int n = Math.min(length, current.length() - position);
        current.getChars(position, position + n, buf, offset);
        position += n;
        return n;
    }

    private void applyHistory(FeedChunk chunk) {
        TerminalTextBuffer tb = textBuffer;
        if (tb == null || (!chunk.clearHistory() && chunk.history().isEmpty() && chunk.edit().isEmpty())) {
            return;
        }
        historyUnsettled = true;
        if (chunk.clearHistory()) {
            tb.clearHistory();
        }
        if (!chunk.edit().isEmpty()) {
            tb.modify(() -> applyEdit(tb, chunk.edit()));
        }
        if (!chunk.history().isEmpty()) {
            int added = chunk.history().size();
            tb.modify(() -> {
                tb.getHistoryBuffer().addLines(chunk.history());
                // tells the panel the history grew, so its scroll bar range follows and a reader scrolled up
                // keeps seeing the same lines, exactly as after a scroll done by JediTermFX's own parser
                if (display != null) {
                    display.scrollArea(1, tb.getHeight(), -added);
                }
            });
        }
    }

    /**
     * A Mosh tab's history edit: the provisional lines (everything after the last confirmed line) give way to the
     * confirmed ones. The last confirmed line is found by identity; if the widget moved it (a resize pulls history
     * lines back onto the screen) the merge's own count of provisional lines is used.
     */
    private void applyEdit(TerminalTextBuffer tb, MoshHistory.Edit edit) {
        LinesBuffer history = tb.getHistoryBuffer();
        int before = history.getLineCount();
        if (edit.confirm() != null) {
            int keep = Math.max(0, before - edit.provisional());
            if (lastConfirmed != null) {
                int searchFrom = Math.max(0, before - edit.provisional() - ANCHOR_SLACK);
                for (int i = before - 1; i >= searchFrom; i--) {
                    if (history.getLine(i) == lastConfirmed) {
                        keep = i + 1;
                        break;
                    }
                }
            } else {
                keep = 0;
            }
            if (keep < before) {
                dropNewest(history, before - keep);
            }
            history.addLines(edit.confirm());
            if (!edit.confirm().isEmpty()) {
                lastConfirmed = edit.confirm().getLast();
            }
            if (history instanceof CompactHistory packed) {
                packed.keepFrom(lastConfirmed);
            }
        }
        history.addLines(edit.append());
        int grown = history.getLineCount() - before;
        if (display != null && grown > 0) {
            display.scrollArea(1, tb.getHeight(), -grown);
        }
    }

    /** Output paused: the history packs what it deferred during the flood. Emulator thread, between frames. */
    private void settleHistory() {
        CompactHistory history = compact;
        TerminalTextBuffer tb = textBuffer;
        if (history != null && tb != null) {
            tb.modify(history::settle);
        }
    }

    private static void dropNewest(LinesBuffer history, int count) {
        if (history instanceof CompactHistory packed) {
            packed.dropNewest(count);
        } else {
            history.moveBottomLinesTo(count, new LinesBuffer(null));
        }
    }

    @Override
    public void write(byte[] bytes) {
        if (bytes.length > 0) {
            input.accept(bytes.clone());
        }
    }

    @Override
    public void write(String string) {
        write(string.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isConnected() {
        lock.lock();
        try {
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void resize(TermSize termSize) {
        resizer.accept(termSize);
    }

    @Override
    public int waitFor() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
        return 0;
    }

    @Override
    public boolean ready() {
        lock.lock();
        try {
            return position < current.length() || pending != null || preludeRead != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
