package dev.tern.transport.screen;

import java.util.ArrayList;
import java.util.List;

/**
 * Mosh's {@code Display::new_frame} (spec §3): the bytes that make a terminal showing frame {@code last} show
 * frame {@code next}, with mosh's cursor-movement choices, blank-run erasure, soft-wrap reconstruction and
 * scroll detection.
 *
 * <p>Two roles:
 * <ul>
 * <li><b>server</b> ({@link #serverRole()}): mosh-server's {@code Display(false)}; ECH, BCE and titles allowed.
 * Its output is what a real server puts in HostBytes, which round-trip tests feed to a second emulator.</li>
 * <li><b>client</b> ({@link #clientRole()}, or {@code new FrameRenderer(false)}): drives a terminal view. It
 * does not rely on ECH or BCE (spec §4.8: if in doubt, port with has_ech = false and has_bce = false) and,
 * after drawing the bottom-right cell, always positions the cursor absolutely (the §3.6 item 2 fix), so any
 * VT/xterm-compatible view ends up exactly on {@code next}.</li>
 * </ul>
 *
 * <p>Scrollback: {@link #render} also reports the rows of {@code last} that its output scrolls off the top of the
 * view (when mosh's scroll detection finds that the new frame is the old one moved up). A view that keeps its
 * own history appends {@link RenderResult#scrolledOff()} to it after applying {@link RenderResult#bytes()}. When
 * more than a screenful scrolled between two frames, scroll detection cannot see it and the frame is simply
 * redrawn; a tab that sees every byte (local, SSH) should take its history from
 * {@link Emulator#setScrollbackSink} instead and ignore {@code scrolledOff}.
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
     */
    public record Capabilities(boolean hasEch, boolean hasBce, boolean hasTitle, boolean absoluteAfterLastCell) {
        /** mosh-server's {@code Display(false)}. */
        public static final Capabilities SERVER = new Capabilities(true, true, true, false);
        /** A terminal view whose ECH/BCE support is not relied upon. */
        public static final Capabilities CLIENT = new Capabilities(false, false, true, true);
    }

    private final Capabilities caps;

    /**
     * @param hasEcma48CharacterRepeat whether the receiving terminal is known to implement the ECMA-48 erase and
     *                                 repeat functions mosh's server relies on (ECH with background-colour
     *                                 erase): {@code true} gives the server role ({@link Capabilities#SERVER}),
     *                                 {@code false} the client role ({@link Capabilities#CLIENT}), spec §3.1.
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

    /** The bytes (as a string of code points; encode as UTF-8) that turn a terminal showing {@code last} into {@code next}. */
    public String newFrame(boolean initialized, Framebuffer last, Framebuffer next) {
        return render(initialized, last, next).bytes();
    }

    /**
     * Like {@link #newFrame} but also reports the rows scrolled off the top.
     *
     * @param initialized false to redraw everything (first frame, repaint request); {@code last} is then only
     *                    used for the bell count, clipboard and mouse modes, as in mosh
     */
    public RenderResult render(boolean initialized, Framebuffer last, Framebuffer next) {
        FrameWriter w = new FrameWriter();
        Framebuffer f = next;

        if (f.bellCount != last.bellCount) {
            w.out.append('\007');
        }
        if (caps.hasTitle && f.titleInitialized
                && (!initialized || !f.iconName.equals(last.iconName) || !f.windowTitle.equals(last.windowTitle))) {
            if (f.iconName.equals(f.windowTitle)) {
                w.out.append("\033]0;").append(f.windowTitle).append('\007');
            } else {
                w.out.append("\033]1;").append(f.iconName).append('\007');
                w.out.append("\033]2;").append(f.windowTitle).append('\007');
            }
        }
        if (!f.clipboard.equals(last.clipboard)) {
            w.out.append("\033]52;c;").append(f.clipboard).append('\007');
        }
        if (!initialized || f.reverseVideo != last.reverseVideo) {
            w.out.append(f.reverseVideo ? "\033[?5h" : "\033[?5l");
        }
        if (!initialized || f.width != last.width || f.height != last.height) {
            w.out.append("\033[r\033[0m\033[H\033[2J");
            initialized = false;
            w.cursorX = 0;
            w.cursorY = 0;
            w.rendition = Renditions.DEFAULT;
        } else {
            w.cursorX = last.cursorCol;
            w.cursorY = last.cursorRow;
            w.rendition = last.renditions;
        }
        if (!initialized) {
            w.out.append("\033[?25l");
            w.cursorShown = false;
        } else {
            w.cursorShown = last.cursorVisible;
        }

        // working copy of the old rows (only consulted when initialized, so sizes are equal)
        Row[] old = initialized ? last.rows.clone() : null;
        List<Row> scrolledOff = List.of();
        int firstRow = 0;
        if (initialized) {
            int linesScrolled = 0, scrollHeight = 0;
            Row newTop = f.rows[0];
            for (int i = 0; i < f.height; i++) {
                if (old[i] == newTop || old[i].equals(newTop)) {
                    linesScrolled = i;
                    break;
                }
            }
            if (linesScrolled > 0) {
                scrollHeight = 1;
                for (int k = 1; linesScrolled + k < f.height; k++) {
                    if (!f.rows[k].equals(old[linesScrolled + k])) {
                        break;
                    }
                    scrollHeight++;
                }
                w.updateRendition(Renditions.DEFAULT, true);
                int bottom = linesScrolled + scrollHeight - 1;
                if (bottom == f.height - 1 && w.cursorY == f.height - 1) {
                    w.out.append('\r');
                    w.out.repeat('\n', linesScrolled);
                    w.cursorX = 0;
                } else {
                    w.out.append("\033[1;").append(bottom + 1).append('r');
                    w.cursorX = w.cursorY = -1;
                    w.silentMove(bottom, 0);
                    w.out.repeat('\n', linesScrolled);
                    w.out.append("\033[r");
                    w.cursorX = w.cursorY = -1;
                }
                List<Row> off = new ArrayList<>(linesScrolled);
                for (int y = 0; y < linesScrolled; y++) {
                    off.add(old[y]);
                }
                scrolledOff = off;
                Row blank = new Row(f.width, Renditions.DEFAULT);
                for (int y = 0; y <= bottom; y++) {
                    old[y] = y + linesScrolled <= bottom ? old[y + linesScrolled] : blank;
                }
                firstRow = scrollHeight;
            }
        }

        boolean wrap = false;
        for (int y = firstRow; y < f.height; y++) {
            wrap = putRow(w, initialized, f, y, old == null ? null : old[y], wrap);
        }

        if (!initialized || f.cursorRow != w.cursorY || f.cursorCol != w.cursorX) {
            w.move(f.cursorRow, f.cursorCol);
        }
        if (!initialized || f.cursorVisible != w.cursorShown) {
            w.out.append(f.cursorVisible ? "\033[?25h" : "\033[?25l");
        }
        w.updateRendition(f.renditions, !initialized);
        if (!initialized || f.bracketedPaste != last.bracketedPaste) {
            w.out.append(f.bracketedPaste ? "\033[?2004h" : "\033[?2004l");
        }
        if (!initialized || f.mouseReportingMode != last.mouseReportingMode) {
            if (f.mouseReportingMode == MouseMode.NONE) {
                w.out.append("\033[?1003l\033[?1002l\033[?1001l\033[?1000l");
            } else {
                if (last.mouseReportingMode != MouseMode.NONE) {
                    w.out.append("\033[?").append(last.mouseReportingMode).append('l');
                }
                w.out.append("\033[?").append(f.mouseReportingMode).append('h');
            }
        }
        if (!initialized || f.mouseFocusEvent != last.mouseFocusEvent) {
            w.out.append(f.mouseFocusEvent ? "\033[?1004h" : "\033[?1004l");
        }
        if (!initialized || f.mouseEncodingMode != last.mouseEncodingMode) {
            if (f.mouseEncodingMode == MouseMode.ENCODING_DEFAULT) {
                w.out.append("\033[?1015l\033[?1006l\033[?1005l");
            } else {
                if (last.mouseEncodingMode != MouseMode.ENCODING_DEFAULT) {
                    w.out.append("\033[?").append(last.mouseEncodingMode).append('l');
                }
                w.out.append("\033[?").append(f.mouseEncodingMode).append('h');
            }
        }
        return new RenderResult(w.out.toString(), scrolledOff);
    }

    /** mosh's put_row; returns the wrap carry for the next row. */
    private boolean putRow(FrameWriter w, boolean initialized, Framebuffer f, int y, Row oldRow, boolean wrap) {
        Row row = f.rows[y];
        int width = f.width;
        int x = 0;
        if (wrap) {
            w.updateRendition(row.rend[0], false);
            w.appendCell(row, 0);
            int cw = row.isWide(0) ? 2 : 1;
            x += cw;
            w.cursorX += cw;
        }
        if (initialized && row == oldRow) {
            return false;
        }
        boolean wrapThis = row.wrapped();
        int clearCount = 0;
        long blankR = 0;
        boolean wroteLast = false;
        while (x < width) {
            int cw = row.isWide(x) ? 2 : 1;
            if (initialized && clearCount == 0 && row.cellEquals(x, oldRow, x)) {
                x += cw;
                continue;
            }
            boolean empty = row.base[x] == 0;
            if (empty) {
                if (clearCount == 0) {
                    blankR = row.rend[x];
                }
                if (row.rend[x] == blankR) {
                    clearCount++;
                    x++;
                    continue;
                }
            }
            if (clearCount > 0) {
                w.silentMove(y, x - clearCount);
                w.updateRendition(blankR, false);
                if ((caps.hasBce || w.rendition == Renditions.DEFAULT) && caps.hasEch && clearCount > 4) {
                    w.out.append("\033[").append(clearCount).append('X');
                } else {
                    w.out.repeat(' ', clearCount);
                    w.cursorX = x;
                }
                clearCount = 0;
                if (empty) {
                    blankR = row.rend[x];
                    clearCount = 1;
                    x++;
                    continue;
                }
            }
            if (wrapThis && x + cw >= width) {
                w.cursorX = w.cursorY = -1;
            }
            w.silentMove(y, x);
            w.updateRendition(row.rend[x], false);
            w.appendCell(row, x);
            x += cw;
            w.cursorX += cw;
            if (x >= width) {
                wroteLast = true;
            }
        }
        if (clearCount > 0) {
            w.silentMove(y, x - clearCount);
            w.updateRendition(blankR, false);
            if ((caps.hasBce || w.rendition == Renditions.DEFAULT) && !wrapThis) {
                w.out.append("\033[K");
            } else {
                w.out.repeat(' ', clearCount);
                w.cursorX = width;
                wroteLast = true;
            }
        }
        if (wroteLast && y < f.height - 1) {
            w.cursorX = 0;
            w.cursorY = y + 1;
            if (wrapThis) {
                return true;
            }
            w.out.append("\r\n");
            return false;
        }
        if (wroteLast && caps.absoluteAfterLastCell) {
            w.cursorX = w.cursorY = -1;
        }
        return false;
    }

    /** mosh's FrameState: the writer's model of the receiving terminal while a frame is generated. */
    private static final class FrameWriter {
        final StringBuilder out = new StringBuilder(256);
        int cursorX, cursorY;
        long rendition;
        boolean cursorShown;

        void silentMove(int y, int x) {
            if (cursorX == x && cursorY == y) {
                return;
            }
            if (cursorShown) {
                out.append("\033[?25l");
                cursorShown = false;
            }
            move(y, x);
        }

        void move(int y, int x) {
            int lastX = cursorX, lastY = cursorY;
            cursorX = x;
            cursorY = y;
            if (lastX != -1 && lastY != -1) {
                if (x == 0 && y - lastY >= 0 && y - lastY < 5) {
                    if (lastX != 0) {
                        out.append('\r');
                    }
                    out.repeat('\n', y - lastY);
                    return;
                }
                if (y == lastY && lastX - x > 0 && lastX - x < 5) {
                    out.repeat('\b', lastX - x);
                    return;
                }
            }
            out.append("\033[").append(y + 1).append(';').append(x + 1).append('H');
        }

        void updateRendition(long r, boolean force) {
            if (force || r != rendition) {
                Renditions.appendSgr(out, r);
                rendition = r;
            }
        }

        void appendCell(Row row, int x) {
            int b = row.base[x];
            if (b == 0) {
                out.append(' ');
                return;
            }
            if (row.isFallback(x)) {
                out.append('\u00A0');
            }
            out.appendCodePoint(b);
            String t = row.tail[x];
            if (t != null) {
                out.append(t);
            }
        }
    }
}
