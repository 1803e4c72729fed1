package dev.tern.transport.screen;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a change of frame into terminal output: the bytes that make a terminal showing frame {@code shown} show
 * frame {@code next}; in the server role, the same bytes mosh-server writes for the same pair (behaviour and test
 * vectors: docs/TERMINAL.md §4).
 *
 * <p>A frame is written in a fixed order of small steps: bell, titles, clipboard, reverse video; a clean start
 * when the terminal's contents are unknown; a scroll when the new frame is the old one moved up; the rows that
 * still differ; then the cursor, the current attributes and the modes. While writing, a {@link Receiver} models
 * what the terminal will have done with the bytes so far (cursor, attributes, cursor visibility), so each move
 * and attribute change is sent only when needed and as cheaply as possible.
 *
 * <p>Two roles:
 * <ul>
 * <li><b>server</b> ({@link #serverRole()}): what mosh-server writes into its HostBytes; erase-character, erasure
 * in the current background and titles allowed. Round-trip tests feed its output to a second emulator.</li>
 * <li><b>client</b> ({@link #clientRole()}, or {@code new FrameRenderer(false)}): drives a terminal view. It
 * relies on neither erase-character nor background-colour erase and, after drawing the bottom-right cell,
 * positions the cursor absolutely instead of trusting the view's pending-wrap column, so any VT/xterm-compatible
 * view ends up exactly on {@code next}.</li>
 * </ul>
 *
 * <p>Scrollback: {@link #render} also reports the rows of {@code shown} that its output scrolls off the top of the
 * view (when the new frame is the old one moved up). A view that keeps its own history appends
 * {@link RenderResult#scrolledOff()} to it after applying {@link RenderResult#bytes()}. When more than a screenful
 * scrolled between two frames the scroll cannot be seen and the frame is simply redrawn; a tab that sees every
 * byte (local, SSH) should take its history from {@link Emulator#setScrollbackSink} instead and ignore
 * {@code scrolledOff}.
 *
 * <p>Frames should be {@link Framebuffer#snapshot() snapshots}; the renderer only reads them. Stateless and
 * thread-safe.
 */
public final class FrameRenderer {
    /**
     * What the receiving terminal supports.
     *
     * @param hasEch            may use ECH ({@code CSI n X})
     * @param hasBce            erasure fills with the current background colour
     * @param hasTitle          may set titles with OSC 0/1/2
     * @param absoluteAfterLastCell position the cursor absolutely after the bottom-right cell was drawn
     *                              instead of trusting the receiver's pending-wrap column (client-side fix)
     * @param scrollbackIsHistory   the receiver's scrollback is the session's history (a terminal on its normal
     *                              screen, the CLI's {@code --no-init}): rows get there only through
     *                              {@link #intoScrollback}, so frames are never scrolled and the screen is never
     *                              cleared as a whole (many terminals keep what a scroll or a full clear removes:
     *                              xterm, VTE, tmux's {@code scroll-on-clear}); rows are erased one by one instead
     */
    public record Capabilities(boolean hasEch, boolean hasBce, boolean hasTitle, boolean absoluteAfterLastCell,
                               boolean scrollbackIsHistory) {
        /** What mosh's server assumes of its own model terminal. */
        public static final Capabilities SERVER = new Capabilities(true, true, true, false, false);
        /** A terminal view whose ECH/BCE support is not relied upon. */
        public static final Capabilities CLIENT = new Capabilities(false, false, true, true, false);

        public Capabilities(boolean hasEch, boolean hasBce, boolean hasTitle, boolean absoluteAfterLastCell) {
            this(hasEch, hasBce, hasTitle, absoluteAfterLastCell, false);
        }

        /** The same, for a receiver whose scrollback holds the session's history. */
        public Capabilities withScrollbackAsHistory() {
            return new Capabilities(hasEch, hasBce, hasTitle, absoluteAfterLastCell, true);
        }
    }

    /** Blank runs longer than this are erased with ECH (when allowed) rather than written as spaces. */
    private static final int SPACES_UP_TO = 4;

    private final Capabilities caps;

    /**
     * @param hasEcma48CharacterRepeat whether the receiving terminal is known to implement ECH with
     *                                 background-colour erase: {@code true} gives the server role
     *                                 ({@link Capabilities#SERVER}), {@code false} the client role
     *                                 ({@link Capabilities#CLIENT}).
     */
    public FrameRenderer(boolean hasEcma48CharacterRepeat) {
        this(hasEcma48CharacterRepeat ? Capabilities.SERVER : Capabilities.CLIENT);
    }

    public FrameRenderer(Capabilities capabilities) {
        this.caps = capabilities;
    }

    public static FrameRenderer serverRole() {
        return new FrameRenderer(Capabilities.SERVER);
    }

    public static FrameRenderer clientRole() {
        return new FrameRenderer(Capabilities.CLIENT);
    }

    public Capabilities capabilities() {
        return caps;
    }

    /**
     * The bytes (as a string of code points; encode as UTF-8) that turn a terminal showing {@code shown} into one
     * showing {@code next}.
     *
     * @param incremental false to redraw everything (first frame, repaint request); {@code shown} is then only
     *                    consulted for the bell count, clipboard and mouse modes
     */
    public String bytesFor(boolean incremental, Framebuffer shown, Framebuffer next) {
        return render(incremental, shown, next).bytes();
    }

    /** Like {@link #bytesFor} but also reports the rows scrolled off the top. */
    public RenderResult render(boolean incremental, Framebuffer shown, Framebuffer next) {
        Receiver t = new Receiver();
        ringBell(t, shown, next);
        setTitles(t, incremental, shown, next);
        setClipboard(t, shown, next);
        setReverseVideo(t, incremental, shown, next);
        boolean diff = incremental && next.width == shown.width && next.height == shown.height;
        if (diff) {
            t.assumeShowing(shown);
        } else {
            clearScreen(t, next.height);
            t.hideCursor();
        }

        // what the terminal's rows will be once the scroll (if any) is done; null when it was cleared
        Row[] before = diff ? shown.rows.clone() : null;
        List<Row> scrolledOff = List.of();
        int firstRowToDraw = 0;
        Scroll scroll = diff && !caps.scrollbackIsHistory ? Scroll.between(before, next.rows) : null;
        if (scroll != null) {
            scrolledOff = scroll.apply(t, before, next.width);
            firstRowToDraw = scroll.matching;
        }
        boolean wrapCarried = false;
        for (int y = firstRowToDraw; y < next.height; y++) {
            wrapCarried = drawRow(t, next, y, before == null ? null : before[y], wrapCarried);
        }

        placeCursor(t, diff, next);
        t.usePen(next.renditions, !diff);
        setModes(t, diff, shown, next);
        return new RenderResult(t.out.toString(), scrolledOff);
    }

    /**
     * The bytes that append {@code rows} to the scrollback of a terminal on its normal screen, {@code width} by
     * {@code height}, in order: each screenful is drawn from the top and scrolled off by new lines at the bottom.
     * The screen is left blank with its cursor on the bottom row; repaint the frame afterwards
     * ({@code incremental} false). Rows of another width are cut or padded to {@code width}.
     */
    public String intoScrollback(List<Row> rows, int width, int height) {
        Receiver t = new Receiver();
        for (int from = 0; from < rows.size(); from += height) {
            int count = Math.min(height, rows.size() - from);
            Framebuffer page = new Framebuffer(width, height);
            for (int y = 0; y < count; y++) {
                Row row = rows.get(from + y);
                page.rows[y] = row.width() == width ? row : row.resizedCopy(width, Renditions.DEFAULT);
            }
            clearScreen(t, height);
            boolean wrapCarried = false;
            for (int y = 0; y < count; y++) {
                // a soft wrap into the next page cannot be carried: that row is drawn on a page of its own
                wrapCarried = drawRow(t, page, y, null, wrapCarried) && y < count - 1;
            }
            t.usePen(Renditions.DEFAULT, true); // the lines scrolled in must be blank
            t.forgetCursor();
            t.moveTo(height - 1, 0);
            t.out.repeat('\n', count);
        }
        return t.out.toString();
    }

    /** A clean start: everything reset and the screen blank, cursor home. */
    private void clearScreen(Receiver t, int height) {
        if (!caps.scrollbackIsHistory) {
            t.clearScreen();
            return;
        }
        t.out.append("\033[r\033[0m");
        for (int y = 0; y < height; y++) {
            t.out.append("\033[").append(y + 1).append(";1H\033[2K");
        }
        t.out.append("\033[H");
        t.row = 0;
        t.col = 0;
        t.pen = Renditions.DEFAULT;
    }

    // ---- the steps before the rows ----

    private static void ringBell(Receiver t, Framebuffer shown, Framebuffer next) {
        if (next.bellCount != shown.bellCount) {
            t.out.append('\007');
        }
    }

    private void setTitles(Receiver t, boolean incremental, Framebuffer shown, Framebuffer next) {
        if (!caps.hasTitle || !next.titleInitialized) {
            return;
        }
        if (incremental && next.iconName.equals(shown.iconName) && next.windowTitle.equals(shown.windowTitle)) {
            return;
        }
        if (next.iconName.equals(next.windowTitle)) {
            t.out.append("\033]0;").append(next.windowTitle).append('\007');
        } else {
            t.out.append("\033]1;").append(next.iconName).append('\007');
            t.out.append("\033]2;").append(next.windowTitle).append('\007');
        }
    }

    /** A copy is sent once: the same text copied twice in a row is not sent again. */
    private static void setClipboard(Receiver t, Framebuffer shown, Framebuffer next) {
        if (!next.clipboard.equals(shown.clipboard)) {
            t.out.append("\033]52;c;").append(next.clipboard).append('\007');
        }
    }

    private static void setReverseVideo(Receiver t, boolean incremental, Framebuffer shown, Framebuffer next) {
        if (!incremental || next.reverseVideo != shown.reverseVideo) {
            t.out.append(next.reverseVideo ? "\033[?5h" : "\033[?5l");
        }
    }

    // ---- scrolling ----

    /**
     * The new frame's top rows are the old frame's rows from {@code shift} down: the terminal can scroll them up
     * instead of redrawing them. Only upward scrolls of a region starting at the top are recognised.
     *
     * @param shift    how many rows the content moved up (rows leaving at the top)
     * @param matching how many rows at the top of the new frame the scroll brings into place
     */
    private record Scroll(int shift, int matching) {
        /** The scroll that explains the most rows, or null when the top row did not move up. */
        static Scroll between(Row[] before, Row[] after) {
            int height = after.length;
            int shift = 0;
            for (int i = 0; i < height; i++) {
                if (before[i].equals(after[0])) {
                    shift = i;
                    break;
                }
            }
            if (shift == 0) {
                return null;
            }
            int matching = 1;
            while (shift + matching < height && after[matching].equals(before[shift + matching])) {
                matching++;
            }
            return new Scroll(shift, matching);
        }

        /** Last row of the scrolled region. */
        int regionBottom() {
            return shift + matching - 1;
        }

        /** Sends the scroll and updates {@code before} to what the terminal then shows; returns the rows gone. */
        List<Row> apply(Receiver t, Row[] before, int width) {
            int height = before.length;
            int bottom = regionBottom();
            t.usePen(Renditions.DEFAULT, true); // new lines must come in with the default background
            if (bottom == height - 1 && t.row == height - 1) {
                // the whole screen scrolls and the cursor is already on the bottom line: new lines do it
                t.out.append('\r');
                t.out.repeat('\n', shift);
                t.col = 0;
            } else {
                t.out.append("\033[1;").append(bottom + 1).append('r');
                t.forgetCursor(); // setting the region moves the cursor
                t.moveQuietly(bottom, 0);
                t.out.repeat('\n', shift);
                t.out.append("\033[r");
                t.forgetCursor();
            }
            List<Row> gone = new ArrayList<>(shift);
            for (int y = 0; y < shift; y++) {
                gone.add(before[y]);
            }
            Row blank = new Row(width, Renditions.DEFAULT);
            for (int y = 0; y <= bottom; y++) {
                before[y] = y + shift <= bottom ? before[y + shift] : blank;
            }
            return gone;
        }
    }

    // ---- rows ----

    /**
     * Brings row {@code y} up to date. {@code was} is what the terminal shows there (null after a clear).
     * Unchanged cells are skipped, runs of blank cells are erased, the rest is drawn. A soft-wrapped row's last
     * glyph is written without a move, and the next row's first glyph right after it, so that the terminal wraps
     * by itself and marks the row as wrapped too.
     *
     * @param wrapCarried the previous row soft-wrapped into this one and its first glyph is due now
     * @return whether this row hands such a wrap to the next one
     */
    private boolean drawRow(Receiver t, Framebuffer next, int y, Row was, boolean wrapCarried) {
        Row row = next.rows[y];
        int width = next.width;
        int x = 0;
        if (wrapCarried) {
            t.usePen(row.rend[0], false);
            x = t.print(row, 0);
        }
        if (row == was) {
            return false;
        }
        boolean softWrapped = row.wrapped();
        BlankRun blanks = new BlankRun();
        boolean reachedEnd = false;
        while (x < width) {
            int cellWidth = row.isWide(x) ? 2 : 1;
            // once a blank run has begun, cells are compared no more: the run must end where it ends
            if (was != null && blanks.length == 0 && row.cellEquals(x, was, x)) {
                x += cellWidth;
                continue;
            }
            boolean empty = row.base[x] == 0;
            if (empty && blanks.takes(row.rend[x])) {
                blanks.add(row.rend[x]);
                x++;
                continue;
            }
            if (blanks.length > 0) {
                eraseRun(t, y, x, blanks);
                if (empty) {
                    blanks.add(row.rend[x]);
                    x++;
                    continue;
                }
            }
            if (softWrapped && x + cellWidth >= width) {
                t.forgetCursor(); // the wrap-carrying glyph is placed absolutely
            }
            t.moveQuietly(y, x);
            t.usePen(row.rend[x], false);
            t.print(row, x);
            x += cellWidth;
            reachedEnd |= x >= width;
        }
        if (blanks.length > 0) {
            reachedEnd |= eraseToEnd(t, y, x, width, blanks, softWrapped);
        }
        return nextLine(t, next, y, reachedEnd, softWrapped);
    }

    /** Blank cells with one set of attributes, waiting to be erased in one go. */
    private static final class BlankRun {
        int length;
        long renditions;

        boolean takes(long r) {
            return length == 0 || r == renditions;
        }

        void add(long r) {
            if (length == 0) {
                renditions = r;
            }
            length++;
        }
    }

    /** Whether erasing with pen {@code r} leaves the same cells as writing spaces would. */
    private boolean eraseMatchesSpaces(long r) {
        return caps.hasBce || r == Renditions.DEFAULT;
    }

    /** Erases the run that ends just before {@code end}: ECH when allowed and worth it, else spaces. */
    private void eraseRun(Receiver t, int y, int end, BlankRun blanks) {
        t.moveQuietly(y, end - blanks.length);
        t.usePen(blanks.renditions, false);
        if (eraseMatchesSpaces(blanks.renditions) && caps.hasEch && blanks.length > SPACES_UP_TO) {
            t.out.append("\033[").append(blanks.length).append('X');
        } else {
            t.out.repeat(' ', blanks.length);
            t.col = end;
        }
        blanks.length = 0;
    }

    /**
     * Erases a run reaching the end of the row: EL when allowed, else spaces. A soft-wrapped row always gets
     * spaces, because its wrap only happens if its last column is written.
     *
     * @return whether the row's last column was written
     */
    private boolean eraseToEnd(Receiver t, int y, int end, int width, BlankRun blanks, boolean softWrapped) {
        t.moveQuietly(y, end - blanks.length);
        t.usePen(blanks.renditions, false);
        if (eraseMatchesSpaces(blanks.renditions) && !softWrapped) {
            t.out.append("\033[K");
            return false;
        }
        t.out.repeat(' ', blanks.length);
        t.col = width;
        return true;
    }

    /**
     * After a row whose last column was written the terminal's cursor waits to wrap: let it wrap (soft-wrapped
     * row), or go to the next line with CR LF. On the bottom row nothing is sent.
     */
    private boolean nextLine(Receiver t, Framebuffer next, int y, boolean reachedEnd, boolean softWrapped) {
        if (!reachedEnd) {
            return false;
        }
        if (y < next.height - 1) {
            t.col = 0;
            t.row = y + 1;
            if (softWrapped) {
                return true;
            }
            t.out.append("\r\n");
            return false;
        }
        if (caps.absoluteAfterLastCell) {
            t.forgetCursor(); // a view's pending-wrap column is not the one the model assumes
        }
        return false;
    }

    // ---- the steps after the rows ----

    private static void placeCursor(Receiver t, boolean diff, Framebuffer next) {
        if (!diff || next.cursorRow != t.row || next.cursorCol != t.col) {
            t.moveTo(next.cursorRow, next.cursorCol);
        }
        if (!diff || next.cursorVisible != t.cursorShown) {
            t.out.append(next.cursorVisible ? "\033[?25h" : "\033[?25l");
        }
    }

    private static void setModes(Receiver t, boolean diff, Framebuffer shown, Framebuffer next) {
        if (!diff || next.bracketedPaste != shown.bracketedPaste) {
            t.out.append(next.bracketedPaste ? "\033[?2004h" : "\033[?2004l");
        }
        if (!diff || next.mouseReportingMode != shown.mouseReportingMode) {
            switchMode(t, shown.mouseReportingMode, next.mouseReportingMode, MouseMode.NONE,
                    "\033[?1003l\033[?1002l\033[?1001l\033[?1000l");
        }
        if (!diff || next.mouseFocusEvent != shown.mouseFocusEvent) {
            t.out.append(next.mouseFocusEvent ? "\033[?1004h" : "\033[?1004l");
        }
        if (!diff || next.mouseEncodingMode != shown.mouseEncodingMode) {
            switchMode(t, shown.mouseEncodingMode, next.mouseEncodingMode, MouseMode.ENCODING_DEFAULT,
                    "\033[?1015l\033[?1006l\033[?1005l");
        }
    }

    /** One of a family of exclusive DEC modes: back to the default turns every member off. */
    private static void switchMode(Receiver t, int from, int to, int off, String allOff) {
        if (to == off) {
            t.out.append(allOff);
            return;
        }
        if (from != off) {
            t.out.append("\033[?").append(from).append('l');
        }
        t.out.append("\033[?").append(to).append('h');
    }

    /**
     * The output so far and what the receiving terminal will make of it: where its cursor is (row or col -1:
     * not known), its current attributes and whether its cursor is visible.
     */
    private static final class Receiver {
        /** Moves this much shorter are made with CR, LF and BS instead of an absolute position. */
        private static final int SHORT_MOVE = 5;

        final StringBuilder out = new StringBuilder(256);
        int row, col;
        long pen;
        boolean cursorShown;

        void assumeShowing(Framebuffer shown) {
            row = shown.cursorRow;
            col = shown.cursorCol;
            pen = shown.renditions;
            cursorShown = shown.cursorVisible;
        }

        /** Full reset of the scroll region, attributes and screen, cursor home. */
        void clearScreen() {
            out.append("\033[r\033[0m\033[H\033[2J");
            row = 0;
            col = 0;
            pen = Renditions.DEFAULT;
        }

        void hideCursor() {
            out.append("\033[?25l");
            cursorShown = false;
        }

        void forgetCursor() {
            row = -1;
            col = -1;
        }

        /** Moves for drawing: hides a visible cursor first, so it is not seen jumping around. */
        void moveQuietly(int toRow, int toCol) {
            if (row == toRow && col == toCol) {
                return;
            }
            if (cursorShown) {
                hideCursor();
            }
            moveTo(toRow, toCol);
        }

        /** The cheapest of CR + LFs (to a line start a little below), BSs (a little left) and an absolute move. */
        void moveTo(int toRow, int toCol) {
            boolean known = row != -1 && col != -1;
            int down = toRow - row;
            int left = col - toCol;
            int fromCol = col;
            row = toRow;
            col = toCol;
            if (known && toCol == 0 && down >= 0 && down < SHORT_MOVE) {
                if (fromCol != 0) {
                    out.append('\r');
                }
                out.repeat('\n', down);
            } else if (known && down == 0 && left > 0 && left < SHORT_MOVE) {
                out.repeat('\b', left);
            } else {
                out.append("\033[").append(toRow + 1).append(';').append(toCol + 1).append('H');
            }
        }

        void usePen(long renditions, boolean evenIfSame) {
            if (evenIfSame || renditions != pen) {
                Renditions.appendSgr(out, renditions);
                pen = renditions;
            }
        }

        /** Writes one cell's glyph and advances the cursor past it; returns the column after it. */
        int print(Row r, int x) {
            int b = r.base[x];
            if (b == 0) {
                out.append(' ');
            } else {
                if (r.isFallback(x)) {
                    out.append('\u00A0'); // a lone combining mark needs a base to attach to
                }
                out.appendCodePoint(b);
                String t = r.tail[x];
                if (t != null) {
                    out.append(t);
                }
            }
            int advance = r.isWide(x) ? 2 : 1;
            col += advance;
            return x + advance;
        }
    }
}
