package dev.tern.transport.screen;

/**
 * Mosh's input side (docs/TERMINAL.md §3.1–3.3): a UTF-8 decoder followed by Paul Williams' VT500 state machine working
 * on code points, with mosh's limits (100 parameter characters, 8 intermediates, 16384 OSC code points) so that no
 * input can make it use unbounded memory.
 */
final class Parser {
    private static final int GROUND = 0, ESCAPE = 1, ESCAPE_INTERMEDIATE = 2, CSI_ENTRY = 3, CSI_PARAM = 4,
            CSI_INTERMEDIATE = 5, CSI_IGNORE = 6, DCS_ENTRY = 7, DCS_PARAM = 8, DCS_INTERMEDIATE = 9,
            DCS_PASSTHROUGH = 10, DCS_IGNORE = 11, OSC_STRING = 12, SOS_PM_APC_STRING = 13;
    private static final int MAX_PARAM_CHARS = 100, MAX_INTERMEDIATES = 8;
    private static final int REPLACEMENT = 0xFFFD;

    private int state = GROUND;

    // UTF-8 decoder
    private int utf8Need;        // continuation bytes still expected
    private int utf8Value;
    private int utf8Count;       // bytes buffered so far
    private int utf8Lead;

    // sequence collection
    private final char[] params = new char[MAX_PARAM_CHARS];
    private int paramLen;
    private final char[] intermediates = new char[MAX_INTERMEDIATES];
    private int intermediateLen;
    private int[] osc = new int[64];
    private int oscLen;
    private final int[] parsed = new int[MAX_PARAM_CHARS + 1];

    Parser copy() {
        Parser p = new Parser();
        p.state = state;
        p.utf8Need = utf8Need;
        p.utf8Value = utf8Value;
        p.utf8Count = utf8Count;
        p.utf8Lead = utf8Lead;
        System.arraycopy(params, 0, p.params, 0, paramLen);
        p.paramLen = paramLen;
        System.arraycopy(intermediates, 0, p.intermediates, 0, intermediateLen);
        p.intermediateLen = intermediateLen;
        p.osc = osc.clone();
        p.oscLen = oscLen;
        return p;
    }

    /** Back to the ground state with nothing pending (after an internal error). */
    void reset() {
        state = GROUND;
        utf8Need = 0;
        paramLen = 0;
        intermediateLen = 0;
        oscLen = 0;
    }

    boolean inGround() {
        return state == GROUND && utf8Need == 0;
    }

    void feed(byte[] b, int off, int len, Terminal t) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (utf8Need == 0 && state == GROUND && c >= 0x20 && c < 0x7F) {
                int j = i + 1;
                while (j < end && b[j] >= 0x20 && b[j] < 0x7F) {
                    j++;
                }
                t.printAscii(b, i, j);
                i = j;
                continue;
            }
            if (utf8Need == 0 && state == GROUND && (c == '\n' || c == '\r')) {
                t.execute(c);  // the other hot path of line output: no state machine needed
                i++;
                continue;
            }
            decode(c, t);
            i++;
        }
    }

    private void decode(int c, Terminal t) {
        if (utf8Need == 0) {
            if (c < 0x80) {
                codePoint(c, t);
            } else if (c >= 0xC2 && c <= 0xDF) {
                start(c & 0x1F, 1, c);
            } else if (c >= 0xE0 && c <= 0xEF) {
                start(c & 0x0F, 2, c);
            } else if (c >= 0xF0 && c <= 0xF7) {
                start(c & 0x07, 3, c);
            } else {
                codePoint(REPLACEMENT, t);
            }
            return;
        }
        boolean valid = (c & 0xC0) == 0x80;
        if (valid && utf8Count == 1) {
            // reject overlong forms at the second byte (Unicode best practice for U+FFFD)
            if (utf8Lead == 0xE0 && c < 0xA0 || utf8Lead == 0xF0 && c < 0x90) {
                valid = false;
            }
        }
        if (!valid) {
            utf8Need = 0;
            codePoint(REPLACEMENT, t);
            decode(c, t);  // the offending byte starts a new attempt
            return;
        }
        utf8Value = (utf8Value << 6) | (c & 0x3F);
        utf8Count++;
        if (--utf8Need == 0) {
            int v = utf8Value;
            if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
                v = REPLACEMENT;
            }
            codePoint(v, t);
        }
    }

    private void start(int bits, int need, int lead) {
        utf8Value = bits;
        utf8Need = need;
        utf8Count = 1;
        utf8Lead = lead;
    }

    // ------------------------------------------------------------------ state machine

    private void codePoint(int cp, Terminal t) {
        // "anywhere" transitions
        if (cp == 0x18 || cp == 0x1A || (cp >= 0x80 && cp <= 0x8F) || (cp >= 0x91 && cp <= 0x97) || cp == 0x99
                || cp == 0x9A) {
            transition(GROUND, t);
            t.execute(cp);
            return;
        }
        switch (cp) {
            case 0x9C -> {
                transition(GROUND, t);
                return;
            }
            case 0x1B -> {
                transition(ESCAPE, t);
                return;
            }
            case 0x98, 0x9E, 0x9F -> {
                transition(SOS_PM_APC_STRING, t);
                return;
            }
            case 0x90 -> {
                transition(DCS_ENTRY, t);
                return;
            }
            case 0x9D -> {
                transition(OSC_STRING, t);
                return;
            }
            case 0x9B -> {
                transition(CSI_ENTRY, t);
                return;
            }
            default -> {
            }
        }
        int c = cp >= 0xA0 ? 'A' : cp;  // high code points choose transitions like 'A'
        boolean c0 = c < 0x20;           // CAN, SUB and ESC were handled above
        switch (state) {
            case GROUND -> {
                if (c0) t.execute(cp);
                else t.print(cp);
            }
            case ESCAPE -> {
                if (c0) t.execute(cp);
                else if (c <= 0x2F) {
                    collect(cp);
                    state = ESCAPE_INTERMEDIATE;
                } else if (c == '[') transition(CSI_ENTRY, t);
                else if (c == ']') transition(OSC_STRING, t);
                else if (c == 'P') transition(DCS_ENTRY, t);
                else if (c == 'X' || c == '^' || c == '_') transition(SOS_PM_APC_STRING, t);
                else if (c != 0x7F) {
                    transition(GROUND, t);
                    t.escDispatch(intermediateString(), cp);
                }
            }
            case ESCAPE_INTERMEDIATE -> {
                if (c0) t.execute(cp);
                else if (c <= 0x2F) collect(cp);
                else if (c != 0x7F) {
                    transition(GROUND, t);
                    t.escDispatch(intermediateString(), cp);
                }
            }
            case CSI_ENTRY, CSI_PARAM -> {
                if (c0) t.execute(cp);
                else if ((c >= '0' && c <= '9') || c == ';') {
                    param(c);
                    state = CSI_PARAM;
                } else if (c >= 0x3C && c <= 0x3F) {
                    if (state == CSI_ENTRY) {
                        collect(cp);
                        state = CSI_PARAM;
                    } else {
                        state = CSI_IGNORE;
                    }
                } else if (c == ':') state = CSI_IGNORE;
                else if (c <= 0x2F) {
                    collect(cp);
                    state = CSI_INTERMEDIATE;
                } else if (c != 0x7F) {
                    transition(GROUND, t);
                    csiDispatch(cp, t);
                }
            }
            case CSI_INTERMEDIATE -> {
                if (c0) t.execute(cp);
                else if (c <= 0x2F) collect(cp);
                else if (c <= 0x3F) state = CSI_IGNORE;
                else if (c != 0x7F) {
                    transition(GROUND, t);
                    csiDispatch(cp, t);
                }
            }
            case CSI_IGNORE -> {
                if (c0) t.execute(cp);
                else if (c >= 0x40 && c <= 0x7E) transition(GROUND, t);
            }
            case DCS_ENTRY, DCS_PARAM -> {
                if (c0 || c == 0x7F) {
                    return;
                }
                if ((c >= '0' && c <= '9') || c == ';') {
                    param(c);
                    state = DCS_PARAM;
                } else if (c >= 0x3C && c <= 0x3F) {
                    if (state == DCS_ENTRY) {
                        collect(cp);
                        state = DCS_PARAM;
                    } else {
                        state = DCS_IGNORE;
                    }
                } else if (c == ':') state = DCS_IGNORE;
                else if (c <= 0x2F) {
                    collect(cp);
                    state = DCS_INTERMEDIATE;
                } else state = DCS_PASSTHROUGH;
            }
            case DCS_INTERMEDIATE -> {
                if (c0 || c == 0x7F) {
                    return;
                }
                if (c <= 0x2F) collect(cp);
                else if (c <= 0x3F) state = DCS_IGNORE;
                else state = DCS_PASSTHROUGH;
            }
            case DCS_PASSTHROUGH, DCS_IGNORE, SOS_PM_APC_STRING -> {
                // swallowed: mosh's hook/put/unhook do nothing
            }
            case OSC_STRING -> {
                if (cp == 0x07) transition(GROUND, t);
                else if (!c0) oscPut(cp);
            }
            default -> state = GROUND;
        }
    }

    /** Leaves the current state (an OSC is dispatched on any exit) and enters the next (clearing as needed). */
    private void transition(int next, Terminal t) {
        if (state == OSC_STRING) {
            state = GROUND;
            t.oscDispatch(osc, oscLen);
        }
        state = next;
        switch (next) {
            case ESCAPE, CSI_ENTRY, DCS_ENTRY -> {
                paramLen = 0;
                intermediateLen = 0;
            }
            case OSC_STRING -> oscLen = 0;
            default -> {
            }
        }
    }

    private void collect(int cp) {
        if (intermediateLen < MAX_INTERMEDIATES && cp <= 0xFF) {
            intermediates[intermediateLen++] = (char) cp;
        }
    }

    private void param(int c) {
        if (paramLen < MAX_PARAM_CHARS) {
            params[paramLen++] = (char) c;
        }
    }

    private void oscPut(int cp) {
        if (oscLen >= Terminal.OSC_MAX) {
            return;
        }
        if (oscLen == osc.length) {
            osc = java.util.Arrays.copyOf(osc, Math.min(Terminal.OSC_MAX, osc.length * 2));
        }
        osc[oscLen++] = cp;
    }

    private String intermediateString() {
        return intermediateLen == 0 ? "" : new String(intermediates, 0, intermediateLen);
    }

    private void csiDispatch(int fin, Terminal t) {
        int count = 0;
        int value = -1;
        boolean overflow = false;
        for (int i = 0; i <= paramLen; i++) {
            if (i == paramLen || params[i] == ';') {
                parsed[count++] = overflow ? -1 : value;
                value = -1;
                overflow = false;
            } else {
                int d = params[i] - '0';
                value = value < 0 ? d : value * 10 + d;
                if (value > 65535) {
                    overflow = true;
                    value = 65536;
                }
            }
        }
        t.csiDispatch(parsed, count, intermediateString(), fin);
    }
}
