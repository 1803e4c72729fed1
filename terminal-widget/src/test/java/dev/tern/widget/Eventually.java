package dev.tern.widget;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for a condition that depends on other threads (a shell, a server); fails with what was seen last. */
final class Eventually {
    private Eventually() {
    }

    static void until(Duration timeout, BooleanSupplier condition, Supplier<String> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!condition.getAsBoolean()) {
            fail("condition not met within " + timeout + "; last seen:\n" + seen.get());
        }
    }

    static void screenContains(TerminalView view, String text) {
        until(Duration.ofSeconds(20), () -> view.screenText().contains(text), view::screenText);
    }

    /**
     * Waits until the size the view last passed to its connector is the widget's own size, twice in a row across
     * JediTermFX's resize quiet period (500 ms), so that no resize is still on its way.
     */
    static com.techsenger.jeditermfx.core.util.TermSize settledSize(TerminalView view) {
        java.util.function.BooleanSupplier matches = () -> view.terminalSize().getColumns() == view.textBuffer().getWidth()
                && view.terminalSize().getRows() == view.textBuffer().getHeight();
        for (int i = 0; i < 2; i++) {
            until(Duration.ofSeconds(10), matches, () -> view.terminalSize() + " vs widget "
                    + view.textBuffer().getWidth() + "x" + view.textBuffer().getHeight());
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        until(Duration.ofSeconds(10), matches, () -> String.valueOf(view.terminalSize()));
        return view.terminalSize();
    }
}
