package dev.tern.app.cli;

import java.nio.charset.StandardCharsets;

/**
 * Makes text that a server sent (an SSH banner, a keyboard-interactive question, what a failed mosh-server
 * printed) safe to print on the user's real terminal, following OpenSSH's rule for untrusted strings: printable
 * characters, tabs and line breaks pass; every other character is shown as backslash-octal escapes of its UTF-8
 * bytes ({@code ESC} becomes {@code \033}). A server can then neither send the terminal commands (retitle the
 * window, rewrite the screen, answer-back queries) nor overwrite what Tern itself printed.
 */
final class RemoteText {
    private RemoteText() {
    }

    static String printable(String untrusted) {
        if (untrusted == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(untrusted.length());
        int i = 0;
        while (i < untrusted.length()) {
            int c = untrusted.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c == '\r' && next < untrusted.length() && untrusted.charAt(next) == '\n') {
                // a CRLF line end (Windows servers send them) is an ordinary line break; a lone CR could overwrite
                // the start of the line with something else, so that one is escaped
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                out.append('\uFFFD'); // half of a surrogate pair: bad data, not a character to escape
            } else if (passes(c)) {
                out.appendCodePoint(c);
            } else {
                escape(c, out);
            }
            i = next;
        }
        return out.toString();
    }

    private static boolean passes(int c) {
        if (c == '\t' || c == '\n') {
            return true;
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
            return false; // C0 and C1 controls, among them ESC and the one-byte CSI
        }
        if (isDirectionControl(c)) {
            return false; // can make a printed line read differently from what it holds
        }
        int type = Character.getType(c);
        return type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.UNASSIGNED;
    }

    private static boolean isDirectionControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    private static void escape(int c, StringBuilder out) {
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
            int unsigned = b & 0xFF;
            out.append('\\').append((char) ('0' + (unsigned >> 6))).append((char) ('0' + ((unsigned >> 3) & 7)))
                    .append((char) ('0' + (unsigned & 7)));
        }
    }
}
