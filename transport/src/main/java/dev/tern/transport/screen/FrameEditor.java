package dev.tern.transport.screen;

/**
 * Draws on a private copy of a frame, the way mosh's client draws its overlays (predictions, notification bar,
 * title prefix) on a copy of the newest server framebuffer: edited rows keep their generation, everything else is
 * shared with the original. The original is never changed.
 *
 * <pre>{@code
 * Framebuffer shown = FrameEditor.of(latest).cell(3, 0, cell).cursor(0, 4).title("[mosh] " + latest.title()).build();
 * }</pre>
 *
 * Positions outside the screen are ignored; the cursor is clamped onto it. One editor builds one frame.
 */
public final class FrameEditor {
    private final Framebuffer fb;

    private FrameEditor(Framebuffer base) {
        this.fb = base.snapshot();
    }

    public static FrameEditor of(Framebuffer base) {
        return new FrameEditor(base);
    }

    /** The frame as edited so far (read-only view; do not keep it past {@link #build()}). */
    public Framebuffer current() {
        return fb;
    }

    /** Replaces one cell (contents, renditions, wide and fallback flags; the wrap bit is taken from the cell too). */
    public FrameEditor cell(int col, int row, Cell cell) {
        if (row < 0 || row >= fb.height || col < 0 || col >= fb.width) {
            return this;
        }
        Row r = fb.mutableRow(row);
        String contents = cell.contents();
        if (contents.isEmpty()) {
            r.base[col] = 0;
            r.tail[col] = null;
        } else {
            int first = contents.codePointAt(0);
            r.base[col] = first;
            int rest = Character.charCount(first);
            r.tail[col] = rest < contents.length() ? contents.substring(rest) : null;
            r.anyTail |= r.tail[col] != null;
        }
        r.rend[col] = cell.renditions();
        r.flags[col] = (byte) ((cell.wide() ? Row.WIDE : 0) | (cell.fallback() ? Row.FALLBACK : 0)
                | (cell.wrap() ? Row.WRAP : 0));
        return this;
    }

    /** Adds attributes (e.g. {@link Renditions#UNDERLINED}) to a cell's rendition. */
    public FrameEditor addAttributes(int col, int row, int attributes) {
        if (row < 0 || row >= fb.height || col < 0 || col >= fb.width) {
            return this;
        }
        Row r = fb.mutableRow(row);
        r.rend[col] = Renditions.withAttribute(r.rend[col], attributes, true);
        return this;
    }

    public FrameEditor cursor(int row, int col) {
        fb.cursorRow = Math.clamp(row, 0, fb.height - 1);
        fb.cursorCol = Math.clamp(col, 0, fb.width - 1);
        fb.nextPrintWillWrap = false;
        return this;
    }

    public FrameEditor cursorVisible(boolean visible) {
        fb.cursorVisible = visible;
        return this;
    }

    public FrameEditor title(String title) {
        fb.windowTitle = title;
        return this;
    }

    public FrameEditor iconName(String iconName) {
        fb.iconName = iconName;
        return this;
    }

    /** Mosh's {@code prefix_window_title}: both names when they are equal, else only the window title. */
    public FrameEditor prefixTitle(String prefix) {
        if (fb.iconName.equals(fb.windowTitle)) {
            fb.iconName = prefix + fb.iconName;
        }
        fb.windowTitle = prefix + fb.windowTitle;
        return this;
    }

    /** The edited frame, immutable like any snapshot. */
    public Framebuffer build() {
        return fb.snapshot();
    }
}
