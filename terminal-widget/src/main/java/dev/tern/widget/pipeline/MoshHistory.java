package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.model.TerminalLine;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.LeftRows;
import dev.tern.transport.screen.RecordedRows;
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
            recorded.lost(bytes);
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
        boolean unseen = LeftRows.between(before, after, left);
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
}
