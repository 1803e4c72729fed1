package dev.tern.transport.screen;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One framebuffer row (docs/TERMINAL.md §2.3): cells stored column-wise in primitive arrays, plus a generation number.
 *
 * <p>The generation identifies "the same row" across frames: it is drawn from a process-wide counter when a row is
 * created or wholesale reset, and is kept by copies, so the renderer can recognise rows that merely moved
 * (scroll detection). Rows are shared between framebuffer snapshots copy-on-write: once {@link #freeze() frozen} a
 * row is never mutated again; a framebuffer that needs to change it replaces it by a {@link #mutableCopy()}.
 * Outside this package a row is read-only.
 */
public final class Row {
    static final byte WIDE = 1, FALLBACK = 2, WRAP = 4;
    /** A cell stops accepting combining characters once its contents reach this many UTF-8 bytes. */
    static final int MAX_CONTENTS_UTF8 = 32;
    private static final AtomicLong GENERATIONS = new AtomicLong();

    private long gen;
    /** First code point of the contents, 0 when the contents are empty. */
    final int[] base;
    /** Combining characters after the base (null when none). */
    final String[] tail;
    /** False while no cell of this row has combining characters: lets hot paths skip {@link #tail} entirely. */
    boolean anyTail;
    final long[] rend;
    final byte[] flags;
    private boolean frozen;
    /**
     * Set when the row was frozen on leaving the live screen for a scrollback sink without ever having been part of
     * a snapshot: the sink then holds the only reference, and a {@link ScrollbackBuffer} that drops the row
     * unseen may hand it back to the emulator for reuse.
     */
    private boolean sinkOnly;

    Row(int width, long background) {
        this(width, background, newGeneration());
    }

    /** A blank row with a given generation: the rows one operation inserts share one generation, as in mosh. */
    Row(int width, long background, long generation) {
        base = new int[width];
        tail = new String[width];
        rend = new long[width];
        flags = new byte[width];
        long r = Renditions.erased(background);
        if (r != 0) {
            Arrays.fill(rend, r);
        }
        gen = generation;
    }

    static long newGeneration() {
        return GENERATIONS.incrementAndGet();
    }

    private Row(Row other, int width, long padBackground) {
        int keep = Math.min(width, other.width());
        base = Arrays.copyOf(other.base, width);
        tail = Arrays.copyOf(other.tail, width);
        rend = Arrays.copyOf(other.rend, width);
        flags = Arrays.copyOf(other.flags, width);
        anyTail = other.anyTail;
        if (width > keep) {
            Arrays.fill(rend, keep, width, Renditions.erased(padBackground));
        }
        gen = other.gen;
    }

    public int width() {
        return base.length;
    }

    /** The generation number: equal generations mean "the same row", possibly with edited cells. */
    public long generation() {
        return gen;
    }

    public Cell cell(int x) {
        byte f = flags[x];
        return new Cell(contents(x), rend[x], (f & WIDE) != 0, (f & FALLBACK) != 0, (f & WRAP) != 0);
    }

    public String contents(int x) {
        int b = base[x];
        if (b == 0) {
            return "";
        }
        String t = tail[x];
        String s = Character.toString(b);
        return t == null ? s : s + t;
    }

    public long renditions(int x) {
        return rend[x];
    }

    /** The first code point of a cell's contents (the base character), 0 when the cell is empty. */
    public int codePoint(int x) {
        return base[x];
    }

    /**
     * The columns up to and including the last cell that is written or has a non-default rendition: what a
     * history line must keep (the rest of the row is default blanks). 0 for a blank default row.
     */
    public int usedWidth() {
        int end = base.length;
        while (end > 0 && base[end - 1] == 0 && rend[end - 1] == 0) {
            end--;
        }
        return end;
    }

    public boolean isWide(int x) {
        return (flags[x] & WIDE) != 0;
    }

    public boolean isFallback(int x) {
        return (flags[x] & FALLBACK) != 0;
    }

    /** The row's soft-wrap flag (the wrap bit of its last cell). */
    public boolean wrapped() {
        return width() > 0 && (flags[width() - 1] & WRAP) != 0;
    }

    /** Plain text of the row, one printable grapheme per cell, dead cells after wide characters skipped. */
    public String text() {
        StringBuilder sb = new StringBuilder(width());
        for (int x = 0; x < width(); x++) {
            sb.append(cell(x).printable());
            if (isWide(x)) {
                x++;
            }
        }
        return sb.toString();
    }

    boolean cellEquals(int x, Row other, int ox) {
        return base[x] == other.base[ox] && rend[x] == other.rend[ox] && flags[x] == other.flags[ox]
                && java.util.Objects.equals(tail[x], other.tail[ox]);
    }

    /** Row equality as mosh defines it: same generation and equal cells. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && r.gen == gen && cellsEqual(r);
    }

    public boolean cellsEqual(Row r) {
        if (r == this) {
            return true;
        }
        return Arrays.equals(base, r.base) && Arrays.equals(rend, r.rend) && Arrays.equals(flags, r.flags)
                && Arrays.equals(tail, r.tail);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(gen) * 31 + Arrays.hashCode(base);
    }

    @Override
    public String toString() {
        return "Row[gen=" + gen + ", '" + text() + "'" + (wrapped() ? ", wrapped" : "") + "]";
    }

    // ---- package-private mutation (only on unfrozen rows) ----

    boolean frozen() {
        return frozen;
    }

    void freeze() {
        frozen = true;
    }

    /**
     * Freezes a row that leaves the live screen for a scrollback sink. A row not frozen before was never in a
     * snapshot (snapshots freeze every row they share), so the sink's reference is then the only one.
     */
    void freezeForSink() {
        sinkOnly = !frozen;
        frozen = true;
    }

    /** See {@link #sinkOnly}. */
    boolean sinkOnly() {
        return sinkOnly;
    }

    /** The row was handed on by its sink (to a view, say): it may be referenced anywhere from now on. */
    void shared() {
        sinkOnly = false;
    }

    /**
     * Makes a row that its only holder gave back mutable again, as a blank row of the given rendition and
     * generation. Only for rows whose {@link #sinkOnly} reference was dropped unseen.
     */
    void reuse(long currentRenditions, long generation) {
        frozen = false;
        sinkOnly = false;
        reset(currentRenditions, generation);
    }

    Row mutableCopy() {
        return new Row(this, width(), 0);
    }

    /**
     * A copy resized to {@code width}: the old last cell's wrap bit is cleared first (as mosh does), then the row
     * is truncated or padded with blank cells of the given background. The generation is kept.
     */
    Row resizedCopy(int width, long background) {
        Row r = new Row(this, width(), 0);
        r.setWrap(false);
        return new Row(r, width, background);
    }

    void resetCell(int x, long currentRenditions) {
        base[x] = 0;
        if (anyTail) {
            tail[x] = null;
        }
        rend[x] = Renditions.erased(currentRenditions);
        flags[x] = 0;
    }

    /** Whole-row reset: every cell erased and a new generation (EL 2, ED, scrolled-in rows). */
    void reset(long currentRenditions) {
        reset(currentRenditions, newGeneration());
    }

    void reset(long currentRenditions, long generation) {
        Arrays.fill(base, 0);
        if (anyTail) {
            Arrays.fill(tail, null);
            anyTail = false;
        }
        Arrays.fill(rend, Renditions.erased(currentRenditions));
        Arrays.fill(flags, (byte) 0);
        gen = generation;
    }

    void setWrap(boolean wrap) {
        int last = width() - 1;
        if (last >= 0) {
            flags[last] = (byte) (wrap ? flags[last] | WRAP : flags[last] & ~WRAP);
        }
    }

    /** Appends a combining character to a cell's contents, respecting the 32-byte contents limit. */
    void appendCombining(int x, int cp) {
        if (base[x] == 0) {
            base[x] = cp;
            return;
        }
        String t = tail[x];
        int bytes = utf8Length(base[x]) + (t == null ? 0 : utf8Length(t));
        if (bytes >= MAX_CONTENTS_UTF8) {
            return;
        }
        tail[x] = t == null ? Character.toString(cp) : t + Character.toString(cp);
        anyTail = true;
    }

    static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            n += utf8Length(cp);
            i += Character.charCount(cp);
        }
        return n;
    }

    void copyCell(int to, Row from, int x) {
        base[to] = from.base[x];
        tail[to] = from.tail[x];
        anyTail |= from.tail[x] != null;
        rend[to] = from.rend[x];
        flags[to] = from.flags[x];
    }
}
