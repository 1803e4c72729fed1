package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.model.TerminalLine;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * A Mosh tab's history (docs/ARCHITECTURE.md §13). mosh-server sends screens, not the lines that scrolled between
 * two of them, so the history is built from two sources:
 *
 * <ul>
 *   <li><b>provisional</b> lines, as the live screen moves: rows the widget scrolled itself, rows above the cursor
 *       that left the screen without a scroll the renderer could use, and one marker row where lines went by
 *       unseen ("… lines not received …");</li>
 *   <li><b>confirmed</b> lines from the session's recording ({@link RecordedRows}): as soon as the live screen is
 *       found in the recording, every provisional line is replaced by the recorded rows above the live screen.</li>
 * </ul>
 *
 * <p>Without a recording (the profile turned it off, the host has no recorder) the provisional lines stay, markers
 * included: the user sees where lines are missing instead of blank rows. Full-screen programs (alternate screen) add
 * nothing. {@link #afterFrame} runs on the pipeline's thread; the other methods on any thread.
 */
public final class MoshHistory {
    static final String MARKER_YET = "… lines not received yet …";

    /** What to do to the widget's history before it parses a frame. */
    record Edit(List<TerminalLine> confirm, int provisional, List<TerminalLine> append) {
        static final Edit NONE = new Edit(null, 0, List.of());

        boolean isEmpty() {
            return confirm == null && append.isEmpty();
        }
    }

    private final RecordedRows recorded;
    private final HistoryLines lines = new HistoryLines();
    private volatile String missing;
    private long confirmed;
    private int provisional;
    private boolean markerLast;

    private MoshHistory(RecordedRows recorded, String missing) {
        this.recorded = recorded;
        this.missing = missing;
    }

    /** A history filled from the session's recording. */
    public static MoshHistory recorded(int columns, int rows, int scrollbackLines) {
        return new MoshHistory(new RecordedRows(columns, rows, Math.max(1000, scrollbackLines)), MARKER_YET);
    }

    /** A history without a recording: gaps stay marked with {@code why} (e.g. "complete history is off"). */
    public static MoshHistory unrecorded(String why) {
        return new MoshHistory(null, marker(why));
    }

    private static String marker(String why) {
        return "… lines not received (" + why + ") …";
    }

    public boolean isRecorded() {
        return recorded != null;
    }

    /** The next bytes of the recording. Any thread, in stream order. */
    public void recorded(byte[] data, int length) {
        if (recorded != null) {
            recorded.write(data, length);
        }
    }

    /** {@code bytes} of the recording were freed by the server's bound before they could be fetched. */
    public void lost(long bytes) {
        if (recorded != null) {
            recorded.lost("… lines not received: " + Math.max(1, bytes / 1000) + " kB of output were dropped by the "
                    + "server's history bound …");
        }
    }

    /** Lines will not come from the recording, for {@code why}: new gaps say so. */
    public void unavailable(String why) {
        missing = marker(why);
    }

    /** New gaps will be filled when the recording catches up. */
    public void available() {
        missing = MARKER_YET;
    }

    /**
     * After the renderer drew {@code after} over {@code before}, of which it scrolled {@code scrolled} rows into the
     * widget's history itself.
     */
    Edit afterFrame(Framebuffer before, Framebuffer after, int scrolled, boolean initialized) {
        if (recorded != null) {
            recorded.resize(after.width(), after.height());
            long top = recorded.topOf(after, confirmed);
            long upTo = top - scrolled;
            if (top >= 0 && upTo >= confirmed) {
                List<RecordedRows.Entry> rows = recorded.take(confirmed, upTo);
                int replaced = provisional;
                confirmed = upTo;
                provisional = scrolled;
                markerLast = false;
                return new Edit(convert(rows), replaced, List.of());
            }
        }
        if (scrolled > 0) {
            provisional += scrolled;
            markerLast = false;
            return Edit.NONE;
        }
        if (!initialized || before == null || before.width() != after.width()
                || before.height() != after.height()) {
            return Edit.NONE;
        }
        List<Row> left = new ArrayList<>();
        boolean unseen = leftTheScreen(before, after, left);
        List<TerminalLine> append = new ArrayList<>(lines.convert(left));
        if (!left.isEmpty()) {
            markerLast = false;
        }
        if (unseen && !markerLast) {
            append.add(lines.marker(missing));
            markerLast = true;
        }
        provisional += append.size();
        return append.isEmpty() ? Edit.NONE : new Edit(null, 0, append);
    }

    private List<TerminalLine> convert(List<RecordedRows.Entry> rows) {
        List<TerminalLine> out = new ArrayList<>(rows.size());
        for (RecordedRows.Entry e : rows) {
            out.add(e.isMarker() ? lines.marker(e.marker()) : lines.convert(e.row()));
        }
        return out;
    }

    /**
     * The rows above {@code before}'s cursor that are gone from {@code after} without a scroll the renderer used
     * go to {@code left}; returns whether more lines went by unseen after them. Only a screen that output filled
     * (the cursor on the bottom row) counts as lines gone by: a screen cleared or redrawn in place keeps nothing,
     * as a terminal's clear does.
     */
    static boolean leftTheScreen(Framebuffer before, Framebuffer after, List<Row> left) {
        int c = before.cursorRow();
        int h = before.height();
        long[] old = new long[c];
        boolean same = true;
        for (int y = 0; y < c; y++) {
            old[y] = RecordedRows.textHash(before.row(y));
            same &= old[y] == RecordedRows.textHash(after.row(y));
        }
        if (same && c > 0) {
            return false;
        }
        // a scroll by d rows together with a change the renderer's scroll detection does not allow
        for (int d = 1; d < c; d++) {
            boolean shifted = true, anyText = false;
            for (int y = d; y < c && shifted; y++) {
                shifted = old[y] == RecordedRows.textHash(after.row(y - d));
                anyText |= !RecordedRows.isBlankRow(before.row(y));
            }
            if (shifted && anyText) {
                for (int y = 0; y < d; y++) {
                    left.add(before.row(y));
                }
                return false;
            }
        }
        if (after.cursorRow() < after.height() - 1) {
            return false;
        }
        // the cursor's row is a whole line too unless it is the bottom one: a command line just entered, not a
        // line a flood was still writing (half of that one would be a wrong line)
        int whole = c < h - 1 && !RecordedRows.isBlankRow(before.row(c)) ? c + 1 : c;
        boolean anyBefore = false;
        for (int y = 0; y < whole; y++) {
            anyBefore |= !RecordedRows.isBlankRow(before.row(y));
        }
        if (!anyBefore || (whole > c && appears(before.row(c), after))) {
            return false;
        }
        for (int y = 0; y < whole; y++) {
            left.add(before.row(y));
        }
        return true;
    }

    private static boolean appears(Row row, Framebuffer screen) {
        long hash = RecordedRows.textHash(row);
        for (int y = 0; y < screen.height(); y++) {
            if (RecordedRows.textHash(screen.row(y)) == hash) {
                return true;
            }
        }
        return false;
    }
}
