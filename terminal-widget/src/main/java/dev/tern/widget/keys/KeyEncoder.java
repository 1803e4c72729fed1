package dev.tern.widget.keys;

import javafx.scene.input.KeyCode;

import java.nio.charset.StandardCharsets;

/**
 * What a key press sends to the remote program, following xterm's documented rules for a PC keyboard
 * ("PC-Style Function Keys" in xterm's control sequences) with Alt sending an ESC prefix and Backspace sending DEL.
 * One encoder for every tab kind: local, SSH and Mosh tabs send the same bytes for the same key.
 *
 * <p>The rules, in short: cursor keys, Home and End send {@code CSI x} (or {@code SS3 x} in application cursor
 * mode); editing keys and F5–F12 send {@code CSI n ~}; F1–F4 send {@code SS3 P..S}. With Shift, Alt or Ctrl held
 * each of these carries a modifier parameter {@code 1 + shift + 2·alt + 4·ctrl} ({@code CSI 1;m x},
 * {@code CSI n;m ~}). Characters are sent as typed (UTF-8); Ctrl maps them to C0 controls the way X's keyboard
 * translation does; Alt puts ESC in front. The Super key changes nothing, as in xterm.
 *
 * <p>Pure: no JavaFX event objects, no state; {@link TerminalKeys} feeds it from the window's events.
 */
public final class KeyEncoder {
    private static final byte ESC = 0x1b;

    private KeyEncoder() {
    }

    /** Key modes set by the remote program: DECCKM (application cursor keys) and DECKPAM (application keypad). */
    public record Modes(boolean applicationCursorKeys, boolean applicationKeypad) {
    }

    /**
     * One key press: the key, the text the keyboard layout produced for it without Ctrl and Alt (may be empty),
     * and the modifiers held.
     */
    public record Stroke(KeyCode code, String text, boolean shift, boolean ctrl, boolean alt) {
        int modifierParameter() {
            return 1 + (shift ? 1 : 0) + (alt ? 2 : 0) + (ctrl ? 4 : 0);
        }

        boolean modified() {
            return shift || ctrl || alt;
        }
    }

    /**
     * The bytes for a key press, or null when the press itself sends nothing and the typed character (if any)
     * is what counts: a plain or shifted character key, which arrives as typed text. Returns an empty array for
     * keys that send nothing at all (a modifier alone, Caps Lock, an unknown key).
     */
    public static byte[] pressed(Stroke key, Modes modes) {
        KeyCode code = key.code();
        if (code.isModifierKey() || code == KeyCode.CAPS || code == KeyCode.NUM_LOCK || code == KeyCode.SCROLL_LOCK
                || code == KeyCode.WINDOWS || code == KeyCode.COMMAND || code == KeyCode.CONTEXT_MENU) {
            return new byte[0];
        }
        byte[] special = specialKey(key, modes);
        if (special != null) {
            return special;
        }
        if (key.text().isEmpty()) {
            return null;  // a dead key or an input method: its result comes as typed text
        }
        if (key.ctrl()) {
            byte[] control = controlCharacter(key.text());
            return key.alt() ? escPrefixed(control) : control;
        }
        if (key.alt()) {
            return escPrefixed(key.text().getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** The bytes for typed text that no key press has already sent: the text itself, without control characters. */
    public static byte[] typed(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0))
                .forEach(printable::appendCodePoint);
        return printable.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] specialKey(Stroke key, Modes modes) {
        KeyCode code = key.code();
        return switch (code) {
            case UP, KP_UP -> cursorKey('A', key, modes);
            case DOWN, KP_DOWN -> cursorKey('B', key, modes);
            case RIGHT, KP_RIGHT -> cursorKey('C', key, modes);
            case LEFT, KP_LEFT -> cursorKey('D', key, modes);
            case HOME -> cursorKey('H', key, modes);
            case END -> cursorKey('F', key, modes);
            case BEGIN -> cursorKey('E', key, modes);
            case INSERT -> tildeKey(2, key);
            case DELETE -> key.text().equals(".") || key.text().equals(",") ? null : tildeKey(3, key);
            case PAGE_UP -> tildeKey(5, key);
            case PAGE_DOWN -> tildeKey(6, key);
            case F1 -> functionKey('P', key);
            case F2 -> functionKey('Q', key);
            case F3 -> functionKey('R', key);
            case F4 -> functionKey('S', key);
            case F5 -> tildeKey(15, key);
            case F6 -> tildeKey(17, key);
            case F7 -> tildeKey(18, key);
            case F8 -> tildeKey(19, key);
            case F9 -> tildeKey(20, key);
            case F10 -> tildeKey(21, key);
            case F11 -> tildeKey(23, key);
            case F12 -> tildeKey(24, key);
            case BACK_SPACE -> withAlt(key, key.ctrl() ? (byte) 0x08 : (byte) 0x7f);
            case TAB -> key.shift() && !key.ctrl() ? withAltBytes(key, csi("Z")) : withAlt(key, (byte) 0x09);
            case ENTER -> withAlt(key, (byte) 0x0d);
            case ESCAPE -> withAlt(key, ESC);
            case ADD -> keypadOperator('k', key, modes);
            case SUBTRACT -> keypadOperator('m', key, modes);
            case MULTIPLY -> keypadOperator('j', key, modes);
            case DIVIDE -> keypadOperator('o', key, modes);
            case SPACE -> key.ctrl() ? withAlt(key, (byte) 0) : (key.alt() ? withAlt(key, (byte) ' ') : null);
            default -> null;
        };
    }

    /** Arrows, Home, End: SS3 in application cursor mode, CSI otherwise; a modifier forces CSI 1;m. */
    private static byte[] cursorKey(char finalByte, Stroke key, Modes modes) {
        if (key.modified()) {
            return csi("1;" + key.modifierParameter() + finalByte);
        }
        return ascii((modes.applicationCursorKeys() ? "\033O" : "\033[") + finalByte);
    }

    /**
     * The keypad's + − * / send SS3 in application keypad mode; otherwise (and the digits always, with Num Lock
     * on) they type their character. The keypad's Enter would send SS3 M there too, but JavaFX reports it as the
     * main Enter key, so it sends CR.
     */
    private static byte[] keypadOperator(char finalByte, Stroke key, Modes modes) {
        return modes.applicationKeypad() && !key.modified() ? ascii("\033O" + finalByte) : null;
    }

    private static byte[] functionKey(char finalByte, Stroke key) {
        return key.modified() ? csi("1;" + key.modifierParameter() + finalByte) : ascii("\033O" + finalByte);
    }

    private static byte[] tildeKey(int number, Stroke key) {
        return csi(key.modified() ? number + ";" + key.modifierParameter() + "~" : number + "~");
    }

    private static byte[] withAlt(Stroke key, byte b) {
        return withAltBytes(key, new byte[]{b});
    }

    private static byte[] withAltBytes(Stroke key, byte[] bytes) {
        return key.alt() ? escPrefixed(bytes) : bytes;
    }

    /**
     * Ctrl with a character key, as X's keyboard translation gives it: {@code @}–{@code ~} and space become
     * C0 controls, 2 is NUL, 3–7 are ESC to US, 8 is DEL and / is US; anything else is sent unchanged.
     */
    static byte[] controlCharacter(String text) {
        if (text.length() != 1) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        char c = text.charAt(0);
        if ((c >= '@' && c < 0x7f) || c == ' ') {
            return new byte[]{(byte) (c & 0x1f)};
        }
        if (c == '2') {
            return new byte[]{0};
        }
        if (c >= '3' && c <= '7') {
            return new byte[]{(byte) (c - '3' + ESC)};
        }
        if (c == '8') {
            return new byte[]{0x7f};
        }
        if (c == '/') {
            return new byte[]{0x1f};
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] escPrefixed(byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        out[0] = ESC;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    private static byte[] csi(String body) {
        return ascii("\033[" + body);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
