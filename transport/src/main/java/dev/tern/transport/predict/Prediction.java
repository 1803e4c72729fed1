package dev.tern.transport.predict;

/**
 * What cursor and cell predictions share (mosh's {@code ConditionalOverlay}): whether it exists, the epoch
 * before whose confirmation it stays hidden, the first client state that carries its keystroke, and when it was
 * made.
 */
abstract class Prediction {
    /** Stands for mosh's unsigned -1: "never" for frames and epochs. */
    static final long NEVER = Long.MAX_VALUE;

    boolean active;
    long epoch;
    long expirationFrame;
    long predictionTime = Long.MIN_VALUE;

    Prediction(long expirationFrame, long epoch) {
        this.expirationFrame = expirationFrame;
        this.epoch = epoch;
    }

    /** Hidden until an epoch at least this one is confirmed. */
    final boolean tentative(long confirmedEpoch) {
        return epoch > confirmedEpoch;
    }

    /** Its keystroke goes out in the next client state; remember when it was made. */
    final void expire(long nextFrame, long now) {
        expirationFrame = nextFrame;
        predictionTime = now;
    }

    void reset() {
        expirationFrame = NEVER;
        epoch = NEVER;
        active = false;
    }
}
