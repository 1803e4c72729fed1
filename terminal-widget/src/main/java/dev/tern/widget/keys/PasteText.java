package dev.tern.widget.keys;

/**
 * What a paste may send. Pasted text is data, never keys: a clipboard filled by a web page can hold
 * {@code ESC [201~}, which would end a bracketed paste early and let the rest run as typed commands, or other
 * escape sequences and control characters. As xterm does by default, only tab and line breaks survive among the
 * C0 and C1 controls (and DEL); line breaks become CR, which is what the Enter key sends.
 */
public final class PasteText {
    private PasteText() {
    }

    public static String clean(String text) {
        String lines = text.replace("\r\n", "\r").replace('\n', '\r');
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().filter(PasteText::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allowed(int cp) {
        if (cp == '\t' || cp == '\r') {
            return true;
        }
        return cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0);
    }
}
