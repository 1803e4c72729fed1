package dev.tern.widget.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a screen source into the widget at display rate, the way mosh-client updates a real terminal: whenever the
 * screen changed, the widget has taken the previous frame, and at least one frame interval has passed, it diffs the
 * newest screen against the one the widget shows and hands over the bytes. However fast output arrives, the widget
 * parses at most one screenful per frame.
 *
 * <p>Shortly after the user typed, the frame interval is skipped: the echo or predicted glyph of a key goes to the
 * widget as soon as it took the previous frame, as mosh-client writes a new frame out at once, instead of up to one
 * interval later (which was the whole tail of key-to-glyph latency). Only the one-frame-in-flight rule holds then,
 * so a flood typed into costs the widget at most a few extra frames per key.
 *
 * <p>Under a flood (the last frame carried at least a screenful of scrolled-off rows: nobody can read that) frames
 * come at most every {@value #FLOOD_INTERVAL_MILLIS} ms, so each frame's history hand-over covers more lines and
 * the lines that a later frame would push out of the scrollback anyway are never converted. As soon as the output
 * pauses for {@value #QUIET_MILLIS} ms (the end of a {@code cat}) the frame is shown at the normal interval, and
 * keys still skip the interval.
 */
public final class ScreenPipeline implements AutoCloseable {
    /** About one display refresh at 60 Hz. */
    public static final long FRAME_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(16);
    /** How long after user input frames skip the interval: covers a local echo or a Mosh prediction. */
    static final long AFTER_INPUT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    static final long FLOOD_INTERVAL_MILLIS = 100;
    /** The frame interval while output floods the screen. */
    static final long FLOOD_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(FLOOD_INTERVAL_MILLIS);
    static final long QUIET_MILLIS = 5;
    /** Output that pauses this long ends a flood's longer interval (the frame with the last lines shows at once). */
    static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);

    private final ScreenSource source;
    private final FrameFeed feed;
    private final FrameComposer composer;
    private final FrameListener listener;
    private final FloodAftermath aftermath;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Thread thread;
    private boolean dirty = true;
    private long lastDirtyNanos;
    private boolean fullRedrawRequested;
    private boolean closed;
    private long framesShown;
    /** When the user last typed; starts a whole input window in the past, so no key counts as just typed. */
    private long lastInputNanos = System.nanoTime() - AFTER_INPUT_NANOS;

    private final java.util.function.Supplier<com.techsenger.jeditermfx.core.util.TermSize> viewSize;
    private int viewColumns = -1, viewRows = -1;

    /** @param viewSize the widget's current size in cells (read on the pipeline's thread) */
    public ScreenPipeline(String name, ScreenSource source, FrameFeed feed, FrameListener listener,
                          java.util.function.Supplier<com.techsenger.jeditermfx.core.util.TermSize> viewSize) {
        this(name, source, feed, listener, viewSize, FloodAftermath.process());
    }

    /** @param aftermath told of every flood frame (the process's one, except in tests) */
    ScreenPipeline(String name, ScreenSource source, FrameFeed feed, FrameListener listener,
                   java.util.function.Supplier<com.techsenger.jeditermfx.core.util.TermSize> viewSize,
                   FloodAftermath aftermath) {
        this.aftermath = aftermath;
        this.viewSize = viewSize;
        this.source = source;
        this.feed = feed;
        this.composer = new FrameComposer(source.exactHistory(), source.moshHistory());
        this.listener = listener;
        this.thread = Thread.ofVirtual().name("tern-frames-" + name).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** The source changed. Any thread (the reader calls it for every chunk of output). */
    public void markDirty() {
        long now = System.nanoTime();
        lock.lock();
        try {
            lastDirtyNanos = now;
            if (!dirty) {
                // only the change from clean wakes the frames thread: while it is already dirty, the thread is
                // waiting for the widget (which wakes it) or for a deadline it recomputes from lastDirtyNanos
                dirty = true;
                wake.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The user typed (or pasted): frames may skip the interval for a moment. Any thread; call before sending. */
    public void userInput() {
        lock.lock();
        try {
            lastInputNanos = System.nanoTime();
            // only a thread waiting out a frame interval has anything to skip; one waiting for a change is woken by
            // the change, and waking it here would put a thread hand-over on the key's path for nothing
            if (dirty) {
                wake.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The widget took a frame: the next one may be prepared. Called by the feed. */
    public void frameConsumed() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The next frame is drawn from scratch (the widget changed size, so its screen no longer matches ours). */
    public void requestFullRedraw() {
        lock.lock();
        try {
            fullRedrawRequested = true;
            dirty = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public long framesShown() {
        lock.lock();
        try {
            return framesShown;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long lastFrame = System.nanoTime() - FRAME_INTERVAL_NANOS;
        boolean flooding = false;
        try {
            while (true) {
                boolean redraw;
                lock.lock();
                try {
                    while (!closed && !(dirty && feed.idle())) {
                        wake.await(100, TimeUnit.MILLISECONDS);
                    }
                    if (closed) {
                        return;
                    }
                    long now = System.nanoTime();
                    long due = lastFrame + FRAME_INTERVAL_NANOS;
                    if (flooding) {
                        due = Math.max(due, Math.min(lastFrame + FLOOD_INTERVAL_NANOS, lastDirtyNanos + QUIET_NANOS));
                    }
                    long wait = due - now;
                    boolean typing = now - lastInputNanos < AFTER_INPUT_NANOS;
                    if (wait > 0 && !typing) {
                        wake.awaitNanos(wait);
                        continue;
                    }
                    dirty = false;
                    redraw = fullRedrawRequested;
                    fullRedrawRequested = false;
                    framesShown++;
                } finally {
                    lock.unlock();
                }
                lastFrame = System.nanoTime();
                if (redraw) {
                    composer.requestFullRedraw();
                }
                flooding = showNextFrame();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A failure here must not kill the tab: report it, and draw the next frame from scratch.
     *
     * @return whether at least a screenful of rows scrolled off since the previous frame (a flood)
     */
    private boolean showNextFrame() {
        try {
            var size = viewSize.get();
            if (size.getColumns() != viewColumns || size.getRows() != viewRows) {
                viewColumns = size.getColumns();
                viewRows = size.getRows();
                source.viewResized(viewColumns, viewRows);
            }
            SourceFrame frame = source.takeFrame();
            FeedChunk chunk = composer.compose(frame, viewColumns, viewRows);
            feed.offer(chunk);
            listener.frameShown(frame.screen());
            int screenful = Math.max(1, frame.screen().height());
            int scrolled = frame.scrolledOff().size();
            // a Mosh tab's history comes from its recording, not from the frame's scrolled rows: its lines grow the
            // heap all the same
            int intoHistory = Math.max(scrolled, chunk.historyLines());
            if (intoHistory >= screenful) {
                aftermath.flooded(intoHistory);
            }
            return scrolled >= screenful;
        } catch (RuntimeException e) {
            composer.requestFullRedraw();
            listener.frameFailed(e);
            return false;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
