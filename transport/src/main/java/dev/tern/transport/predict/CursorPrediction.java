package dev.tern.transport.predict;

import dev.tern.transport.screen.Framebuffer;

/** A predicted cursor position (mosh's {@code ConditionalCursorMove}). */
final class CursorPrediction extends Prediction {
    int row;
    int col;

    CursorPrediction(long expirationFrame, int row, int col, long epoch) {
        super(expirationFrame, epoch);
        this.row = row;
        this.col = col;
    }

    Validity validity(Framebuffer fb, long lateAck) {
        if (!active) {
            return Validity.INACTIVE;
        }
        if (row >= fb.height() || col >= fb.width()) {
            return Validity.INCORRECT_OR_EXPIRED;
        }
        if (lateAck >= expirationFrame) {
            return fb.cursorRow() == row && fb.cursorCol() == col ? Validity.CORRECT : Validity.INCORRECT_OR_EXPIRED;
        }
        return Validity.PENDING;
    }

    void apply(FrameCanvas canvas, long confirmedEpoch) {
        if (!active || tentative(confirmedEpoch) || row >= canvas.height() || col >= canvas.width()) {
            return;
        }
        canvas.moveCursor(row, col);
    }
}
