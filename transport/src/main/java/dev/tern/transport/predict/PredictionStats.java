package dev.tern.transport.predict;

/**
 * Counts of verdicts, for measurements (the mosh paper's "fraction of wrong predictions displayed"). Written by
 * the engine's thread; read the figures once the session is quiet.
 */
public final class PredictionStats {
    long correct;
    long wrongDisplayed;
    long wrongHidden;

    /** Predictions the server confirmed (each confirms its epoch). */
    public long correct() {
        return correct;
    }

    /** Wrong predictions that were on screen when proven wrong (each resets the engine). */
    public long wrongDisplayed() {
        return wrongDisplayed;
    }

    /** Wrong predictions of an unconfirmed epoch, never shown. */
    public long wrongHidden() {
        return wrongHidden;
    }

    @Override
    public String toString() {
        return "PredictionStats[correct=" + correct + ", wrongDisplayed=" + wrongDisplayed + ", wrongHidden="
                + wrongHidden + "]";
    }
}
