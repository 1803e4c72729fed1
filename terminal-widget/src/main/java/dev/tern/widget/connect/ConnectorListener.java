package dev.tern.widget.connect;

import dev.tern.transport.screen.Framebuffer;

import java.time.Duration;
import java.time.Instant;

/**
 * What a connector reports, from its own threads. Implementations return quickly; the view hands the data on.
 * A byte-stream connector calls {@link #output}; a Mosh connector calls {@link #frame}.
 */
public interface ConnectorListener {
    /** Output of the remote program (local and SSH tabs). The array may be reused after the call returns. */
    default void output(byte[] data, int offset, int length) {
    }

    /** The newest screen to show (Mosh tabs), an immutable snapshot. */
    default void frame(Framebuffer screen) {
    }

    /** Connecting, connected, contact lost; {@code detail} is a short sentence for the user or empty. */
    default void state(ConnectionState state, String detail) {
    }

    /**
     * Round-trip time, last time the server was heard from (Mosh tabs; null when unknown) and the key presses
     * typed but not yet confirmed by the server.
     */
    default void link(Duration roundTrip, Instant lastContact, int waitingKeys) {
    }

    /** The next bytes of a Mosh session's recording (its complete history). The array is reused afterwards. */
    default void recorded(byte[] data, int length) {
    }

    /** {@code bytes} of the recording were dropped on the server before they could be fetched. */
    default void recordingLost(long bytes) {
    }

    /**
     * Whether the recording can still fill the history's gaps; when it cannot, {@code why} says so in a few words
     * (e.g. "the server has no 'script' to record them").
     */
    default void recordingAvailable(boolean available, String why) {
    }

    /** The connection is over, for good; called once and last. {@code message} is for the user, never a trace. */
    default void ended(String message, boolean clean) {
    }
}
