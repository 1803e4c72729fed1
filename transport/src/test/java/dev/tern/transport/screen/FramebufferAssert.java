package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares what a receiver shows with what the sender holds, modulo the representational differences mosh's
 * protocol itself introduces (docs/TERMINAL.md §4.6 item 1): an empty cell and a space with the same rendition are the
 * same blank; a fallback cell equals U+00A0 followed by its contents; the right half of a wide character is never
 * transmitted; bell counts and icon names are not synchronised.
 *
 * <p>Soft-wrap flags are checked in one direction only: a receiver row may be wrapped only if the sender's is.
 * Mosh's writer cannot always carry a wrap over: not from the bottom row (nothing follows it; such a row can later
 * scroll up), and not when the row ends with a wide character (the flag sits on its never-transmitted right
 * half). The flag is not displayed, so this never shows.
 */
final class FramebufferAssert {
    private FramebufferAssert() {
    }

    static String difference(Framebuffer want, Framebuffer got) {
        if (want.width() != got.width() || want.height() != got.height()) {
            return "size " + want.width() + "x" + want.height() + " vs " + got.width() + "x" + got.height();
        }
        for (int y = 0; y < want.height(); y++) {
            Row a = want.row(y), b = got.row(y);
            for (int x = 0; x < want.width(); x++) {
                if (!sameCell(a.cell(x), b.cell(x))) {
                    return "cell (" + y + "," + x + "): " + a.cell(x) + " vs " + b.cell(x);
                }
                if (a.isWide(x)) {
                    x++;
                }
            }
            boolean endsWithWide = want.width() >= 2 && a.isWide(want.width() - 2);
            if (b.wrapped() && !a.wrapped() && !endsWithWide) {
                return "row " + y + " wrap " + a.wrapped() + " vs " + b.wrapped();
            }
        }
        if (want.cursorRow() != got.cursorRow() || want.cursorCol() != got.cursorCol()) {
            return "cursor " + want.cursorRow() + "," + want.cursorCol() + " vs " + got.cursorRow() + ","
                    + got.cursorCol();
        }
        if (want.cursorVisible() != got.cursorVisible()) return "cursor visibility";
        if (want.reverseVideo() != got.reverseVideo()) return "reverse video";
        if (want.renditions() != got.renditions()) return "renditions " + Renditions.sgr(want.renditions()) + " vs "
                + Renditions.sgr(got.renditions());
        if (want.bracketedPaste() != got.bracketedPaste()) return "bracketed paste";
        if (want.mouseReportingMode() != got.mouseReportingMode()) return "mouse reporting";
        if (want.mouseEncodingMode() != got.mouseEncodingMode()) return "mouse encoding";
        if (want.mouseFocusEvent() != got.mouseFocusEvent()) return "focus events";
        if (want.titleInitialized() && !want.title().equals(got.title())) return "title '" + want.title() + "' vs '"
                + got.title() + "'";
        if (!want.clipboard().equals(got.clipboard())) return "clipboard";
        return null;
    }

    static boolean sameCell(Cell a, Cell b) {
        if (a.wide() != b.wide()) {
            return false;
        }
        if (isBlank(a) && isBlank(b)) {
            return a.renditions() == b.renditions();
        }
        return a.renditions() == b.renditions() && a.printable().equals(b.printable());
    }

    private static boolean isBlank(Cell c) {
        return c.contents().isEmpty() || c.contents().equals(" ");
    }

    static void sameScreen(Framebuffer want, Framebuffer got) {
        String d = difference(want, got);
        if (d != null) {
            fail(d + "\nwant:\n" + want + "\ngot:\n" + got);
        }
    }
}
