package dev.tern.transport.screen;

import java.util.List;

/**
 * Which rows of a Mosh screen left it between two frames that the client saw (docs/ARCHITECTURE.md §13):
 * mosh-server sends screens, not the lines between them, so a history built from the frames alone (a tab without
 * a recording, the CLI writing into its terminal's scrollback) learns from this rule what it can keep and where
 * lines went by unseen.
 */
public final class LeftRows {
    private LeftRows() {
    }

    /**
     * The rows above {@code before}'s cursor that are gone from {@code after} without a scroll the renderer used
     * go to {@code left}; returns whether more lines went by unseen after them. Only a screen that output filled
     * (the cursor on the bottom row) counts as lines gone by: a screen cleared or redrawn in place keeps nothing,
     * as a terminal's clear does.
     */
    public static boolean between(Framebuffer before, Framebuffer after, List<Row> left) {
        int c = before.cursorRow();
        int h = before.height();
        long[] old = new long[c];
        boolean same = true;
        for (int y = 0; y < c; y++) {
            old[y] = RecordedRows.textHash(before.row(y));
            same &= old[y] == RecordedRows.textHash(after.row(y));
        }
        if (same && c > 0) {
            return false;
        }
        // a scroll by d rows together with a change the renderer's scroll detection does not allow
        for (int d = 1; d < c; d++) {
            boolean shifted = true, anyText = false;
            for (int y = d; y < c && shifted; y++) {
                shifted = old[y] == RecordedRows.textHash(after.row(y - d));
                anyText |= !RecordedRows.isBlankRow(before.row(y));
            }
            if (shifted && anyText) {
                for (int y = 0; y < d; y++) {
                    left.add(before.row(y));
                }
                return false;
            }
        }
        if (after.cursorRow() < after.height() - 1) {
            return false;
        }
        // the cursor's row is a whole line too unless it is the bottom one: a command line just entered, not a
        // line a flood was still writing (half of that one would be a wrong line)
        int whole = c < h - 1 && !RecordedRows.isBlankRow(before.row(c)) ? c + 1 : c;
        boolean anyBefore = false;
        for (int y = 0; y < whole; y++) {
            anyBefore |= !RecordedRows.isBlankRow(before.row(y));
        }
        if (!anyBefore || (whole > c && appears(before.row(c), after))) {
            return false;
        }
        for (int y = 0; y < whole; y++) {
            left.add(before.row(y));
        }
        return true;
    }

    private static boolean appears(Row row, Framebuffer screen) {
        long hash = RecordedRows.textHash(row);
        for (int y = 0; y < screen.height(); y++) {
            if (RecordedRows.textHash(screen.row(y)) == hash) {
                return true;
            }
        }
        return false;
    }
}
