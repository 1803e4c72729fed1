package dev.tern.widget;

import javafx.application.Platform;

import java.time.Duration;

/**
 * Runs a task on the FX thread at a fixed period without an animation. A running JavaFX animation (such as a
 * {@code Timeline} with an indefinite cycle) keeps the toolkit's pulse going sixty times a second for as long as it
 * runs, which costs an idle window CPU all day (bench/RESULTS.md, "Memory"); a sleeping virtual thread that posts
 * each tick costs nothing between ticks.
 */
public final class FxClock implements AutoCloseable {
    private final Thread ticker;
    private volatile boolean closed;

    private FxClock(Duration period, Runnable onFxThread, String name) {
        long millis = Math.max(1, period.toMillis());
        ticker = Thread.ofVirtual().name(name).start(() -> {
            try {
                while (!closed) {
                    Thread.sleep(millis);
                    Platform.runLater(() -> {
                        if (!closed) {
                            onFxThread.run();
                        }
                    });
                }
            } catch (InterruptedException | IllegalStateException ended) {
                // closed, or the toolkit is gone
            }
        });
    }

    /** Starts ticking: the first tick comes one period from now. */
    public static FxClock every(Duration period, String name, Runnable onFxThread) {
        return new FxClock(period, onFxThread, name);
    }

    /** No tick runs after this returns, when called on the FX thread. */
    @Override
    public void close() {
        closed = true;
        ticker.interrupt();
    }
}
