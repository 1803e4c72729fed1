package dev.tern.transport.screen;

/** Mouse reporting and encoding mode numbers as mosh stores them (DEC private mode numbers, 0 = none/default). */
public final class MouseMode {
    public static final int NONE = 0, X10 = 9, VT200 = 1000, VT200_HIGHLIGHT = 1001, BUTTON_EVENT = 1002,
            ANY_EVENT = 1003;
    public static final int ENCODING_DEFAULT = 0, ENCODING_UTF8 = 1005, ENCODING_SGR = 1006, ENCODING_URXVT = 1015;

    private MouseMode() {
    }
}
