package dev.tern.transport.screen;

import java.nio.charset.StandardCharsets;

/** Test helpers: escape notation, byte conversion, an emulator with history. */
final class Vt {
    private Vt() {
    }

    /** Spec notation to a Java string: {@code \e} ESC, {@code \a} BEL, {@code \b} BS, {@code \xHH}. */
    static String s(String notation) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < notation.length(); i++) {
            char c = notation.charAt(i);
            if (c != '\\' || i + 1 >= notation.length()) {
                sb.append(c);
                continue;
            }
            char n = notation.charAt(++i);
            switch (n) {
                case 'e' -> sb.append('\033');
                case 'a' -> sb.append('\007');
                case 'b' -> sb.append('\b');
                case 'r' -> sb.append('\r');
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '\\' -> sb.append('\\');
                case 'x' -> {
                    sb.append((char) Integer.parseInt(notation.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> sb.append('\\').append(n);
            }
        }
        return sb.toString();
    }

    /** An emulator with the xterm repertoire whose scrolled-off rows go to {@code history}. */
    static Emulator xtermWithHistory(int width, int height, ScrollbackBuffer history) {
        Emulator e = new Emulator(width, height, Repertoire.XTERM);
        e.setScrollbackSink(history);
        return e;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void write(Emulator e, String notation) {
        e.write(utf8(s(notation)));
    }

    /** Makes control characters visible in assertion messages. */
    static String show(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\033' -> sb.append("\\e");
                case '\007' -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\x%02x", (int) c));
                    else if (c == ' ') sb.append('_');
                    else if (c >= 0x7F) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
