package dev.tern.transport.screen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded {@link ScrollbackSink} that collects scrolled-off rows until a view drains them once per frame.
 * When more rows arrive than the capacity between two drains, the oldest are dropped and counted, so
 * {@code cat hugefile} costs bounded memory.
 */
public final class ScrollbackBuffer implements ScrollbackSink {
    private final int capacity;
    private final ArrayDeque<Row> rows = new ArrayDeque<>();
    private long dropped;
    private boolean clearRequested;

    public ScrollbackBuffer(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    @Override
    public synchronized void scrolledOff(Row row) {
        if (rows.size() == capacity) {
            rows.removeFirst();
            dropped++;
        }
        rows.addLast(row);
    }

    @Override
    public synchronized void clearRequested() {
        rows.clear();
        clearRequested = true;
    }

    /** The rows collected since the last drain, oldest first. */
    public synchronized List<Row> drain() {
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
