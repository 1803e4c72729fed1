package dev.tern.transport.screen;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows a Mosh session's recording scrolled off, numbered from the session's start: Tern's own emulator over the
 * bytes the companion connection fetched (docs/ARCHITECTURE.md §13). Only the rows the history (the tab's, or the
 * outer terminal's scrollback for the CLI) does not hold yet are kept, at most {@code capacity}; older ones are
 * dropped, which {@link #firstKept()} shows. Thread-safe: the reader thread writes, the painter reads.
 */
public final class RecordedRows {
    /** One row that scrolled off, or a place where bytes were lost (a marker row). */
    public record Entry(Row row, long textHash, String marker) {
        public boolean isMarker() {
            return row == null;
        }
    }

    private final Emulator emulator;
    private final ArrayList<Entry> entries = new ArrayList<>();
    private final int capacity;
    /** The number of the first kept entry. */
    private long base;

    public RecordedRows(int columns, int rows, int capacity) {
        this.emulator = new Emulator(columns, rows, Repertoire.XTERM);
        this.capacity = Math.max(1, capacity);
        this.emulator.setScrollbackSink(row -> add(new Entry(row, textHash(row), null)));
    }

    public synchronized void write(byte[] data, int length) {
        emulator.write(data, 0, length);
        // the program is answered by the live terminal behind mosh-server, never by this copy
        emulator.takeReplies();
    }

    /** {@code bytes} that will never arrive were here (freed by the server's bound): one marker row stands for them. */
    public synchronized void lost(long bytes) {
        add(new Entry(null, 0, "… lines not received: " + Math.max(1, bytes / 1000) + " kB of output were dropped by "
                + "the server's history bound …"));
    }

    public synchronized void resize(int columns, int rows) {
        Framebuffer fb = emulator.framebuffer();
        if (fb.width() != columns || fb.height() != rows) {
            emulator.resize(columns, rows);
        }
    }

    private void add(Entry entry) {
        entries.add(entry);
        if (entries.size() > capacity + capacity / 4) {
            int drop = entries.size() - capacity;
            entries.subList(0, drop).clear();
            base += drop;
        }
    }

    /** The number of the oldest row still kept: rows before it were dropped by the capacity. */
    public synchronized long firstKept() {
        return base;
    }

    /** How many rows have scrolled off the recording since the session started. */
    public synchronized long total() {
        return base + entries.size();
    }

    /**
     * Where the live screen sits in the recording: the number of the recorded row that is the live screen's top
     * row, at or after {@code from}, or -1 when the rows above the live cursor are not found (the recording lags, or
     * there is nothing distinctive to find). The newest match wins.
     */
    public synchronized long topOf(Framebuffer live, long from) {
        int rows = live.cursorRow();
        if (rows < 1 || live.width() != emulator.framebuffer().width()) {
            return -1;
        }
        long[] want = new long[rows];
        boolean anyText = false;
        for (int y = 0; y < rows; y++) {
            want[y] = textHash(live.row(y));
            anyText |= !isBlankRow(live.row(y));
        }
        if (!anyText) {
            return -1;
        }
        Framebuffer screen = emulator.framebuffer();
        long total = base + entries.size();
        // the recording's rows continue with its screen down to (not including) its cursor row, which may still
        // be written to
        long end = total + screen.cursorRow();
        for (long top = end - rows; top >= Math.max(from, base); top--) {
            if (matches(want, top, total, screen)) {
                return top;
            }
        }
        return -1;
    }

    private boolean matches(long[] want, long top, long total, Framebuffer screen) {
        for (int i = 0; i < want.length; i++) {
            long n = top + i;
            long hash;
            if (n < total) {
                Entry e = entries.get((int) (n - base));
                if (e.isMarker()) {
                    return false;
                }
                hash = e.textHash();
            } else {
                hash = textHash(screen.row((int) (n - total)));
            }
            if (hash != want[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The entries numbered {@code from} (inclusive) to {@code to} (exclusive), which may include rows still on the
     * recording's screen; everything before {@code to} is forgotten (the widget holds it from now on).
     */
    public synchronized List<Entry> take(long from, long to) {
        List<Entry> out = new ArrayList<>();
        long total = base + entries.size();
        Framebuffer screen = emulator.framebuffer();
        for (long n = Math.max(from, base); n < to; n++) {
            if (n < total) {
                out.add(entries.get((int) (n - base)));
            } else {
                Row row = screen.row((int) (n - total));
                out.add(new Entry(row, textHash(row), null));
            }
        }
        int forget = (int) Math.min(entries.size(), Math.max(0, to - base));
        entries.subList(0, forget).clear();
        base += forget;
        return out;
    }

    /** The row's text (trailing blanks aside), which is what mosh's screen and this copy must agree on. */
    public static long textHash(Row row) {
        int end = row.width();
        while (end > 0 && isBlank(row.codePoint(end - 1))) {
            end--;
        }
        long h = 1125899906842597L;
        for (int x = 0; x < end; x++) {
            int cp = row.codePoint(x);
            // an erased cell and a written space look alike, and the two emulators may have either
            h = 31 * h + (isBlank(cp) ? ' ' : cp);
        }
        return h;
    }

    public static boolean isBlankRow(Row row) {
        for (int x = 0; x < row.width(); x++) {
            if (!isBlank(row.codePoint(x))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(int codePoint) {
        return codePoint == 0 || codePoint == ' ';
    }
}
