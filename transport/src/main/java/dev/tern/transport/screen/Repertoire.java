package dev.tern.transport.screen;

/** Which flavour of the emulator runs: mosh-exact for Mosh states, or mosh plus common xterm functions. */
public enum Repertoire {
    /**
     * Exactly mosh 1.4's emulator, as mosh-server runs it on the host application's output (including BS from
     * the pending-wrap state landing on column width-2). Used by tests that play the server.
     */
    MOSH(false, false),
    /**
     * What a Mosh client applies HostBytes with: {@link #MOSH} plus the mitigation of docs/TERMINAL.md §4.6 item 2 (BS
     * in the pending-wrap state only cancels the pending wrap), which makes the result equal the server's framebuffer
     * where mosh-client's own copy would be one column off.
     */
    MOSH_CLIENT(true, false),
    /**
     * For local and SSH tabs: mosh's behaviour for everything mosh knows, plus what common programs send that
     * mosh ignores: alternate screen (?47, ?1047, ?1049), ?1048, REP, CNL/CPL, CSI s/u, DEC line drawing
     * (ESC ( 0) and ED 3 (reported to the scrollback sink).
     */
    XTERM(false, true);

    private final boolean backspaceCancelsPendingWrap;
    private final boolean xterm;

    Repertoire(boolean backspaceCancelsPendingWrap, boolean xterm) {
        this.backspaceCancelsPendingWrap = backspaceCancelsPendingWrap;
        this.xterm = xterm;
    }

    boolean backspaceCancelsPendingWrap() {
        return backspaceCancelsPendingWrap;
    }

    boolean xterm() {
        return xterm;
    }
}
