package dev.tern.transport.predict;

import dev.tern.transport.screen.Cell;
import dev.tern.transport.screen.CharWidth;
import dev.tern.transport.screen.Renditions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Mosh 1.4.0's notification engine (mosh-terminal.md §6): when the server was last heard and when it last
 * acknowledged us, the current status message with its expiry, and the bar text built from both.
 *
 * <p>Times are milliseconds of the injected {@link MillisClock}; both timestamps start at construction. Not
 * thread-safe: use it from the session's thread and hand {@link #notice()} results to others.
 */
public final class NotificationEngine {
    static final long SERVER_LATE = 6500;
    static final long REPLY_LATE = 10_000;
    /** How long an ordinary message stays. */
    static final long MESSAGE_LIFETIME = 1000;
    /** A network error stays one heartbeat interval (3 s) plus 100 ms. */
    static final long NETWORK_ERROR_LIFETIME = 3100;
    private static final long NEVER = Long.MAX_VALUE;
    /** Mosh formats the bar into a 128-wide-character buffer. */
    private static final int MAX_TEXT = 127;
    static final long BAR_RENDITIONS = Renditions.of(37, 44, 0);
    static final long BAR_TEXT_RENDITIONS = Renditions.of(37, 44, Renditions.BOLD);

    private final MillisClock clock;
    private long lastWordFromServer;
    private long lastAckedState;
    private EscapeKey escapeKey = EscapeKey.DEFAULT;
    private String message = "";
    private boolean messageIsNetworkError;
    private long messageExpiration = NEVER;
    private boolean showQuitKeystroke = true;

    public NotificationEngine(MillisClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        long now = clock.millis();
        lastWordFromServer = now;
        lastAckedState = now;
    }

    // ---- timing from the session ----

    /** Receive time of the newest server state. */
    public void serverHeard(long when) {
        lastWordFromServer = when;
    }

    /** Send time of the newest client state the server acknowledged. */
    public void serverAcked(long when) {
        lastAckedState = when;
    }

    public void setEscapeKey(EscapeKey key) {
        escapeKey = Objects.requireNonNull(key, "key");
    }

    public EscapeKey escapeKey() {
        return escapeKey;
    }

    // ---- messages ----

    /** Shows a message for one second, with the quit hint. */
    public void setMessage(String text) {
        setMessage(text, false, true);
    }

    /** Mosh's {@code set_notification_string}: one second unless permanent; an empty text clears. */
    public void setMessage(String text, boolean permanent, boolean showQuit) {
        message = Objects.requireNonNull(text, "text");
        messageExpiration = permanent ? NEVER : clock.millis() + MESSAGE_LIFETIME;
        messageIsNetworkError = false;
        showQuitKeystroke = showQuit;
    }

    public void clearMessage() {
        setMessage("", false, true);
    }

    /** A network error stays 3.1 s unless cleared earlier. */
    public void setNetworkError(String text) {
        message = Objects.requireNonNull(text, "text");
        messageIsNetworkError = true;
        messageExpiration = clock.millis() + NETWORK_ERROR_LIFETIME;
    }

    /** After a successful send: a network error goes within a second. */
    public void clearNetworkError() {
        if (messageIsNetworkError) {
            messageExpiration = Math.min(messageExpiration, clock.millis() + MESSAGE_LIFETIME);
        }
    }

    /** The current message (possibly already expired, until {@link #adjustMessage()} runs). */
    public String message() {
        return message;
    }

    /** Clears the message once its time is up (mosh does this before every draw). */
    public void adjustMessage() {
        if (clock.millis() >= messageExpiration) {
            message = "";
        }
    }

    // ---- state ----

    public boolean serverLate() {
        return clock.millis() - lastWordFromServer > SERVER_LATE;
    }

    public boolean replyLate() {
        return clock.millis() - lastAckedState > REPLY_LATE;
    }

    /** Whether the bar counts up the silence. */
    public boolean needCountup() {
        return serverLate() || replyLate();
    }

    /** What the bar says now (expired messages dropped first), or empty when there is no bar. */
    public Optional<Notice> notice() {
        adjustMessage();
        long now = clock.millis();
        boolean countup = needCountup();
        if (message.isEmpty() && !countup) {
            return Optional.empty();
        }
        // prefer "last contact"; say "last reply" only when just the uplink is broken
        Silence quiet = replyLate() && !serverLate() ? Silence.REPLY : Silence.CONTACT;
        long elapsed = quiet == Silence.REPLY ? now - lastAckedState : now - lastWordFromServer;
        int seconds = (int) Math.max(0, elapsed / 1000);
        String hint = showQuitKeystroke ? escapeKey.quitHint() : "";
        String text;
        if (message.isEmpty()) {
            text = "mosh: Last " + quiet.word() + " " + duration(seconds, "seconds") + " ago." + hint;
        } else if (!countup) {
            text = "mosh: " + message + hint;
        } else {
            text = "mosh: " + message + " (" + duration(seconds, "s") + " without " + quiet.word() + ".)" + hint;
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
        }
        return Optional.of(new Notice(text, message, countup ? Optional.of(Duration.ofMillis(elapsed)) : Optional.empty(),
                countup ? Optional.of(quiet) : Optional.empty(), hint.strip()));
    }

    /** Mosh's human-readable duration: {@code N seconds} (or {@code N s}), {@code M:SS}, {@code H:MM:SS}. */
    static String duration(int seconds, String unit) {
        if (seconds < 60) {
            return seconds + " " + unit;
        } else if (seconds < 3600) {
            return String.format("%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format("%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    /** Milliseconds until the bar needs redrawing (message expiry, count-up tick), or {@link Integer#MAX_VALUE}. */
    public int waitTime() {
        long now = clock.millis();
        long next = Integer.MAX_VALUE;
        if (messageExpiration != NEVER && messageExpiration >= now) {
            next = Math.min(next, messageExpiration - now);
        }
        if (needCountup()) {
            // after a minute of silence, save power by ticking with the heartbeat
            next = Math.min(next, now - lastWordFromServer > 60_000 ? 3000 : 1000);
        }
        return (int) next;
    }

    // ---- drawing ----

    /** Draws mosh's bar across row 0 of the canvas (hiding a cursor on that row); nothing when there is no bar. */
    public void drawBar(FrameCanvas canvas) {
        notice().ifPresent(n -> drawBar(canvas, n.text()));
    }

    static void drawBar(FrameCanvas canvas, String text) {
        int width = canvas.width();
        if (canvas.cursorRow() == 0) {
            canvas.hideCursor();
        }
        Cell space = new Cell(" ", BAR_RENDITIONS, false, false, false);
        for (int x = 0; x < width; x++) {
            canvas.setCell(x, 0, space);
        }
        int col = 0;
        int combiningCol = 0;
        for (int i = 0; i < text.length() && col < width; ) {
            int ch = text.codePointAt(i);
            i += Character.charCount(ch);
            int w = CharWidth.wcwidth(ch);
            if (w == 1 || w == 2) {
                canvas.setCell(col, 0, new Cell(Character.toString(ch), BAR_TEXT_RENDITIONS, w == 2, false, false));
                combiningCol = col;
                col += w;
            } else if (w == 0) {
                Cell target = canvas.cell(combiningCol, 0);
                boolean fallback = target.fallback();
                if (target.contents().isEmpty()) {
                    fallback = true;
                    col++;
                }
                String contents = target.contents().getBytes(StandardCharsets.UTF_8).length >= 32
                        ? target.contents() : target.contents() + Character.toString(ch);
                canvas.setCell(combiningCol, 0, new Cell(contents, target.renditions(), target.wide(), fallback,
                        target.wrap()));
            }
        }
    }
}
