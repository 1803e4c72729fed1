package dev.tern.transport.predict;

import java.util.Objects;
import java.util.Optional;

/**
 * What the connection notice is made of, kept as the session learns it: when the server was last heard, when it last
 * acknowledged us, the status message and whether to end with the quit hint. The notice itself is computed from these
 * at the moment it is asked for ({@link QuietSpell}, {@link NoticeWording}), so nothing here needs a timer to expire.
 *
 * <p>Times are milliseconds of the injected {@link MillisClock}; both times start at construction, so a server never
 * heard counts as quiet from then. Not thread-safe: use it from the session's thread and hand {@link #notice()}
 * results to others.
 */
public final class NoticeBoard {
    /** Redraw cadence of a counting notice: every second, every 3 s once the silence is long. */
    static final int COUNT_STEP = 1000;
    static final int LONG_COUNT_STEP = 3000;

    private final MillisClock clock;
    private long heardAt;
    private long acknowledgedAt;
    private StatusMessage message = StatusMessage.NONE;
    /** Outlives a network error: only a message set with an explicit choice changes it. */
    private boolean withQuitHint = true;
    private EscapeKey escapeKey = EscapeKey.DEFAULT;

    public NoticeBoard(MillisClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        long now = clock.millis();
        heardAt = now;
        acknowledgedAt = now;
    }

    // ---- what the session learns ----

    /** Receive time of the newest server state. */
    public void heardFromServer(long when) {
        heardAt = when;
    }

    /** Send time of the newest client state the server acknowledged. */
    public void serverAcknowledged(long sentAt) {
        acknowledgedAt = sentAt;
    }

    /** The key the quit hint names. */
    public void useEscapeKey(EscapeKey key) {
        escapeKey = Objects.requireNonNull(key, "key");
    }

    // ---- messages ----

    /** Shows a message for one second, with the quit hint. */
    public void show(String text) {
        show(text, false, true);
    }

    /** Shows a message for one second, or until replaced when permanent; an empty text clears. */
    public void show(String text, boolean permanent, boolean quitHint) {
        message = StatusMessage.shown(text, clock.millis(), permanent);
        withQuitHint = quitHint;
    }

    public void clear() {
        show("", false, true);
    }

    /** A network error shows for 3.1 s unless sends succeed earlier. */
    public void showNetworkError(String text) {
        message = StatusMessage.networkError(text, clock.millis());
    }

    /** A send went through: a network error on show goes within a second. */
    public void sendSucceeded() {
        message = message.afterSendSucceeded(clock.millis());
    }

    /** The message on show now, empty when there is none or it has expired. */
    public String messageShown() {
        return message.textAt(clock.millis());
    }

    // ---- the notice ----

    /** The notice now, or empty when there is neither a message nor a silence worth counting. */
    public Optional<Notice> notice() {
        long now = clock.millis();
        return NoticeWording.notice(message.textAt(now), QuietSpell.at(now, heardAt, acknowledgedAt),
                withQuitHint ? escapeKey.quitHint() : "");
    }

    /** Milliseconds until {@link #notice()} may read differently without news (expiry, count-up), or Integer.MAX_VALUE. */
    public int millisUntilChange() {
        long now = clock.millis();
        long next = Math.min(Integer.MAX_VALUE, message.millisUntilExpiry(now));
        if (QuietSpell.at(now, heardAt, acknowledgedAt).isPresent()) {
            next = Math.min(next, now - heardAt > QuietSpell.LONG_SILENCE ? LONG_COUNT_STEP : COUNT_STEP);
        }
        return (int) next;
    }
}
