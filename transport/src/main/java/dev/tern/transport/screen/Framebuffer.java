package dev.tern.transport.screen;

import java.util.Arrays;
import java.util.Objects;

/**
 * Mosh's framebuffer (docs/TERMINAL.md §2): rows of cells plus the drawing state (cursor, modes, tab stops, scroll
 * region, current rendition, saved cursor) and the window title, icon name, OSC 52 clipboard and bell count.
 *
 * <p>Outside this package a framebuffer is read-only. The live framebuffer of an {@link Emulator} changes as
 * bytes are written; {@link #snapshot()} returns a copy in O(rows) that shares unchanged rows (copy-on-write) and
 * is never mutated afterwards, so it may be handed to another thread through any safe publication (a queue).
 *
 * <p>{@link #equals} is mosh's framebuffer equality: rows (generation and cells), window title, clipboard, bell
 * count and the synchronised part of the drawing state. Icon name, tab stops, scroll region, saved cursor,
 * origin/autowrap/insert modes and cursor-key mode are not compared (mosh never transmits them).
 */
public final class Framebuffer {
    int width;
    int height;
    Row[] rows;

    // drawing state (mosh DrawState)
    int cursorRow, cursorCol;
    int combiningRow, combiningCol;
    boolean nextPrintWillWrap;
    boolean originMode, autoWrapMode = true, insertMode;
    boolean cursorVisible = true, reverseVideo, bracketedPaste;
    int mouseReportingMode, mouseEncodingMode;
    boolean mouseFocusEvent, mouseAlternateScroll;
    boolean applicationCursorKeys;
    boolean applicationKeypad;
    int cursorStyle;
    boolean[] tabs;
    boolean defaultTabs = true;
    int scrollTop, scrollBottom;
    long renditions;
    int savedRow, savedCol;
    long savedRenditions;
    boolean savedAutoWrap = true, savedOrigin;

    // framebuffer-level state
    String windowTitle = "", iconName = "", clipboard = "";
    long bellCount;
    boolean titleInitialized;

    /** Sizes are clamped to these so that no resize instruction can exhaust memory. */
    public static final int MAX_WIDTH = 4096, MAX_HEIGHT = 2048;

    public Framebuffer(int width, int height) {
        this.width = Math.clamp(width, 1, MAX_WIDTH);
        this.height = Math.clamp(height, 1, MAX_HEIGHT);
        rows = new Row[this.height];
        long gen = Row.newGeneration();  // mosh fills a new screen with one shared blank row
        for (int y = 0; y < this.height; y++) {
            rows[y] = new Row(this.width, 0, gen);
        }
        tabs = defaultTabStops(this.width);
        scrollTop = 0;
        scrollBottom = this.height - 1;
    }

    private Framebuffer(Framebuffer o) {
        width = o.width;
        height = o.height;
        rows = o.rows.clone();
        cursorRow = o.cursorRow;
        cursorCol = o.cursorCol;
        combiningRow = o.combiningRow;
        combiningCol = o.combiningCol;
        nextPrintWillWrap = o.nextPrintWillWrap;
        originMode = o.originMode;
        autoWrapMode = o.autoWrapMode;
        insertMode = o.insertMode;
        cursorVisible = o.cursorVisible;
        reverseVideo = o.reverseVideo;
        bracketedPaste = o.bracketedPaste;
        mouseReportingMode = o.mouseReportingMode;
        mouseEncodingMode = o.mouseEncodingMode;
        mouseFocusEvent = o.mouseFocusEvent;
        mouseAlternateScroll = o.mouseAlternateScroll;
        applicationCursorKeys = o.applicationCursorKeys;
        applicationKeypad = o.applicationKeypad;
        cursorStyle = o.cursorStyle;
        tabs = o.tabs.clone();
        defaultTabs = o.defaultTabs;
        scrollTop = o.scrollTop;
        scrollBottom = o.scrollBottom;
        renditions = o.renditions;
        savedRow = o.savedRow;
        savedCol = o.savedCol;
        savedRenditions = o.savedRenditions;
        savedAutoWrap = o.savedAutoWrap;
        savedOrigin = o.savedOrigin;
        windowTitle = o.windowTitle;
        iconName = o.iconName;
        clipboard = o.clipboard;
        bellCount = o.bellCount;
        titleInitialized = o.titleInitialized;
    }

    static boolean[] defaultTabStops(int width) {
        boolean[] t = new boolean[width];
        for (int x = 0; x < width; x += 8) {
            t[x] = true;
        }
        return t;
    }

    /**
     * A copy sharing every row with this framebuffer, in O(rows). The shared rows are frozen, so later writes to
     * either framebuffer replace a row before changing it and never show through to the other.
     */
    public Framebuffer snapshot() {
        for (Row r : rows) {
            r.freeze();
        }
        return new Framebuffer(this);
    }

    /** The row at {@code y}, made private to this framebuffer so that it may be mutated. */
    Row mutableRow(int y) {
        Row r = rows[y];
        if (r.frozen()) {
            r = r.mutableCopy();
            rows[y] = r;
        }
        return r;
    }

    // ---- read-only API ----

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Row row(int y) {
        return rows[y];
    }

    public Cell cell(int x, int y) {
        return rows[y].cell(x);
    }

    public int cursorRow() {
        return cursorRow;
    }

    public int cursorCol() {
        return cursorCol;
    }

    /** True when the cursor is logically past the last column: the next printable character wraps first. */
    public boolean nextPrintWillWrap() {
        return nextPrintWillWrap;
    }

    public boolean cursorVisible() {
        return cursorVisible;
    }

    public boolean reverseVideo() {
        return reverseVideo;
    }

    public boolean originMode() {
        return originMode;
    }

    public boolean autoWrapMode() {
        return autoWrapMode;
    }

    public boolean insertMode() {
        return insertMode;
    }

    public boolean bracketedPaste() {
        return bracketedPaste;
    }

    /** One of the {@link MouseMode} reporting numbers. */
    public int mouseReportingMode() {
        return mouseReportingMode;
    }

    /** One of the {@link MouseMode} encoding numbers. */
    public int mouseEncodingMode() {
        return mouseEncodingMode;
    }

    public boolean mouseFocusEvent() {
        return mouseFocusEvent;
    }

    public boolean mouseAlternateScroll() {
        return mouseAlternateScroll;
    }

    public boolean applicationCursorKeys() {
        return applicationCursorKeys;
    }

    /**
     * DECKPAM/DECKPNM ({@code ESC =} / {@code ESC >}). Tracked for local and SSH tabs' key encoding; mosh does not
     * model it (it never affects anything mosh compares or sends).
     */
    public boolean applicationKeypad() {
        return applicationKeypad;
    }

    /** The last DECSCUSR ({@code CSI Ps SP q}) shape, 0 = default (xterm repertoire only). */
    public int cursorStyle() {
        return cursorStyle;
    }

    public boolean isTabStop(int x) {
        return x >= 0 && x < width && tabs[x];
    }

    public int scrollTop() {
        return scrollTop;
    }

    public int scrollBottom() {
        return scrollBottom;
    }

    /** The current drawing rendition (SGR state), packed as in {@link Renditions}. */
    public long renditions() {
        return renditions;
    }

    public String title() {
        return windowTitle;
    }

    public String iconName() {
        return iconName;
    }

    /** The raw OSC 52 text after {@code 52;c;} (normally base64; never decoded, as in mosh). */
    public String clipboard() {
        return clipboard;
    }

    public long bellCount() {
        return bellCount;
    }

    public boolean titleInitialized() {
        return titleInitialized;
    }

    /** Mosh's DrawState equality: only the synchronised fields. */
    public boolean drawStateEquals(Framebuffer o) {
        return width == o.width && height == o.height && cursorRow == o.cursorRow && cursorCol == o.cursorCol
                && cursorVisible == o.cursorVisible && reverseVideo == o.reverseVideo && renditions == o.renditions
                && bracketedPaste == o.bracketedPaste && mouseReportingMode == o.mouseReportingMode
                && mouseFocusEvent == o.mouseFocusEvent && mouseAlternateScroll == o.mouseAlternateScroll
                && mouseEncodingMode == o.mouseEncodingMode;
    }

    /** Cells of every row equal, ignoring row generations. */
    public boolean cellsEqual(Framebuffer o) {
        if (width != o.width || height != o.height) {
            return false;
        }
        for (int y = 0; y < height; y++) {
            if (!rows[y].cellsEqual(o.rows[y])) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link #equals} but ignoring row generations: what two independently evolved copies can agree on. */
    public boolean contentEquals(Framebuffer o) {
        return drawStateEquals(o) && cellsEqual(o) && windowTitle.equals(o.windowTitle)
                && clipboard.equals(o.clipboard) && bellCount == o.bellCount;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof Framebuffer o)) {
            return false;
        }
        return drawStateEquals(o) && Arrays.equals(rows, o.rows) && windowTitle.equals(o.windowTitle)
                && clipboard.equals(o.clipboard) && bellCount == o.bellCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, cursorRow, cursorCol, bellCount, windowTitle);
    }

    /** Screen text, one line per row, for tests and debugging. */
    public String screenText() {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < height; y++) {
            sb.append(rows[y].text()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Framebuffer[" + width + "x" + height + ", cursor=" + cursorRow + "," + cursorCol + "]\n" + screenText();
    }
}
