package dev.tern.transport.predict;

import dev.tern.transport.screen.Cell;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Renditions;

import java.util.Arrays;

/**
 * The guessed cells of one screen row. Each column keeps its look (the cell it would show) even after its guess
 * was judged, because the next guess in that column starts from it: a character typed there later keeps the
 * look's width flags, and an erased row keeps its attributes. The looks are forgotten with the row when the
 * engine starts over.
 */
final class GuessRow {
    private static final Cell NOTHING = new Cell("", Renditions.DEFAULT, false, false, false);

    final int row;
    private final Cell[] looks;
    private final CellGuess[] guesses;

    GuessRow(int row, int width) {
        this.row = row;
        this.looks = new Cell[width];
        this.guesses = new CellGuess[width];
        Arrays.fill(looks, NOTHING);
    }

    int width() {
        return looks.length;
    }

    /** The guess in a column, or null. */
    CellGuess guess(int col) {
        return guesses[col];
    }

    Cell look(int col) {
        return looks[col];
    }

    boolean anyGuess() {
        for (CellGuess g : guesses) {
            if (g != null) {
                return true;
            }
        }
        return false;
    }

    void drop(int col) {
        guesses[col] = null;
    }

    void dropEpochsFrom(long epoch) {
        for (int col = 0; col < guesses.length; col++) {
            if (guesses[col] != null && guesses[col].epoch() >= epoch) {
                guesses[col] = null;
            }
        }
    }

    /** Starts a new guess in a column over {@code wasThere}, starting from the column's current look. */
    void guessAgain(int col, Stamp stamp, Cell wasThere) {
        CellGuess old = guesses[col];
        guesses[col] = old == null ? CellGuess.fresh(stamp, wasThere) : old.againAfter(looks[col], wasThere, stamp);
    }

    /** The column will show what column {@code from} shows: its guess if it has one, else the frame's cell. */
    void takeFrom(int col, int from, Framebuffer frame) {
        CellGuess source = guesses[from];
        if (source != null && source.unknown()) {
            guesses[col] = guesses[col].withUnknown(true);
            return;
        }
        looks[col] = source != null ? looks[from] : frame.cell(from, row);
        guesses[col] = guesses[col].withUnknown(false);
    }

    void unknown(int col) {
        guesses[col] = guesses[col].withUnknown(true);
    }

    void show(int col, Cell look) {
        looks[col] = look;
    }

    void showText(int col, String text) {
        Cell l = looks[col];
        looks[col] = new Cell(text, l.renditions(), l.wide(), l.fallback(), l.wrap());
    }

    void showRenditions(int col, long renditions) {
        Cell l = looks[col];
        looks[col] = new Cell(l.contents(), renditions, l.wide(), l.fallback(), l.wrap());
    }

    /** The attributes a new character at {@code col} most likely gets: those of its left neighbour. */
    long renditionsLeftOf(int col, Framebuffer frame) {
        CellGuess left = guesses[col - 1];
        return left != null && !left.unknown() ? looks[col - 1].renditions() : frame.cell(col - 1, row).renditions();
    }

    /** The server drew {@code col} with these attributes; the guesses right of it probably share them. */
    void restyleFrom(int col, long renditions) {
        for (int c = col; c < looks.length; c++) {
            showRenditions(c, renditions);
        }
    }

    /** The whole row is guessed to become blank (a new line at the bottom of the screen). */
    void guessBlank(Stamp stamp) {
        for (int col = 0; col < looks.length; col++) {
            CellGuess old = guesses[col];
            guesses[col] = old == null ? CellGuess.fresh(stamp) : old.restamped(stamp);
            showText(col, "");
        }
    }

    /** Draws the revealed guesses: a changed cell gets its look, underlined if asked and it shows something. */
    void drawOn(FrameCanvas canvas, Epochs epochs, boolean underline) {
        if (row >= canvas.height()) {
            return;
        }
        int width = Math.min(looks.length, canvas.width());
        for (int col = 0; col < width; col++) {
            CellGuess g = guesses[col];
            if (g == null || !epochs.revealed(g.epoch())) {
                continue;
            }
            Cell look = looks[col];
            Cell actual = canvas.cell(col, row);
            boolean mark = underline && !(look.isBlank() && actual.isBlank());
            if (g.unknown()) {
                if (mark && col != canvas.width() - 1) {
                    canvas.underline(col, row);
                }
            } else if (!actual.equals(look)) {
                canvas.setCell(col, row, look);
                if (mark) {
                    canvas.underline(col, row);
                }
            }
        }
    }
}
