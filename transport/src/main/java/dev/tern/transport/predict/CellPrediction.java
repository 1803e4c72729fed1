package dev.tern.transport.predict;

import dev.tern.transport.screen.Cell;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Renditions;

import java.util.ArrayList;
import java.util.List;

/**
 * A predicted cell (mosh's {@code ConditionalOverlayCell}): the replacement to show, or {@code unknown} when only
 * "something changes here" is known, plus the cells that were there before, which earn no credit when matched.
 * The replacement survives {@link #reset()}, as in mosh, because later predictions edit it in place.
 */
final class CellPrediction extends Prediction {
    static final Cell EMPTY = new Cell("", Renditions.DEFAULT, false, false, false);

    final int col;
    Cell replacement = EMPTY;
    boolean unknown;
    final List<Cell> originalContents = new ArrayList<>(2);

    CellPrediction(int col, long epoch) {
        super(0, epoch);
        this.col = col;
    }

    @Override
    void reset() {
        unknown = false;
        originalContents.clear();
        super.reset();
    }

    /** Makes the cell a fresh prediction, keeping what it predicted so far as "original contents". */
    void rearm(long epoch, long nextFrame, long now) {
        if (!active || unknown) {
            reset();
        } else {
            originalContents.add(replacement);
            super.reset();
        }
        active = true;
        this.epoch = epoch;
        expire(nextFrame, now);
    }

    /** Copies another cell's prediction (shifting a row): its replacement or its being unknown. */
    void copyFrom(CellPrediction other) {
        if (other.unknown) {
            unknown = true;
        } else {
            unknown = false;
            replacement = other.replacement;
        }
    }

    void copyFrom(Cell actual) {
        unknown = false;
        replacement = actual;
    }

    void setText(String text) {
        replacement = new Cell(text, replacement.renditions(), replacement.wide(), replacement.fallback(),
                replacement.wrap());
    }

    void setRenditions(long renditions) {
        replacement = new Cell(replacement.contents(), renditions, replacement.wide(), replacement.fallback(),
                replacement.wrap());
    }

    Validity validity(Framebuffer fb, int row, long lateAck) {
        if (!active) {
            return Validity.INACTIVE;
        }
        if (row >= fb.height() || col >= fb.width()) {
            return Validity.INCORRECT_OR_EXPIRED;
        }
        if (lateAck < expirationFrame) {
            return Validity.PENDING;
        }
        if (unknown || replacement.isBlank()) {
            return Validity.CORRECT_NO_CREDIT; // blanks are too easy to match by accident
        }
        if (!contentsMatch(fb.cell(col, row), replacement)) {
            return Validity.INCORRECT_OR_EXPIRED;
        }
        for (Cell original : originalContents) {
            if (contentsMatch(original, replacement)) {
                return Validity.CORRECT_NO_CREDIT;
            }
        }
        return Validity.CORRECT;
    }

    void apply(FrameCanvas canvas, int row, long confirmedEpoch, boolean flag) {
        if (!active || row >= canvas.height() || col >= canvas.width() || tentative(confirmedEpoch)) {
            return;
        }
        Cell actual = canvas.cell(col, row);
        if (replacement.isBlank() && actual.isBlank()) {
            flag = false;
        }
        if (unknown) {
            if (flag && col != canvas.width() - 1) {
                canvas.underline(col, row);
            }
            return;
        }
        if (!actual.equals(replacement)) {
            canvas.setCell(col, row, replacement);
            if (flag) {
                canvas.underline(col, row);
            }
        }
    }

    /** Mosh's {@code contents_match}: both blank, or the same text. */
    static boolean contentsMatch(Cell a, Cell b) {
        return (a.isBlank() && b.isBlank()) || a.contents().equals(b.contents());
    }
}
