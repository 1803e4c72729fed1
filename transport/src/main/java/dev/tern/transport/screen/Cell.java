package dev.tern.transport.screen;

/**
 * An immutable view of one framebuffer cell (docs/TERMINAL.md §2.2).
 *
 * @param contents  the grapheme: base character then combining characters; "" if never written or erased
 * @param renditions packed rendition, see {@link Renditions}
 * @param wide      the base character is double-width (the next cell is a dead cell)
 * @param fallback  the contents start with a combining character (no base); printed after U+00A0
 * @param wrap      only meaningful on a row's last cell: the row is soft-wrapped
 */
public record Cell(String contents, long renditions, boolean wide, boolean fallback, boolean wrap) {

    /** Mosh's blank predicate, used by prediction: empty, a single space or a single U+00A0. */
    public boolean isBlank() {
        return contents.isEmpty() || contents.equals(" ") || contents.equals("\u00A0");
    }

    /** What a terminal must print to show this cell: a space if empty, U+00A0 before a fallback grapheme. */
    public String printable() {
        if (contents.isEmpty()) {
            return " ";
        }
        return fallback ? "\u00A0" + contents : contents;
    }

    public int columns() {
        return wide ? 2 : 1;
    }
}
