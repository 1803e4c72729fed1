package dev.tern.widget.pipeline;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Gives the operating system back the heap a flood of output grew, with one full collection once every tab's
 * floods have been quiet for a moment. One for the process; every tab's pipeline reports its flood frames.
 *
 * <p>Why not leave it to G1: it shrinks the heap only at the end of a concurrent cycle, and only down to what is in
 * use then, which still counts the flood's dead objects that the cycle's mixed collections free afterwards; so a
 * heap grown to several hundred MB comes down in steps a few seconds apart. Its periodic cycle would do it when
 * idle, but a screen full of text keeps young collections going (the widget repaints the whole screen for every
 * cursor blink), so "idle" never comes. A full collection compacts the live objects and shrinks the heap to
 * {@code -XX:MaxHeapFreeRatio} at once. Its pause grows with the live heap (mostly the tabs' histories), so it runs
 * only after a flood of at least {@link #MIN_ROWS} rows, {@link #QUIET_NANOS} after the last flood frame of any tab,
 * at most once every {@link #SPACING_NANOS}, and not at all when the heap is no larger than it started.
 */
public final class FloodAftermath {
    /**
     * Rows scrolled off in flood frames before the heap is worth a full collection: about 4 MB of 80-column text. A
     * frame carries at most a scrollback's worth, so a flood over in one or two frames never counts this much.
     */
    static final long MIN_ROWS = 50_000;
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);
    static final long SPACING_NANOS = TimeUnit.SECONDS.toNanos(60);

    private static final FloodAftermath PROCESS = new FloodAftermath(System::nanoTime,
            waiter -> Thread.ofVirtual().name("tern-flood-aftermath").start(waiter), FloodAftermath::collect,
            MIN_ROWS, QUIET_NANOS, SPACING_NANOS);

    private final LongSupplier clock;
    private final Consumer<Runnable> starter;
    private final Runnable collector;
    private final long minRows, quietNanos, spacingNanos;
    private long rows;
    private long lastFloodNanos;
    private boolean collectedBefore;
    private long lastCollectionNanos;
    private boolean waiting;

    /**
     * @param starter   runs the waiter (a virtual thread in the process's instance), started when a flood passed
     *                  {@code minRows} and ended by the collection
     * @param collector the collection itself
     */
    FloodAftermath(LongSupplier clock, Consumer<Runnable> starter, Runnable collector, long minRows, long quietNanos,
                   long spacingNanos) {
        this.clock = clock;
        this.starter = starter;
        this.collector = collector;
        this.minRows = minRows;
        this.quietNanos = quietNanos;
        this.spacingNanos = spacingNanos;
    }

    public static FloodAftermath process() {
        return PROCESS;
    }

    /** A frame carried {@code scrolledRows} rows of a flood. The pipeline's thread; cheap. */
    void flooded(int scrolledRows) {
        boolean start;
        synchronized (this) {
            rows += scrolledRows;
            lastFloodNanos = clock.getAsLong();
            start = rows >= minRows && !waiting;
            if (start) {
                waiting = true;
            }
        }
        if (start) {
            starter.accept(this::awaitQuiet);
        }
    }

    /** Nanoseconds until the collection is due (zero or less: due now), or -1 when none is wanted. */
    synchronized long nanosUntilDue() {
        if (rows < minRows) {
            return -1;
        }
        long now = clock.getAsLong();
        long due = lastFloodNanos + quietNanos;
        if (collectedBefore) {
            due = Math.max(due, lastCollectionNanos + spacingNanos);
        }
        return due - now;
    }

    /** Takes the due collection: the flood's count starts again. Whether one was due. */
    synchronized boolean takeDue() {
        if (rows < minRows || nanosUntilDue() > 0) {
            return false;
        }
        rows = 0;
        collectedBefore = true;
        lastCollectionNanos = clock.getAsLong();
        waiting = false;
        return true;
    }

    private void awaitQuiet() {
        try {
            while (!takeDue()) {
                long wait = nanosUntilDue();
                TimeUnit.NANOSECONDS.sleep(Math.max(TimeUnit.MILLISECONDS.toNanos(10), wait));
            }
            collector.run();
        } catch (InterruptedException e) {
            synchronized (this) {
                waiting = false;
            }
            Thread.currentThread().interrupt();
        }
    }

    /** Skipped when the heap is no larger than it started: then G1 already gave back what the flood grew. */
    private static void collect() {
        long committed = Runtime.getRuntime().totalMemory();
        long initial = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit();
        if (committed > initial) {
            System.gc();
        }
    }
}
