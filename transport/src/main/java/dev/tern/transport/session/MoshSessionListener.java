package dev.tern.transport.session;

import dev.tern.transport.screen.Framebuffer;

/**
 * Events of a {@link MoshSession}, delivered on the session's I/O thread: return quickly and hand the data to
 * your own thread (the screen snapshot is immutable, so that is safe).
 */
public interface MoshSessionListener {
    /** A newer server state arrived. */
    default void screenChanged(RemoteScreen screen) {
    }

    /**
     * The frame to show changed: the newest server screen with local echo predictions and, when the options
     * ask for it, the notification bar drawn over it. Immutable; safe to hand to another thread.
     */
    default void displayChanged(Framebuffer display) {
    }

    /** The round-trip estimate, last contact or last reply changed (at most a few times per second). */
    default void connectionChanged(ConnectionStatus status) {
    }

    /** The session is over; called exactly once, and last. */
    default void closed(CloseReason reason) {
    }
}
