package dev.tern.transport.predict;

import java.util.Objects;

/**
 * A status message for the notice, as a value: its text, the clock time it stops showing, and whether it reports a
 * network error (which goes sooner once sends succeed again).
 */
record StatusMessage(String text, long expiresAt, boolean networkError) {
    /** How long an ordinary message shows. */
    static final long LIFETIME = 1000;
    /** A network error shows one heartbeat interval (3 s) and a little more, so the next heartbeat can clear it. */
    static final long NETWORK_ERROR_LIFETIME = 3100;
    static final long PERMANENT = Long.MAX_VALUE;
    static final StatusMessage NONE = new StatusMessage("", PERMANENT, false);

    StatusMessage {
        Objects.requireNonNull(text, "text");
    }

    static StatusMessage shown(String text, long now, boolean permanent) {
        return new StatusMessage(text, permanent ? PERMANENT : now + LIFETIME, false);
    }

    static StatusMessage networkError(String text, long now) {
        return new StatusMessage(text, now + NETWORK_ERROR_LIFETIME, true);
    }

    /** The text on show at {@code now}: empty once it has expired. */
    String textAt(long now) {
        return now < expiresAt ? text : "";
    }

    /** Sends work again: a network error lasts at most one more ordinary lifetime. */
    StatusMessage afterSendSucceeded(long now) {
        return networkError ? new StatusMessage(text, Math.min(expiresAt, now + LIFETIME), true) : this;
    }

    /** Milliseconds until the message's expiry changes what is shown, or {@link #PERMANENT} when it never will. */
    long millisUntilExpiry(long now) {
        return expiresAt != PERMANENT && expiresAt >= now ? expiresAt - now : PERMANENT;
    }
}
