package dev.tern.transport.predict;

/**
 * The prediction engine's private parser for the bytes the user types: a UTF-8 decoder followed by the VT500
 * state machine, reduced to the four actions prediction reacts to. As in mosh, DEL (0x7F) in the ground state is
 * a print (it is the Backspace key), and malformed UTF-8 becomes U+FFFD.
 *
 * <p>Strings (OSC, DCS, SOS/PM/APC) are consumed without producing actions; parameters and intermediates are
 * ignored because prediction only looks at a CSI's final character.
 */
final class KeystrokeParser {
    /** What the parser reports. */
    interface Actions {
        void print(int codePoint);

        void execute(int control);

        void escapeDispatch();

        void csiDispatch(int finalChar);
    }

    private enum State { GROUND, ESCAPE, ESCAPE_INTERMEDIATE, CSI_ENTRY, CSI_PARAM, CSI_INTERMEDIATE, CSI_IGNORE,
        OSC_STRING, DCS, IGNORED_STRING }

    private static final int REPLACEMENT = 0xFFFD;

    private State state = State.GROUND;
    private int utf8Need;
    private int utf8Value;

    void input(byte b, Actions out) {
        int c = b & 0xFF;
        if (utf8Need > 0) {
            if ((c & 0xC0) == 0x80) {
                utf8Value = (utf8Value << 6) | (c & 0x3F);
                if (--utf8Need == 0) {
                    int cp = utf8Value;
                    codePoint(cp >= 0xD800 && cp <= 0xDFFF || cp > 0x10FFFF ? REPLACEMENT : cp, out);
                }
                return;
            }
            utf8Need = 0;
            codePoint(REPLACEMENT, out);
        }
        if (c < 0x80) {
            codePoint(c, out);
        } else if (c >= 0xC2 && c <= 0xDF) {
            utf8Need = 1;
            utf8Value = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            utf8Need = 2;
            utf8Value = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            utf8Need = 3;
            utf8Value = c & 0x07;
        } else {
            codePoint(REPLACEMENT, out);
        }
    }

    private void codePoint(int cp, Actions out) {
        if (anywhere(cp, out)) {
            return;
        }
        // beyond the C1 range every code point behaves like a GL character inside sequences
        int c = cp >= 0xA0 && state != State.GROUND ? 'A' : cp;
        switch (state) {
            case GROUND -> {
                if (c < 0x20) {
                    out.execute(c);
                } else {
                    out.print(c);
                }
            }
            case ESCAPE -> {
                if (c < 0x20) {
                    out.execute(c);
                } else if (c <= 0x2F) {
                    state = State.ESCAPE_INTERMEDIATE;
                } else if (c == 'P') {
                    state = State.DCS;
                } else if (c == '[') {
                    state = State.CSI_ENTRY;
                } else if (c == ']') {
                    state = State.OSC_STRING;
                } else if (c == 'X' || c == '^' || c == '_') {
                    state = State.IGNORED_STRING;
                } else if (c != 0x7F) {
                    state = State.GROUND;
                    out.escapeDispatch();
                }
            }
            case ESCAPE_INTERMEDIATE -> {
                if (c < 0x20) {
                    out.execute(c);
                } else if (c >= 0x30 && c <= 0x7E) {
                    state = State.GROUND;
                    out.escapeDispatch();
                }
            }
            case CSI_ENTRY, CSI_PARAM -> {
                if (c < 0x20) {
                    out.execute(c);
                } else if (c <= 0x2F) {
                    state = State.CSI_INTERMEDIATE;
                } else if (c == ':' || (state == State.CSI_PARAM && c >= 0x3C && c <= 0x3F)) {
                    state = State.CSI_IGNORE;
                } else if (c <= 0x3F) {
                    state = State.CSI_PARAM;
                } else if (c <= 0x7E) {
                    state = State.GROUND;
                    out.csiDispatch(c);
                }
            }
            case CSI_INTERMEDIATE -> {
                if (c < 0x20) {
                    out.execute(c);
                } else if (c >= 0x30 && c <= 0x3F) {
                    state = State.CSI_IGNORE;
                } else if (c >= 0x40 && c <= 0x7E) {
                    state = State.GROUND;
                    out.csiDispatch(c);
                }
            }
            case CSI_IGNORE -> {
                if (c < 0x20) {
                    out.execute(c);
                } else if (c >= 0x40 && c <= 0x7E) {
                    state = State.GROUND;
                }
            }
            case OSC_STRING -> {
                if (c == 0x07) {
                    state = State.GROUND;
                }
            }
            case DCS, IGNORED_STRING -> {
                // consumed until ST, CAN/SUB or ESC (handled in anywhere)
            }
        }
    }

    /** The transitions that apply in every state; true if the code point was consumed. */
    private boolean anywhere(int cp, Actions out) {
        if (cp == 0x1B) {
            state = State.ESCAPE;
            return true;
        }
        if (cp == 0x18 || cp == 0x1A || (cp >= 0x80 && cp <= 0x8F) || (cp >= 0x91 && cp <= 0x97) || cp == 0x99
                || cp == 0x9A) {
            state = State.GROUND;
            out.execute(cp);
            return true;
        }
        switch (cp) {
            case 0x9C -> state = State.GROUND;
            case 0x90 -> state = State.DCS;
            case 0x9B -> state = State.CSI_ENTRY;
            case 0x9D -> state = State.OSC_STRING;
            case 0x98, 0x9E, 0x9F -> state = State.IGNORED_STRING;
            default -> {
                return false;
            }
        }
        return true;
    }
}
