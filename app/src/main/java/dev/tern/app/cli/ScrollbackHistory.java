package dev.tern.app.cli;

import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.LeftRows;
import dev.tern.transport.screen.RecordedRows;
import dev.tern.transport.screen.Repertoire;
import dev.tern.transport.screen.Row;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The CLI's history with {@code --no-init}: the rows that go into the user's terminal's scrollback, once each and in
 * order, as the session's screen moves on (docs/ARCHITECTURE.md §13). A terminal's scrollback cannot be edited
 * afterwards, so unlike the app's tab this never shows a line before it is final:
 *
 * <ul>
 *   <li><b>recorded</b>: rows come from the session's recording ({@link RecordedRows}), and only once the live
 *       screen is found in it, so every row above the live screen goes out, the ones mosh skipped included;</li>
 *   <li><b>from frames</b> (no recording, or it is down for longer than {@link #PATIENCE}): the rows seen leaving
 *       the screen ({@link LeftRows}), and one marker row wherever lines went by unseen. When the recording comes
 *       back, it takes over again from the live screen on; what was written meanwhile stays as it is.</li>
 * </ul>
 *
 * <p>Full-screen programs (the alternate screen) add nothing. {@link #afterFrame} runs on the painter's thread; the
 * recording's methods on the reader's.
 */
final class ScrollbackHistory {
    /** How long a recording that went down is waited for before the history falls back to the frames. */
    static final Duration PATIENCE = Duration.ofSeconds(20);
    /**
     * Rows of the recording held while the live screen is not found in it. More than that means the recording lags
     * the live screen (which trails the output by a frame or so), so the oldest are above the live screen already
     * and go out without waiting for a match.
     */
    static final int HOLD_ROWS = 5_000;

    private final RecordedRows recorded;
    private final LongSupplier nanoClock;
    private volatile long confirmed;
    private final Object room = new Object();
    private volatile boolean closed;
    /** Why the frames are the source now; null while the recording is. */
    private String framesBecause;
    private volatile String unavailable;
    private volatile long unavailableSince;
    private volatile boolean permanent;
    private boolean markerLast;

    private ScrollbackHistory(RecordedRows recorded, String framesBecause, LongSupplier nanoClock) {
        this.recorded = recorded;
        this.framesBecause = framesBecause;
        this.nanoClock = nanoClock;
    }

    /** A history filled from the session's recording. */
    static ScrollbackHistory recorded(int columns, int rows, LongSupplier nanoClock) {
        return new ScrollbackHistory(new RecordedRows(columns, rows, 4 * HOLD_ROWS), null, nanoClock);
    }

    /** A history from the frames alone: gaps are marked with {@code why}. */
    static ScrollbackHistory fromFrames(String why) {
        return new ScrollbackHistory(null, why, System::nanoTime);
    }

    /**
     * The next bytes of the recording, in stream order (reader thread). Waits while many rows wait for the painter:
     * the recording is kept on the server until it is fetched, so nothing is lost by fetching it later.
     */
    void recorded(byte[] data, int length) {
        if (recorded == null) {
            return;
        }
        synchronized (room) {
            while (!closed && recorded.total() - confirmed > 2 * HOLD_ROWS) {
                try {
                    room.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        recorded.write(data, length);
    }

    /** The session is over: nothing waits for the painter any more. */
    void close() {
        closed = true;
        synchronized (room) {
            room.notifyAll();
        }
    }

    /** Bytes of the recording were freed by the server's bound before they were fetched (reader thread). */
    void lost(long bytes) {
        if (recorded != null) {
            recorded.lost(bytes);
        }
    }

    /**
     * The recording is not coming for {@code why}: for good ({@code permanent}: no recorder, the recording is
     * gone), or for now (the history connection is down), in which case it is waited for a while first.
     */
    void unavailable(String why, boolean permanent) {
        if (unavailable == null) {
            unavailableSince = nanoClock.getAsLong();
        }
        this.permanent = permanent;
        unavailable = why;
    }

    /** The recording flows again. */
    void available() {
        if (!permanent) {
            unavailable = null;
        }
    }

    /**
     * The rows to append to the scrollback now that the session's screen went from {@code before} (what the last
     * call saw; null at first) to {@code after}: frames without overlays, as the server sent them.
     */
    List<Row> afterFrame(Framebuffer before, Framebuffer after) {
        if (recorded != null) {
            recorded.resize(after.width(), after.height());
            String down = unavailable;
            if (framesBecause == null && down != null && (permanent
                    || nanoClock.getAsLong() - unavailableSince >= PATIENCE.toNanos())) {
                framesBecause = down;
                return marked(List.of(), true, after.width());
            }
            if (framesBecause == null || down == null) {
                long top = recorded.topOf(after, confirmed);
                if (top < confirmed && framesBecause == null && recorded.total() - confirmed > HOLD_ROWS) {
                    return confirmedRows(recorded.total() - HOLD_ROWS / 2, after.width());
                }
                if (top >= confirmed) {
                    boolean resuming = framesBecause != null;
                    framesBecause = null;
                    markerLast = false;
                    if (resuming) {
                        // the frames covered the rows up to here, with markers where they could not
                        recorded.take(confirmed, top);
                        confirmed = top;
                        return List.of();
                    }
                    return confirmedRows(top, after.width());
                }
                if (framesBecause == null) {
                    return List.of();
                }
            }
        }
        return fromFrames(before, after);
    }

    private List<Row> confirmedRows(long top, int width) {
        List<Row> out = new ArrayList<>();
        long dropped = recorded.firstKept() - confirmed;
        if (dropped > 0) {
            out.add(marker("… " + dropped + " lines not received (too many to hold while the screen caught up) …",
                    width));
        }
        for (RecordedRows.Entry e : recorded.take(confirmed, top)) {
            out.add(e.isMarker() ? marker(e.marker(), width) : e.row());
        }
        confirmed = top;
        synchronized (room) {
            room.notifyAll();
        }
        return out;
    }

    private List<Row> fromFrames(Framebuffer before, Framebuffer after) {
        if (before == null || before.width() != after.width() || before.height() != after.height()) {
            return List.of();
        }
        List<Row> left = new ArrayList<>();
        boolean unseen = LeftRows.between(before, after, left);
        return marked(left, unseen, after.width());
    }

    private List<Row> marked(List<Row> left, boolean unseen, int width) {
        List<Row> out = new ArrayList<>(left);
        if (!left.isEmpty()) {
            markerLast = false;
        }
        if (unseen && !markerLast) {
            out.add(marker("… lines not received (" + framesBecause + ") …", width));
            markerLast = true;
        }
        return out;
    }

    /** A row that says what is missing, dimmed so that it does not pass for output. */
    static Row marker(String text, int width) {
        String fitted = text.codePointCount(0, text.length()) > width
                ? text.substring(0, text.offsetByCodePoints(0, Math.max(0, width - 1))) + "…" : text;
        Emulator scratch = new Emulator(width, 1, Repertoire.XTERM);
        scratch.write(("\033[2m" + fitted).getBytes(StandardCharsets.UTF_8));
        return scratch.framebuffer().row(0);
    }
}
