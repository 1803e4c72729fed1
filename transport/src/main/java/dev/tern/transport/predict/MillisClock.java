package dev.tern.transport.predict;

/**
 * A monotonic millisecond clock. Injected everywhere so that the timing rules (glitch thresholds, message
 * expiry, "last contact" count-up) can be tested with a fake clock.
 */
@FunctionalInterface
public interface MillisClock {
    long millis();

    /** The system's monotonic clock, counted from an arbitrary origin. */
    static MillisClock system() {
        long origin = System.nanoTime();
        return () -> (System.nanoTime() - origin) / 1_000_000;
    }
}
