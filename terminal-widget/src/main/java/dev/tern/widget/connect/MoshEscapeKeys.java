package dev.tern.widget.connect;

import java.io.ByteArrayOutputStream;

/**
 * mosh-client's escape key (spec §4.7): Ctrl-^ then "." quits, Ctrl-^ then "^" sends a literal Ctrl-^, Ctrl-^ then
 * anything else sends both bytes. Input of more than 100 bytes at once is a paste and passes through untouched.
 * One thread (the input pump).
 */
final class MoshEscapeKeys {
    static final byte ESCAPE = 0x1E;
    private static final int PASTE_THRESHOLD = 100;

    /** What to do with one chunk of input. */
    record Result(byte[] toSend, boolean quit) {
    }

    private boolean pending;

    Result filter(byte[] input) {
        if (input.length > PASTE_THRESHOLD) {
            return new Result(input, false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 1);
        for (byte b : input) {
            if (pending) {
                pending = false;
                if (b == '.') {
                    return new Result(out.toByteArray(), true);
                }
                out.write(ESCAPE);
                if (b != '^' && b != 0x1E) {
                    out.write(b);
                }
            } else if (b == ESCAPE) {
                pending = true;
            } else {
                out.write(b);
            }
        }
        return new Result(out.toByteArray(), false);
    }

    boolean pending() {
        return pending;
    }
}
