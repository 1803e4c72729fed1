package dev.tern.transport.screen;

/**
 * Mosh's {@code Terminal::Complete} without the synchronisation parts: a UTF-8 decoder, the VT500 parser and the
 * emulator that applies control functions to a {@link Framebuffer} (docs/TERMINAL.md §2–3).
 *
 * <p>Not thread-safe: one thread writes. Hand {@link #snapshot()}s to other threads. Any byte sequence is
 * accepted: no exception, no unbounded memory, and the cursor always stays on the screen.
 *
 * <p>Scrollback: a Mosh client only sees frames and takes scrolled-off lines from
 * {@link FrameRenderer#render}; a local or SSH tab sees every byte and gets the exact history by
 * {@link #setScrollbackSink setting a sink} (for example a {@link ScrollbackBuffer}).
 */
public final class Emulator {
    private final Repertoire repertoire;
    private final Parser parser;
    private final Terminal terminal;
    private final StringBuilder replies;
    private final SinkSlot sink;
    private long internalErrors;
    private static final System.Logger LOG = System.getLogger(Emulator.class.getName());

    /** A mosh-exact emulator in the Mosh client's flavour ({@link Repertoire#MOSH_CLIENT}). */
    public Emulator(int width, int height) {
        this(width, height, Repertoire.MOSH_CLIENT);
    }

    public Emulator(int width, int height, Repertoire repertoire) {
        this.repertoire = repertoire;
        this.parser = new Parser();
        this.replies = new StringBuilder();
        this.sink = new SinkSlot();
        this.terminal = new Terminal(new Framebuffer(width, height), repertoire, replies, sink);
    }

    /** An emulator in the ground state over {@code fb} (which it takes over): a screen restored from disk. */
    Emulator(Framebuffer fb, Repertoire repertoire) {
        this.repertoire = repertoire;
        this.parser = new Parser();
        this.replies = new StringBuilder();
        this.sink = new SinkSlot();
        this.terminal = new Terminal(fb, repertoire, replies, sink);
    }

    private Emulator(Emulator o) {
        repertoire = o.repertoire;
        parser = o.parser.copy();
        replies = new StringBuilder();
        sink = new SinkSlot();
        terminal = o.terminal.copy(o.terminal.fb().snapshot(), replies, sink);
    }

    /** Feeds output of the remote program. Any byte sequence is accepted; never throws. */
    public void write(byte[] hostBytes) {
        write(hostBytes, 0, hostBytes.length);
    }

    public void write(byte[] b, int off, int len) {
        if (b == null || off < 0 || len <= 0 || off > b.length - len) {
            return;
        }
        try {
            parser.feed(b, off, len, terminal);
        } catch (RuntimeException e) {
            // a bug of ours must not take a terminal tab down: report it, drop the rest of this chunk, carry on
            internalErrors++;
            LOG.log(System.Logger.Level.WARNING, "emulator error; rest of output chunk dropped", e);
            parser.reset();
        }
    }

    /** How many write calls hit an internal error (always 0 unless there is a bug; tests assert it). */
    public long internalErrors() {
        return internalErrors;
    }

    /**
     * Resizes the screen as mosh does (docs/TERMINAL.md §2.6): no reflow, wrap flags of resized rows cleared. Sizes are
     * clamped to 1..{@link Framebuffer#MAX_WIDTH} × 1..{@link Framebuffer#MAX_HEIGHT}.
     */
    public void resize(int width, int height) {
        width = Math.clamp(width, 1, Framebuffer.MAX_WIDTH);
        height = Math.clamp(height, 1, Framebuffer.MAX_HEIGHT);
        Framebuffer f = terminal.fb();
        int oldWidth = f.width, oldHeight = f.height;
        if (width == oldWidth && height == oldHeight) {
            return;
        }
        // DrawState first
        f.scrollTop = 0;
        f.scrollBottom = height - 1;
        boolean[] tabs = java.util.Arrays.copyOf(f.tabs, width);
        if (f.defaultTabs) {
            for (int x = oldWidth; x < width; x++) {
                tabs[x] = x % 8 == 0;
            }
        }
        f.tabs = tabs;
        f.width = width;
        f.height = height;
        if (f.cursorRow > height - 1) f.cursorRow = height - 1;
        if (f.cursorCol > width - 1) f.cursorCol = width - 1;
        if (f.combiningCol >= width || f.combiningRow >= height) {
            f.combiningCol = f.combiningRow = -1;
        }
        // then rows: blank rows appended at the bottom share one generation; old rows are truncated or padded
        Row[] rows = java.util.Arrays.copyOf(f.rows, height);
        long gen = Row.newGeneration();
        for (int y = 0; y < height; y++) {
            if (y >= oldHeight) {
                rows[y] = new Row(width, f.renditions, gen);
            } else if (width != oldWidth) {
                rows[y] = rows[y].resizedCopy(width, f.renditions);
            }
        }
        f.rows = rows;
        terminal.resizeSavedPrimary(width, height, f.renditions);
    }

    /** The live framebuffer, mutated by {@link #write}. Do not keep it across writes; take a snapshot. */
    public Framebuffer framebuffer() {
        return terminal.fb();
    }

    /** A copy of the current framebuffer in O(rows), sharing unchanged rows; never mutated afterwards. */
    public Framebuffer snapshot() {
        return terminal.fb().snapshot();
    }

    /** An independent emulator in the same state (framebuffer and parser), e.g. for per-state storage. */
    public Emulator copy() {
        return new Emulator(this);
    }

    public Repertoire repertoire() {
        return repertoire;
    }

    /** True when the parser is between sequences (HostBytes always end there). */
    public boolean parserInGround() {
        return parser.inGround();
    }

    /** True while a program uses the alternate screen (xterm repertoire only). */
    public boolean alternateScreenActive() {
        return terminal.alternateScreenActive();
    }

    /**
     * Routes rows that scroll off the top of the screen to {@code sink} (null to stop). Copies made by
     * {@link #copy()} start without a sink.
     */
    public void setScrollbackSink(ScrollbackSink sink) {
        this.sink.target = sink;
    }

    /** Host-bound replies (DSR, DA) queued since the last call, or "" if none. */
    public String takeReplies() {
        if (replies.isEmpty()) {
            return "";
        }
        String s = replies.toString();
        replies.setLength(0);
        return s;
    }

    /** Indirection so the sink can be set after the terminal is built; forwards only when a target is set. */
    static final class SinkSlot implements ScrollbackSink {
        ScrollbackSink target;

        /**
         * Hands a row that scrolled off to the sink; returns a row of the given width that the sink dropped unseen,
         * for the emulator to reuse (see {@link ScrollbackBuffer}), or null.
         */
        Row scrolledOff(Row row, int reuseWidth) {
            if (target instanceof ScrollbackBuffer buffer) {
                return buffer.add(row, reuseWidth);
            }
            if (target != null) {
                target.scrolledOff(row);
            }
            return null;
        }

        @Override
        public void scrolledOff(Row row) {
            if (target != null) {
                target.scrolledOff(row);
            }
        }

        @Override
        public boolean wantsRows() {
            return target != null && target.wantsRows();
        }

        @Override
        public void clearRequested() {
            if (target != null) {
                target.clearRequested();
            }
        }
    }
}
