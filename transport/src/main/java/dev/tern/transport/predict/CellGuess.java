package dev.tern.transport.predict;

import dev.tern.transport.screen.Cell;
import dev.tern.transport.screen.Framebuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A guess about one cell. What the cell will show is kept by its {@link GuessRow} (the "look"); the guess adds
 * whether the look is known at all and which cells were there before, so that a frame matching an old cell is
 * not taken as proof of the guess.
 *
 * @param unknown something changes here, but not to anything the engine can tell
 * @param before  cells the column showed before the guess
 */
record CellGuess(boolean unknown, List<Cell> before, Stamp stamp) {
    // each method builds a new list and never changes one it was given, so lists are shared between copies
    static CellGuess fresh(Stamp stamp) {
        return new CellGuess(false, List.of(), stamp);
    }

    static CellGuess fresh(Stamp stamp, Cell wasThere) {
        return new CellGuess(false, List.of(wasThere), stamp);
    }

    /**
     * The same column guessed again over {@code wasThere}: a known look so far becomes one more "before"; an
     * unknown one is forgotten.
     */
    CellGuess againAfter(Cell lookSoFar, Cell wasThere, Stamp stamp) {
        if (unknown) {
            return fresh(stamp, wasThere);
        }
        List<Cell> seen = new ArrayList<>(before.size() + 2);
        seen.addAll(before);
        seen.add(lookSoFar);
        seen.add(wasThere);
        return new CellGuess(false, seen, stamp);
    }

    CellGuess withUnknown(boolean value) {
        return value == unknown ? this : new CellGuess(value, before, stamp);
    }

    CellGuess restamped(Stamp newStamp) {
        return new CellGuess(unknown, before, newStamp);
    }

    long epoch() {
        return stamp.epoch();
    }

    /** Judges the guess that column {@code col} of {@code row} will show {@code look}. */
    Verdict verdict(Cell look, Framebuffer frame, int row, int col, long echoAck) {
        if (row >= frame.height() || col >= frame.width()) {
            return Verdict.WRONG;
        }
        if (echoAck < stamp.carriedBy()) {
            return Verdict.WAITING;
        }
        if (unknown || look.isBlank()) {
            return Verdict.HARMLESS; // a blank matches too easily to prove anything
        }
        if (!sameText(frame.cell(col, row), look)) {
            return Verdict.WRONG;
        }
        for (Cell old : before) {
            if (sameText(old, look)) {
                return Verdict.HARMLESS;
            }
        }
        return Verdict.CONFIRMED;
    }

    /** Equal for prediction's purposes: the same text, every form of blank being the same. */
    static boolean sameText(Cell a, Cell b) {
        return a.isBlank() ? b.isBlank() : a.contents().equals(b.contents());
    }
}
