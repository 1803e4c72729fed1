package dev.tern.transport.predict;

/**
 * Whether guesses are shown and whether they are underlined, decided from the connection's times: the transport's
 * frame interval (half the smoothed round trip, clamped to [20, 250] ms) and how late echoes have been.
 *
 * <p>In adaptive mode guesses are shown once the frame interval exceeds {@link #SHOW_ABOVE_MS} and hidden again
 * only when it falls to {@link #HIDE_AT_MS} with nothing guessed; they are underlined above
 * {@link #UNDERLINE_ABOVE_MS} until it falls to {@link #PLAIN_AT_MS}. The gaps between the pairs keep a jittery
 * round trip from switching back and forth. Late echoes ({@link LateEchoMeter}) show and underline regardless.
 */
final class EchoVisibility {
    static final int SHOW_ABOVE_MS = 30;
    static final int HIDE_AT_MS = 20;
    static final int UNDERLINE_ABOVE_MS = 80;
    static final int PLAIN_AT_MS = 50;

    final LateEchoMeter lateEchoes = new LateEchoMeter();
    private boolean slowLink;
    private boolean underline;

    /** Updates both decisions before a frame is judged. */
    void review(int frameIntervalMs, boolean anythingGuessed) {
        if (frameIntervalMs > SHOW_ABOVE_MS) {
            slowLink = true;
        } else if (frameIntervalMs <= HIDE_AT_MS && !anythingGuessed) {
            slowLink = false; // hiding with guesses on screen would make them flicker away
        }
        if (frameIntervalMs > UNDERLINE_ABOVE_MS) {
            underline = true;
        } else if (frameIntervalMs <= PLAIN_AT_MS) {
            underline = false;
        }
        if (lateEchoes.badlyLate()) {
            underline = true;
        }
    }

    boolean showing(DisplayPreference preference) {
        return switch (preference) {
            case NEVER -> false;
            case ALWAYS, EXPERIMENTAL -> true;
            case ADAPTIVE -> slowLink || lateEchoes.recentlyLate();
        };
    }

    boolean underlining() {
        return underline;
    }

    /** Both late-echo effects are already on, so waiting guesses can change nothing more by ageing. */
    boolean fullyRaised() {
        return lateEchoes.recentlyLate() && underline;
    }

    boolean slowLink() {
        return slowLink;
    }
}
