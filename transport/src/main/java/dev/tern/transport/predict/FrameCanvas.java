package dev.tern.transport.predict;

import dev.tern.transport.screen.Cell;
import dev.tern.transport.screen.CharWidth;
import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.FrameRenderer;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Renditions;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A private, editable copy of a server frame on which the overlays are drawn (mosh draws them on a copy of the
 * newest remote framebuffer). Reads see the edits made so far; {@link #result()} produces the displayed frame.
 *
 * <p>The screen package keeps framebuffers read-only outside itself, so the edits are played as bytes into an
 * emulator holding the base frame: {@link #over(Emulator)} edits a copy of the server state's own emulator,
 * which keeps row generations and every other field exactly; {@link #over(Framebuffer)} first rebuilds an
 * emulator from the frame by rendering it onto a blank screen (same cells, cursor, modes, title and bell count,
 * but new row generations). A canvas without edits returns the base frame itself.
 */
public final class FrameCanvas {
    /** Bells beyond this are not replayed when rebuilding from a bare frame (the count only has to move on). */
    private static final long MAX_REPLAYED_BELLS = 1 << 16;

    private final Framebuffer base;
    private final Emulator state;
    private final Map<Integer, Cell> edits = new TreeMap<>();
    private int cursorRow;
    private int cursorCol;
    private boolean cursorVisible;
    private String titlePrefix = "";

    private FrameCanvas(Framebuffer base, Emulator state) {
        this.base = base;
        this.state = state;
        this.cursorRow = base.cursorRow();
        this.cursorCol = base.cursorCol();
        this.cursorVisible = base.cursorVisible();
    }

    /** A canvas over a frame; the result is rebuilt through a fresh emulator when anything is drawn. */
    public static FrameCanvas over(Framebuffer frame) {
        return new FrameCanvas(frame, null);
    }

    /** A canvas over an emulator's current frame; the emulator itself is never changed. */
    public static FrameCanvas over(Emulator serverState) {
        return new FrameCanvas(serverState.snapshot(), serverState);
    }

    public Framebuffer base() {
        return base;
    }

    public int width() {
        return base.width();
    }

    public int height() {
        return base.height();
    }

    /** The cell as drawn so far. */
    public Cell cell(int col, int row) {
        Cell edited = edits.get(key(col, row));
        return edited != null ? edited : base.cell(col, row);
    }

    public void setCell(int col, int row, Cell cell) {
        edits.put(key(col, row), cell);
    }

    public void underline(int col, int row) {
        Cell c = cell(col, row);
        setCell(col, row, new Cell(c.contents(), Renditions.withAttribute(c.renditions(), Renditions.UNDERLINED, true),
                c.wide(), c.fallback(), c.wrap()));
    }

    public int cursorRow() {
        return cursorRow;
    }

    public int cursorCol() {
        return cursorCol;
    }

    public void moveCursor(int row, int col) {
        cursorRow = Math.clamp(row, 0, height() - 1);
        cursorCol = Math.clamp(col, 0, width() - 1);
    }

    public void hideCursor() {
        cursorVisible = false;
    }

    /** Applied only when the remote side has set a title at all, as mosh-client does. */
    public void prefixTitle(String prefix) {
        titlePrefix = prefix;
    }

    public boolean edited() {
        return !edits.isEmpty() || cursorRow != base.cursorRow() || cursorCol != base.cursorCol()
                || cursorVisible != base.cursorVisible() || (!titlePrefix.isEmpty() && base.titleInitialized());
    }

    /** The displayed frame: the base with every edit applied, or the base itself when nothing was drawn. */
    public Framebuffer result() {
        if (!edited()) {
            return base;
        }
        Emulator e = state != null ? state.copy() : rebuild(base);
        e.write(editBytes().getBytes(StandardCharsets.UTF_8));
        return e.snapshot();
    }

    private static Emulator rebuild(Framebuffer frame) {
        Framebuffer blank = new Framebuffer(frame.width(), frame.height());
        Emulator e = new Emulator(frame.width(), frame.height());
        e.write(FrameRenderer.serverRole().bytesFor(false, blank, frame).getBytes(StandardCharsets.UTF_8));
        long replayed = frame.bellCount() == 0 ? 0 : 1;
        long missing = Math.min(frame.bellCount() - replayed, MAX_REPLAYED_BELLS);
        if (missing > 0) {
            byte[] bells = new byte[(int) missing];
            java.util.Arrays.fill(bells, (byte) 7);
            e.write(bells);
        }
        return e;
    }

    private String editBytes() {
        StringBuilder out = new StringBuilder();
        if (!titlePrefix.isEmpty() && base.titleInitialized()) {
            String title = titlePrefix + base.title();
            out.append(base.iconName().equals(base.title()) ? "\033]0;" : "\033]2;").append(title).append('\007');
        }
        int skipKey = -1;
        for (Map.Entry<Integer, Cell> edit : edits.entrySet()) {
            int k = edit.getKey();
            if (k == skipKey) {
                continue; // the dead half of a wide character drawn just before
            }
            int row = k / width(), col = k % width();
            Cell c = edit.getValue();
            out.append("\033[").append(row + 1).append(';').append(col + 1).append('H');
            out.append(Renditions.sgr(c.renditions()));
            boolean wide = isWide(c);
            if (wide && col == width() - 1) {
                out.append(' '); // a wide glyph cannot sit in the last column without wrapping
            } else {
                out.append(c.printable());
            }
            skipKey = wide ? k + 1 : -1;
        }
        out.append("\033[").append(cursorRow + 1).append(';').append(cursorCol + 1).append('H');
        out.append(cursorVisible ? "\033[?25h" : "\033[?25l");
        out.append(Renditions.sgr(base.renditions()));
        return out.toString();
    }

    private static boolean isWide(Cell c) {
        return !c.contents().isEmpty() && !c.fallback() && CharWidth.of(c.contents().codePointAt(0)) == 2;
    }

    private int key(int col, int row) {
        return row * width() + col;
    }
}
