package dev.tern.transport.screen;

/**
 * Mosh's {@code Terminal::Complete} minus synchronisation: a UTF-8 decoder, the VT500 parser and the emulator
 * that applies control functions to a {@link Framebuffer}.
 */
public final class Emulator {
    private Framebuffer fb;
    private final StringBuilder replies = new StringBuilder();

    public Emulator(int width, int height) {
        fb = new Framebuffer(width, height);
    }

    /** Feeds output of the remote program. Any byte sequence is accepted; never throws. */
    public void write(byte[] hostBytes) {
        write(hostBytes, 0, hostBytes.length);
    }

    public void write(byte[] b, int off, int len) {
        // parser under construction
    }

    public void resize(int width, int height) {
    }

    /** The live framebuffer, mutated by {@link #write}. */
    public Framebuffer framebuffer() {
        return fb;
    }

    /** A cheap copy of the current framebuffer sharing unchanged rows; never mutated afterwards. */
    public Framebuffer snapshot() {
        return fb.snapshot();
    }

    /** An independent emulator in the same state (framebuffer and parser), e.g. for per-state storage. */
    public Emulator copy() {
        Emulator e = new Emulator(1, 1);
        e.fb = fb.snapshot();
        return e;
    }

    /** Host-bound replies (DSR, DA) queued since the last call, or "" if none. */
    public String takeReplies() {
        String s = replies.toString();
        replies.setLength(0);
        return s;
    }
}
