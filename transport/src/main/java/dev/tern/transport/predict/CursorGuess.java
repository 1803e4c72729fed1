package dev.tern.transport.predict;

import dev.tern.transport.screen.Framebuffer;

/**
 * Where the cursor is guessed to be once the server has handled the keys typed so far.
 *
 * @param carriedBy number of the first client state that carries the key which last moved this guess
 */
record CursorGuess(int row, int col, long epoch, long carriedBy) {
    CursorGuess movedTo(int newRow, int newCol) {
        return new CursorGuess(newRow, newCol, epoch, carriedBy);
    }

    CursorGuess carriedBy(long state) {
        return new CursorGuess(row, col, epoch, state);
    }

    Verdict verdict(Framebuffer frame, long echoAck) {
        if (row >= frame.height() || col >= frame.width()) {
            return Verdict.WRONG;
        }
        if (echoAck < carriedBy) {
            return Verdict.WAITING;
        }
        return frame.cursorRow() == row && frame.cursorCol() == col ? Verdict.CONFIRMED : Verdict.WRONG;
    }
}
