package dev.tern.transport.predict;

/**
 * Groups guesses by how far they can be trusted. Anything that may change how the host echoes (a control key, a
 * cursor key the engine does not model, a wrap) opens a new epoch; its guesses are still made but stay hidden
 * until the server confirms one of them, which reveals the whole epoch and every earlier one.
 */
final class Epochs {
    private long current = 1;
    private long proven;

    /** The epoch new guesses belong to. */
    long current() {
        return current;
    }

    boolean revealed(long epoch) {
        return epoch <= proven;
    }

    void prove(long epoch) {
        proven = Math.max(proven, epoch);
    }

    void openNew() {
        current++;
    }

    /** Joins the newest proven epoch, so that the next guesses are revealed at once. */
    void joinProven() {
        current = proven;
    }
}
