package dev.tern.widget.pipeline;

/** Where a view's screen comes from: our emulator over a byte stream, or a Mosh session's frames. */
public interface ScreenSource {
    /** The newest screen and the history gathered since the previous call. Called on the pipeline's thread. */
    SourceFrame takeFrame();

    /** Whether {@link SourceFrame#scrolledOff()} is the exact history (every byte seen) rather than none. */
    boolean exactHistory();

    /**
     * The widget now has this size. JediTermFX passes resizes on only after a quiet period, but a source that
     * draws locally must match the widget at once, or frames of the old size would be drawn into it.
     */
    default void viewResized(int columns, int rows) {
    }

    /** A Mosh tab's history, built from provisional and recorded lines; null for sources with exact history. */
    default MoshHistory moshHistory() {
        return null;
    }
}
