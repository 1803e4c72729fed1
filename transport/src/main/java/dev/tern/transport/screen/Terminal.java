package dev.tern.transport.screen;

import java.util.Arrays;

/**
 * The control functions of mosh's emulator (docs/TERMINAL.md §3.4–3.6) applied to a {@link Framebuffer}: printing with
 * pending wrap, combining characters and wide cells, cursor motion, scrolling, erasure with background-colour
 * erase, modes, SGR, OSC. The {@link Parser} decides what to call; this class decides what it does.
 *
 * <p>With the {@link Repertoire#XTERM} repertoire a few common xterm functions that mosh ignores are added on
 * top (alternate screen, REP, CNL/CPL, save/restore cursor by CSI, DEC line drawing); everything mosh knows
 * behaves exactly as in mosh.
 */
final class Terminal {
    private final Framebuffer fb;
    private final Repertoire repertoire;
    private final StringBuilder replies;
    private final Emulator.SinkSlot scrollback;

    // xterm extras (only used with Repertoire.XTERM)
    private Row[] savedPrimaryRows;
    private final Row[] recycled = new Row[8];
    private int altSavedRow, altSavedCol;
    private long altSavedRenditions;
    private int lastPrinted = -1;
    private boolean g0LineDrawing;

    Terminal(Framebuffer fb, Repertoire repertoire, StringBuilder replies, Emulator.SinkSlot scrollback) {
        this.fb = fb;
        this.repertoire = repertoire;
        this.replies = replies;
        this.scrollback = scrollback;
    }

    Terminal copy(Framebuffer newFb, StringBuilder newReplies, Emulator.SinkSlot sink) {
        Terminal t = new Terminal(newFb, repertoire, newReplies, sink);
        if (savedPrimaryRows != null) {
            for (Row r : savedPrimaryRows) {
                r.freeze();
            }
            t.savedPrimaryRows = savedPrimaryRows.clone();
        }
        t.altSavedRow = altSavedRow;
        t.altSavedCol = altSavedCol;
        t.altSavedRenditions = altSavedRenditions;
        t.lastPrinted = lastPrinted;
        t.g0LineDrawing = g0LineDrawing;
        return t;
    }

    Framebuffer fb() {
        return fb;
    }

    boolean alternateScreenActive() {
        return savedPrimaryRows != null;
    }

    // ------------------------------------------------------------------ cursor motion (DrawState)

    private int limitTop() {
        return fb.originMode ? fb.scrollTop : 0;
    }

    private int limitBottom() {
        return fb.originMode ? fb.scrollBottom : fb.height - 1;
    }

    private void snapCursor() {
        Framebuffer f = fb;
        int top = limitTop(), bottom = limitBottom();
        if (f.cursorRow < top) f.cursorRow = top;
        if (f.cursorRow > bottom) f.cursorRow = bottom;
        if (f.cursorCol < 0) f.cursorCol = 0;
        if (f.cursorCol > f.width - 1) f.cursorCol = f.width - 1;
    }

    private void newGrapheme() {
        fb.combiningRow = fb.cursorRow;
        fb.combiningCol = fb.cursorCol;
    }

    void moveRow(int n, boolean relative) {
        Framebuffer f = fb;
        if (relative) {
            f.cursorRow += n;
        } else {
            f.cursorRow = n + (f.originMode ? f.scrollTop : 0);
        }
        snapCursor();
        newGrapheme();
        f.nextPrintWillWrap = false;
    }

    /** An explicit column move: clamps, starts a new grapheme at the new cursor, cancels pending wrap. */
    void moveCol(int n, boolean relative) {
        Framebuffer f = fb;
        if (relative) {
            f.cursorCol += n;
        } else {
            f.cursorCol = n;
        }
        snapCursor();
        newGrapheme();
        f.nextPrintWillWrap = false;
    }

    /** The implicit move after printing: the printed cell stays the combining target. */
    private void implicitMoveCol(int n) {
        Framebuffer f = fb;
        newGrapheme();
        f.cursorCol += n;
        f.nextPrintWillWrap = f.cursorCol >= f.width;
        if (f.cursorCol > f.width - 1) f.cursorCol = f.width - 1;
    }

    /** Line feed or reverse line feed with scrolling inside the region (mosh's move_rows_autoscroll). */
    void moveRowsAutoscroll(int n) {
        Framebuffer f = fb;
        if (f.cursorRow < f.scrollTop || f.cursorRow > f.scrollBottom) {
            moveRow(n, true);
            return;
        }
        int target = f.cursorRow + n;
        if (target > f.scrollBottom) {
            scrollUp(target - f.scrollBottom);
            moveRow(f.scrollBottom - f.cursorRow, true);
        } else if (target < f.scrollTop) {
            scrollDown(f.scrollTop - target);
            moveRow(f.scrollTop - f.cursorRow, true);
        } else {
            moveRow(n, true);
        }
    }

    // ------------------------------------------------------------------ row operations

    /** Content of the scroll region moves up {@code n} rows; blank rows (current background) enter at the bottom. */
    void scrollUp(int n) {
        deleteLines(fb.scrollTop, n);
    }

    void scrollDown(int n) {
        insertLines(fb.scrollTop, n);
    }

    /** IL internals: only if top ≤ row ≤ bottom+1; k rows leave the region bottom, k blank rows enter at row. */
    void insertLines(int row, int n) {
        Framebuffer f = fb;
        if (row < f.scrollTop || row > f.scrollBottom + 1) {
            return;
        }
        int k = Math.min(n, f.scrollBottom + 1 - row);
        if (k <= 0) {
            return;
        }
        Row[] rows = f.rows;
        Row[] removed = k <= recycled.length ? recycled : new Row[k];
        for (int y = 0; y < k; y++) {
            removed[y] = rows[f.scrollBottom + 1 - k + y];
        }
        System.arraycopy(rows, row, rows, row + k, f.scrollBottom + 1 - row - k);
        long gen = Row.newGeneration();
        for (int y = 0; y < k; y++) {
            rows[row + y] = blankRow(removed[y], gen);
            removed[y] = null;
        }
    }

    /** DL internals: only if top ≤ row ≤ bottom; k rows removed at row, k blank rows fill the region bottom. */
    void deleteLines(int row, int n) {
        Framebuffer f = fb;
        if (row < f.scrollTop || row > f.scrollBottom) {
            return;
        }
        int k = Math.min(n, f.scrollBottom + 1 - row);
        if (k <= 0) {
            return;
        }
        Row[] rows = f.rows;
        boolean keep = row == 0 && scrollback != null && scrollback.wantsRows() && savedPrimaryRows == null;
        Row[] removed = k <= recycled.length ? recycled : new Row[k];
        for (int y = 0; y < k; y++) {
            Row gone = rows[row + y];
            if (keep) {
                gone.freezeForSink();
                // the row the scrollback dropped for it, when nobody saw that one (a flood outrunning the frames)
                gone = scrollback.scrolledOff(gone, f.width);
            }
            removed[y] = gone;
        }
        System.arraycopy(rows, row + k, rows, row, f.scrollBottom + 1 - row - k);
        long gen = Row.newGeneration();
        for (int y = 0; y < k; y++) {
            Row r = removed[y];
            removed[y] = null;
            if (keep && r != null) {
                r.reuse(f.renditions, gen);
            } else {
                r = blankRow(r, gen);
            }
            rows[f.scrollBottom + 1 - k + y] = r;
        }
    }

    /**
     * A blank row of the current background and the given generation: {@code old} itself when nobody else can see
     * it (not frozen, so in no snapshot) and it has the screen's width, else a new row. {@code cat}-style output
     * then allocates nothing per line.
     */
    private Row blankRow(Row old, long gen) {
        if (old != null && !old.frozen() && old.width() == fb.width) {
            old.reset(fb.renditions, gen);
            return old;
        }
        return new Row(fb.width, fb.renditions, gen);
    }

    private void resetRow(int y) {
        fb.rows[y] = blankRow(fb.rows[y], Row.newGeneration());
    }

    private void clearCells(int y, int from, int to) {
        from = Math.max(0, from);
        to = Math.min(fb.width - 1, to);
        if (from > to) {
            return;
        }
        Row r = fb.mutableRow(y);
        long rend = Renditions.erased(fb.renditions);
        Arrays.fill(r.base, from, to + 1, 0);
        if (r.anyTail) {
            Arrays.fill(r.tail, from, to + 1, null);
        }
        Arrays.fill(r.rend, from, to + 1, rend);
        Arrays.fill(r.flags, from, to + 1, (byte) 0);
    }

    private void insertCells(int y, int col, int n) {
        Framebuffer f = fb;
        Row r = f.mutableRow(y);
        int w = f.width;
        n = Math.min(n, w - col);
        if (n <= 0) {
            return;
        }
        int move = w - col - n;
        System.arraycopy(r.base, col, r.base, col + n, move);
        if (r.anyTail) {
            System.arraycopy(r.tail, col, r.tail, col + n, move);
        }
        System.arraycopy(r.rend, col, r.rend, col + n, move);
        System.arraycopy(r.flags, col, r.flags, col + n, move);
        clearCells(y, col, col + n - 1);
    }

    private void deleteCells(int y, int col, int n) {
        Framebuffer f = fb;
        Row r = f.mutableRow(y);
        int w = f.width;
        n = Math.min(n, w - col);
        if (n <= 0) {
            return;
        }
        int move = w - col - n;
        System.arraycopy(r.base, col + n, r.base, col, move);
        if (r.anyTail) {
            System.arraycopy(r.tail, col + n, r.tail, col, move);
        }
        System.arraycopy(r.rend, col + n, r.rend, col, move);
        System.arraycopy(r.flags, col + n, r.flags, col, move);
        clearCells(y, w - n, w - 1);
    }

    // ------------------------------------------------------------------ printing

    /** Prints one code point (docs/TERMINAL.md §3.6). */
    void print(int cp) {
        if (g0LineDrawing && cp >= 0x5F && cp <= 0x7E) {
            cp = LINE_DRAWING[cp - 0x5F];
        }
        int w = CharWidth.of(cp);
        if (w < 0) {
            return;
        }
        Framebuffer f = fb;
        if (w == 0) {
            printCombining(cp);
            return;
        }
        lastPrinted = cp;
        if (f.autoWrapMode && f.nextPrintWillWrap) {
            f.mutableRow(f.cursorRow).setWrap(true);
            moveCol(0, false);
            moveRowsAutoscroll(1);
        } else if (f.autoWrapMode && w == 2 && f.cursorCol == f.width - 1) {
            Row r = f.mutableRow(f.cursorRow);
            r.resetCell(f.cursorCol, f.renditions);
            r.setWrap(false);
            moveCol(0, false);
            moveRowsAutoscroll(1);
        }
        if (f.insertMode) {
            insertCells(f.cursorRow, f.cursorCol, w);
        }
        Row r = f.mutableRow(f.cursorRow);
        int x = f.cursorCol;
        r.base[x] = cp;
        if (r.anyTail) {
            r.tail[x] = null;
        }
        r.rend[x] = f.renditions;
        r.flags[x] = w == 2 ? Row.WIDE : 0;
        if (w == 2 && x + 1 < f.width) {
            r.resetCell(x + 1, f.renditions);
        }
        implicitMoveCol(w);
    }

    /**
     * Prints a run of printable ASCII (0x20..0x7E) starting at {@code off}; the hot path of {@code cat bigfile}.
     * Equivalent to calling {@link #print} for each byte.
     */
    void printAscii(byte[] b, int off, int end) {
        if (g0LineDrawing || fb.insertMode) {
            for (int i = off; i < end; i++) {
                print(b[i]);
            }
            return;
        }
        Framebuffer f = fb;
        int i = off;
        while (i < end) {
            if (f.nextPrintWillWrap && f.autoWrapMode) {
                f.mutableRow(f.cursorRow).setWrap(true);
                moveCol(0, false);
                moveRowsAutoscroll(1);
            }
            Row r = f.mutableRow(f.cursorRow);
            int x = f.cursorCol;
            int w = f.width;
            long rend = f.renditions;
            // characters that fit before the last column never wrap: store them in one sweep
            int n = Math.min(end - i, w - 1 - x);
            for (int k = 0; k < n; k++) {
                r.base[x + k] = b[i + k];
            }
            if (n > 0) {
                if (r.anyTail) {
                    Arrays.fill(r.tail, x, x + n, null);
                }
                Arrays.fill(r.rend, x, x + n, rend);
                Arrays.fill(r.flags, x, x + n, (byte) 0);
                i += n;
                f.combiningRow = f.cursorRow;
                f.combiningCol = x + n - 1;
                f.cursorCol = x + n;
                f.nextPrintWillWrap = false;
                lastPrinted = b[i - 1];
            }
            if (i < end) {
                // the last column (or autowrap off): the general rule handles pending wrap
                print(b[i]);
                i++;
            }
        }
    }

    private void printCombining(int cp) {
        Framebuffer f = fb;
        int row = f.combiningRow, col = f.combiningCol;
        if (row < 0 || col < 0 || row >= f.height || col >= f.width) {
            return;
        }
        Row r = f.mutableRow(row);
        if (r.base[col] == 0) {
            r.flags[col] |= Row.FALLBACK;
            implicitMoveCol(1);
        }
        r.appendCombining(col, cp);
    }

    // ------------------------------------------------------------------ C0 / C1 controls

    /** Executes a control function (C0 or C1); the dispatcher's pending-wrap rule is applied here. */
    void execute(int c) {
        Framebuffer f = fb;
        switch (c) {
            case 0x07 -> {
                f.bellCount++;
                f.nextPrintWillWrap = false;
            }
            case 0x08 -> {
                if (f.nextPrintWillWrap && repertoire.backspaceCancelsPendingWrap()) {
                    f.nextPrintWillWrap = false;
                } else {
                    moveCol(-1, true);
                }
            }
            case 0x09 -> horizontalTab(1);
            case 0x0A, 0x0B, 0x0C, 0x84 -> {
                moveRowsAutoscroll(1);
                f.nextPrintWillWrap = false;
            }
            case 0x0D -> moveCol(0, false);
            case 0x85 -> {
                moveCol(0, false);
                moveRowsAutoscroll(1);
            }
            case 0x88 -> {
                f.tabs[f.cursorCol] = true;
                f.nextPrintWillWrap = false;
            }
            case 0x8D -> {
                moveRowsAutoscroll(-1);
                f.nextPrintWillWrap = false;
            }
            default -> f.nextPrintWillWrap = false;
        }
    }

    private void horizontalTab(int count) {
        Framebuffer f = fb;
        boolean wrap = f.nextPrintWillWrap;
        for (int i = 0; i < count; i++) {
            if (i > 0 && f.cursorCol == f.width - 1) {
                break;  // further tabs cannot move: CHT 65535 costs no more than one
            }
            int col = f.width - 1;
            for (int x = f.cursorCol + 1; x < f.width; x++) {
                if (f.tabs[x]) {
                    col = x;
                    break;
                }
            }
            moveCol(col, false);
        }
        f.nextPrintWillWrap = wrap;
    }

    private void backTab(int count) {
        Framebuffer f = fb;
        boolean wrap = f.nextPrintWillWrap;
        for (int i = 0; i < count; i++) {
            if (i > 0 && f.cursorCol == 0) {
                break;
            }
            int col = 0;
            for (int x = f.cursorCol - 1; x > 0; x--) {
                if (f.tabs[x]) {
                    col = x;
                    break;
                }
            }
            moveCol(col, false);
        }
        f.nextPrintWillWrap = wrap;
    }

    // ------------------------------------------------------------------ ESC sequences

    void escDispatch(String intermediates, int fin) {
        Framebuffer f = fb;
        if (intermediates.isEmpty() && fin >= 0x40 && fin <= 0x5F) {
            execute(fin + 0x40);
            return;
        }
        f.nextPrintWillWrap = false;
        if (intermediates.isEmpty()) {
            switch (fin) {
                case '7' -> saveCursor();
                case '8' -> restoreCursor();
                case 'c' -> fullReset();
                case '=' -> f.applicationKeypad = true;
                case '>' -> f.applicationKeypad = false;
                default -> {
                }
            }
        } else if (intermediates.equals("#") && fin == '8') {
            screenAlignment();
        } else if (repertoire.xterm() && intermediates.equals("(")) {
            g0LineDrawing = fin == '0';
        }
    }

    private void saveCursor() {
        Framebuffer f = fb;
        f.savedRow = f.cursorRow;
        f.savedCol = f.cursorCol;
        f.savedRenditions = f.renditions;
        f.savedAutoWrap = f.autoWrapMode;
        f.savedOrigin = f.originMode;
    }

    private void restoreCursor() {
        Framebuffer f = fb;
        f.cursorRow = f.savedRow;
        f.cursorCol = f.savedCol;
        f.renditions = f.savedRenditions;
        f.autoWrapMode = f.savedAutoWrap;
        f.originMode = f.savedOrigin;
        snapCursor();
        newGrapheme();
        f.nextPrintWillWrap = false;
    }

    private void screenAlignment() {
        Framebuffer f = fb;
        for (int y = 0; y < f.height; y++) {
            Row r = f.mutableRow(y);
            for (int x = 0; x < f.width; x++) {
                r.resetCell(x, f.renditions);
                r.base[x] = 'E';
            }
        }
    }

    /** RIS: everything back to defaults except icon name, bell count and title_initialized. */
    void fullReset() {
        Framebuffer f = fb;
        if (savedPrimaryRows != null) {
            f.rows = savedPrimaryRows;
            savedPrimaryRows = null;
        }
        Framebuffer fresh = new Framebuffer(f.width, f.height);
        f.rows = fresh.rows;
        f.cursorRow = f.cursorCol = 0;
        f.combiningRow = f.combiningCol = 0;
        f.nextPrintWillWrap = false;
        f.originMode = false;
        f.autoWrapMode = true;
        f.insertMode = false;
        f.cursorVisible = true;
        f.reverseVideo = false;
        f.bracketedPaste = false;
        f.mouseReportingMode = MouseMode.NONE;
        f.mouseEncodingMode = MouseMode.ENCODING_DEFAULT;
        f.mouseFocusEvent = false;
        f.mouseAlternateScroll = false;
        f.applicationCursorKeys = false;
        f.applicationKeypad = false;
        f.cursorStyle = 0;
        f.tabs = Framebuffer.defaultTabStops(f.width);
        f.defaultTabs = true;
        f.scrollTop = 0;
        f.scrollBottom = f.height - 1;
        f.renditions = Renditions.DEFAULT;
        clearSavedCursor();
        f.windowTitle = "";
        f.clipboard = "";
        g0LineDrawing = false;
    }

    private void clearSavedCursor() {
        Framebuffer f = fb;
        f.savedRow = 0;
        f.savedCol = 0;
        f.savedRenditions = Renditions.DEFAULT;
        f.savedAutoWrap = true;
        f.savedOrigin = false;
    }

    private void softReset() {
        Framebuffer f = fb;
        f.insertMode = false;
        f.originMode = false;
        f.cursorVisible = true;
        f.applicationCursorKeys = false;
        f.scrollTop = 0;
        f.scrollBottom = f.height - 1;
        f.renditions = Renditions.DEFAULT;
        clearSavedCursor();
    }

    // ------------------------------------------------------------------ CSI sequences

    /**
     * Dispatches a CSI sequence.
     *
     * @param p       parsed parameters: -1 for empty or out of range
     * @param count   number of parameter fields (an empty string counts as one)
     * @param inter   collected intermediates and private markers
     * @param fin     final character
     */
    void csiDispatch(int[] p, int count, String inter, int fin) {
        Framebuffer f = fb;
        boolean wrap = f.nextPrintWillWrap;
        f.nextPrintWillWrap = false;
        if (inter.isEmpty()) {
            switch (fin) {
                case '@' -> insertCells(f.cursorRow, f.cursorCol, param(p, count, 0, 1));
                case 'A' -> moveRow(-param(p, count, 0, 1), true);
                case 'B' -> moveRow(param(p, count, 0, 1), true);
                case 'C' -> moveCol(param(p, count, 0, 1), true);
                case 'D' -> moveCol(-param(p, count, 0, 1), true);
                case 'G', '`' -> moveCol(param(p, count, 0, 1) - 1, false);
                case 'H', 'f' -> {
                    moveRow(param(p, count, 0, 1) - 1, false);
                    moveCol(param(p, count, 1, 1) - 1, false);
                }
                case 'I' -> {
                    f.nextPrintWillWrap = wrap;
                    horizontalTab(param(p, count, 0, 1));
                }
                case 'J' -> eraseInDisplay(param(p, count, 0, 0));
                case 'K' -> eraseInLine(param(p, count, 0, 0));
                case 'L' -> {
                    insertLines(f.cursorRow, param(p, count, 0, 1));
                    moveCol(0, false);
                }
                case 'M' -> {
                    deleteLines(f.cursorRow, param(p, count, 0, 1));
                    moveCol(0, false);
                }
                case 'P' -> deleteCells(f.cursorRow, f.cursorCol, param(p, count, 0, 1));
                case 'S' -> scrollUp(param(p, count, 0, 1));
                case 'T' -> scrollDown(param(p, count, 0, 1));
                case 'X' -> {
                    int n = param(p, count, 0, 1);
                    clearCells(f.cursorRow, f.cursorCol, (int) Math.min((long) f.cursorCol + n - 1, f.width - 1));
                }
                case 'Z' -> {
                    f.nextPrintWillWrap = wrap;
                    backTab(param(p, count, 0, 1));
                }
                case 'c' -> replies.append("\033[?62c");
                case 'd' -> moveRow(param(p, count, 0, 1) - 1, false);
                case 'g' -> {
                    f.nextPrintWillWrap = wrap;
                    clearTabs(param(p, count, 0, 0));
                }
                case 'h', 'l' -> {
                    for (int i = 0; i < count; i++) {
                        if (p[i] == 4) {
                            f.insertMode = fin == 'h';
                        }
                    }
                }
                case 'm' -> {
                    f.nextPrintWillWrap = wrap;
                    sgr(p, count);
                }
                case 'n' -> deviceStatus(param(p, count, 0, 0));
                case 'r' -> setScrollingRegion(param(p, count, 0, 1), param(p, count, 1, f.height));
                default -> xtermCsi(p, count, fin);
            }
        } else if (inter.equals("?") && (fin == 'h' || fin == 'l')) {
            f.nextPrintWillWrap = wrap;
            for (int i = 0; i < count; i++) {
                decMode(p[i], fin == 'h');
            }
        } else if (inter.equals(">") && fin == 'c') {
            replies.append("\033[>1;10;0c");
        } else if (inter.equals("!") && fin == 'p') {
            softReset();
        } else if (inter.equals(" ") && fin == 'q' && repertoire.xterm()) {
            int style = count > 0 && p[0] >= 0 ? p[0] : 0;
            f.cursorStyle = style <= 6 ? style : f.cursorStyle;
        }
    }

    /** mosh's getparam: the i-th value, but absent or &lt; 1 (including an explicit 0) gives the default. */
    static int param(int[] p, int count, int i, int def) {
        if (i >= count) {
            return def;
        }
        int v = p[i];
        return v < 1 ? def : v;
    }

    private void eraseInDisplay(int mode) {
        Framebuffer f = fb;
        switch (mode) {
            case 0 -> {
                clearCells(f.cursorRow, f.cursorCol, f.width - 1);
                for (int y = f.cursorRow + 1; y < f.height; y++) {
                    resetRow(y);
                }
            }
            case 1 -> {
                for (int y = 0; y < f.cursorRow; y++) {
                    resetRow(y);
                }
                clearCells(f.cursorRow, 0, f.cursorCol);
            }
            case 2 -> {
                for (int y = 0; y < f.height; y++) {
                    resetRow(y);
                }
            }
            case 3 -> {
                if (repertoire.xterm() && scrollback != null) {
                    scrollback.clearRequested();
                }
            }
            default -> {
            }
        }
    }

    private void eraseInLine(int mode) {
        Framebuffer f = fb;
        switch (mode) {
            case 0 -> clearCells(f.cursorRow, f.cursorCol, f.width - 1);
            case 1 -> clearCells(f.cursorRow, 0, f.cursorCol);
            case 2 -> resetRow(f.cursorRow);
            default -> {
            }
        }
    }

    private void clearTabs(int mode) {
        Framebuffer f = fb;
        if (mode == 0) {
            f.tabs[f.cursorCol] = false;
        } else if (mode == 3) {
            Arrays.fill(f.tabs, false);
            f.defaultTabs = false;
        }
    }

    private void deviceStatus(int n) {
        Framebuffer f = fb;
        if (n == 5) {
            replies.append("\033[0n");
        } else if (n == 6) {
            replies.append("\033[").append(f.cursorRow + 1).append(';').append(f.cursorCol + 1).append('R');
        }
    }

    private void setScrollingRegion(int top, int bottom) {
        Framebuffer f = fb;
        if (bottom <= top || top > f.height) {
            return;
        }
        if (bottom > f.height) {
            bottom = f.height;
        }
        f.scrollTop = top - 1;
        f.scrollBottom = bottom - 1;
        moveRow(0, false);
        moveCol(0, false);
    }

    private void decMode(int mode, boolean set) {
        Framebuffer f = fb;
        switch (mode) {
            case 1 -> f.applicationCursorKeys = set;
            case 3 -> {
                moveRow(0, false);
                moveCol(0, false);
                for (int y = 0; y < f.height; y++) {
                    resetRow(y);
                }
            }
            case 5 -> f.reverseVideo = set;
            case 6 -> {
                moveRow(0, false);
                moveCol(0, false);
                f.originMode = set;
            }
            case 7 -> f.autoWrapMode = set;
            case 25 -> f.cursorVisible = set;
            case 9, 1000, 1001, 1002, 1003 -> f.mouseReportingMode = set ? mode : MouseMode.NONE;
            case 1004 -> f.mouseFocusEvent = set;
            case 1005, 1006, 1015 -> f.mouseEncodingMode = set ? mode : MouseMode.ENCODING_DEFAULT;
            case 1007 -> f.mouseAlternateScroll = set;
            case 2004 -> f.bracketedPaste = set;
            case 47, 1047, 1049 -> {
                if (repertoire.xterm()) {
                    alternateScreen(set, mode == 1049);
                }
            }
            case 1048 -> {
                if (repertoire.xterm()) {
                    if (set) saveCursor();
                    else restoreCursor();
                }
            }
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------ SGR

    private void sgr(int[] p, int count) {
        Framebuffer f = fb;
        long r = f.renditions;
        for (int i = 0; i < count; i++) {
            int code = p[i] < 0 ? 0 : p[i];
            if ((code == 38 || code == 48) && count - i >= 3 && p[i + 1] == 5) {
                int n = param(p, count, i + 2, 0);
                if (n <= 255) {
                    r = code == 38 ? Renditions.withForeground(r, 30 + n) : Renditions.withBackground(r, 40 + n);
                }
                i += 2;
                continue;
            }
            if ((code == 38 || code == 48) && count - i >= 5 && p[i + 1] == 2) {
                int red = param(p, count, i + 2, 0), green = param(p, count, i + 3, 0), blue = param(p, count, i + 4, 0);
                int v = (Renditions.TRUE_COLOR | ((red << 16) | (green << 8) | blue)) & Renditions.COLOR_MASK;
                r = code == 38 ? Renditions.withForeground(r, v) : Renditions.withBackground(r, v);
                i += 4;
                continue;
            }
            switch (code) {
                case 0 -> r = Renditions.DEFAULT;
                case 1 -> r = Renditions.withAttribute(r, Renditions.BOLD, true);
                case 22 -> r = Renditions.withAttribute(r, Renditions.BOLD, false);
                case 3 -> r = Renditions.withAttribute(r, Renditions.ITALIC, true);
                case 23 -> r = Renditions.withAttribute(r, Renditions.ITALIC, false);
                case 4 -> r = Renditions.withAttribute(r, Renditions.UNDERLINED, true);
                case 24 -> r = Renditions.withAttribute(r, Renditions.UNDERLINED, false);
                case 5 -> r = Renditions.withAttribute(r, Renditions.BLINK, true);
                case 25 -> r = Renditions.withAttribute(r, Renditions.BLINK, false);
                case 7 -> r = Renditions.withAttribute(r, Renditions.INVERSE, true);
                case 27 -> r = Renditions.withAttribute(r, Renditions.INVERSE, false);
                case 8 -> r = Renditions.withAttribute(r, Renditions.INVISIBLE, true);
                case 28 -> r = Renditions.withAttribute(r, Renditions.INVISIBLE, false);
                case 39 -> r = Renditions.withForeground(r, 0);
                case 49 -> r = Renditions.withBackground(r, 0);
                default -> {
                    if (code >= 30 && code <= 37) {
                        r = Renditions.withForeground(r, code);
                    } else if (code >= 40 && code <= 47) {
                        r = Renditions.withBackground(r, code);
                    } else if (code >= 90 && code <= 97) {
                        r = Renditions.withForeground(r, code - 90 + 38);
                    } else if (code >= 100 && code <= 107) {
                        r = Renditions.withBackground(r, code - 100 + 48);
                    }
                }
            }
        }
        f.renditions = r;
    }

    // ------------------------------------------------------------------ OSC

    static final int OSC_MAX = 16384;

    void oscDispatch(int[] buf, int len) {
        Framebuffer f = fb;
        if (len >= 5 && buf[0] == '5' && buf[1] == '2' && buf[2] == ';' && buf[3] == 'c' && buf[4] == ';') {
            f.clipboard = new String(buf, 5, len - 5);
            return;
        }
        int cmd, start;
        if (len >= 1 && buf[0] == ';') {
            cmd = 0;
            start = 1;
        } else if (len >= 2 && buf[1] == ';') {
            cmd = buf[0] - '0';
            start = 2;
        } else {
            return;
        }
        if (cmd < 0 || cmd > 2) {
            return;
        }
        int end = Math.min(len, 256);
        String text = end > start ? new String(buf, start, end - start) : "";
        if (cmd == 0 || cmd == 1) {
            f.iconName = text;
        }
        if (cmd == 0 || cmd == 2) {
            f.windowTitle = text;
        }
        f.titleInitialized = true;
    }

    // ------------------------------------------------------------------ xterm extras for local and SSH tabs

    private void xtermCsi(int[] p, int count, int fin) {
        if (!repertoire.xterm()) {
            return;
        }
        Framebuffer f = fb;
        switch (fin) {
            case 'E' -> {
                moveRow(param(p, count, 0, 1), true);
                moveCol(0, false);
            }
            case 'F' -> {
                moveRow(-param(p, count, 0, 1), true);
                moveCol(0, false);
            }
            case 'b' -> {
                if (lastPrinted >= 0) {
                    int n = Math.min(param(p, count, 0, 1), f.width * f.height);
                    int cp = lastPrinted;
                    for (int i = 0; i < n; i++) {
                        print(cp);
                    }
                }
            }
            case 's' -> saveCursor();
            case 'u' -> restoreCursor();
            default -> {
            }
        }
    }

    private void alternateScreen(boolean enter, boolean saveCursor) {
        Framebuffer f = fb;
        if (enter && savedPrimaryRows == null) {
            if (saveCursor) {
                altSavedRow = f.cursorRow;
                altSavedCol = f.cursorCol;
                altSavedRenditions = f.renditions;
            }
            savedPrimaryRows = f.rows;
            Row[] alt = new Row[f.height];
            long gen = Row.newGeneration();
            for (int y = 0; y < f.height; y++) {
                alt[y] = new Row(f.width, f.renditions, gen);
            }
            f.rows = alt;
        } else if (!enter && savedPrimaryRows != null) {
            f.rows = savedPrimaryRows;
            savedPrimaryRows = null;
            if (saveCursor) {
                f.cursorRow = altSavedRow;
                f.cursorCol = altSavedCol;
                f.renditions = altSavedRenditions;
                snapCursor();
                newGrapheme();
            }
        }
    }

    /** Resizes the hidden primary screen along with the visible one (xterm repertoire only). */
    void resizeSavedPrimary(int width, int height, long background) {
        if (savedPrimaryRows == null) {
            return;
        }
        Row[] rows = Arrays.copyOf(savedPrimaryRows, height);
        long gen = Row.newGeneration();
        for (int y = 0; y < height; y++) {
            if (y >= savedPrimaryRows.length) {
                rows[y] = new Row(width, background, gen);
            } else if (rows[y].width() != width) {
                rows[y] = rows[y].resizedCopy(width, background);
            }
        }
        savedPrimaryRows = rows;
    }

    /** DEC special graphics for 0x5F..0x7E (ESC ( 0), xterm repertoire only. */
    private static final int[] LINE_DRAWING = {
            0x00A0, 0x25C6, 0x2592, 0x2409, 0x240C, 0x240D, 0x240A, 0x00B0, 0x00B1, 0x2424, 0x240B, 0x2518,
            0x2510, 0x250C, 0x2514, 0x253C, 0x23BA, 0x23BB, 0x2500, 0x23BC, 0x23BD, 0x251C, 0x2524, 0x2534,
            0x252C, 0x2502, 0x2264, 0x2265, 0x03C0, 0x2260, 0x00A3, 0x00B7};
}
