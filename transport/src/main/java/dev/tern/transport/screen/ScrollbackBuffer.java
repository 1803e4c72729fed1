package dev.tern.transport.screen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded {@link ScrollbackSink} that collects scrolled-off rows until a view drains them once per frame.
 * When more rows arrive than the capacity between two drains, the oldest are dropped and counted, so
 * {@code cat hugefile} costs bounded memory.
 *
 * <p>A dropped row that nobody else ever saw (it was in no snapshot, and was never drained) is handed back to the
 * emulator, which reuses it for the blank row that enters at the bottom: under a flood that outruns the frames,
 * scrolling then allocates nothing per line.
 */
public final class ScrollbackBuffer implements ScrollbackSink {
    private final int capacity;
    private final ArrayDeque<Row> rows = new ArrayDeque<>();
    private long dropped;
    private boolean clearRequested;

    public ScrollbackBuffer(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /** A row from elsewhere than the emulator this buffer is the sink of: kept, never handed back for reuse. */
    @Override
    public void scrolledOff(Row row) {
        if (row.sinkOnly()) {
            row.shared();
        }
        add(row, -1);
    }

    /**
     * Adds a row; when that drops the oldest one and nobody else ever saw it, returns it if it has the given
     * width, for the emulator to reuse (else null). Called by the emulator's thread; the lock orders the dropped
     * row's earlier writes (by that same thread, or by the thread of an emulator sharing this buffer) before its
     * reuse.
     */
    synchronized Row add(Row row, int reuseWidth) {
        Row reusable = null;
        if (rows.size() == capacity) {
            Row gone = rows.removeFirst();
            dropped++;
            if (gone.sinkOnly() && gone.width() == reuseWidth) {
                reusable = gone;
            }
        }
        rows.addLast(row);
        return reusable;
    }

    @Override
    public synchronized void clearRequested() {
        rows.clear();
        clearRequested = true;
    }

    /** The rows collected since the last drain, oldest first. */
    public synchronized List<Row> drain() {
        // the caller may keep them: having left the buffer, they are never handed back for reuse
        List<Row> out = new ArrayList<>(rows);
        rows.clear();
        return out;
    }

    /** Rows dropped because the buffer was full, since creation. */
    public synchronized long dropped() {
        return dropped;
    }

    /** True once after the program asked to clear the scrollback. */
    public synchronized boolean takeClearRequest() {
        boolean r = clearRequested;
        clearRequested = false;
        return r;
    }
}
