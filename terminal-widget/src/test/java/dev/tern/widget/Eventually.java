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
}
