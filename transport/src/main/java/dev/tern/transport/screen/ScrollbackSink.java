package dev.tern.transport.screen;

/**
 * Receives the rows that scroll off the top of an emulator's screen (a scroll of a region whose top is row 0,
 * on the primary screen), in order, as they happen. This is the exact history of a local or SSH tab; a Mosh
 * tab only ever sees frames, so it uses {@link RenderResult#scrolledOff()} instead.
 *
 * <p>Called on the thread that writes to the emulator. The rows are frozen and safe to keep or hand over.
 */
public interface ScrollbackSink {
    void scrolledOff(Row row);

    /** False when rows would be thrown away anyway, so the emulator may reuse them. */
    default boolean wantsRows() {
        return true;
    }

    /** The program asked to clear the scrollback (ED 3, xterm repertoire only). */
    default void clearRequested() {
    }
}
