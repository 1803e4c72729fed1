package dev.tern.transport.predict;

import dev.tern.transport.screen.Cell;
import dev.tern.transport.screen.CharWidth;
import dev.tern.transport.screen.Framebuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Local echo: guesses what each typed key will do to the screen, shows the guesses before the server's echo
 * arrives, and judges them against every new server frame (behaviour: docs/TERMINAL.md §6).
 *
 * <p>Three steps, each called by {@link OverlayComposer}:
 * <ol>
 * <li>{@link #typed} guesses the effect of a read of keys on the frame last drawn: a printable character is drawn
 * at the cursor (the rest of the line shifted right unless typing overwrites), Backspace erases to the left,
 * Left and Right move the cursor, Return moves to the start of the next line. Anything else opens a new,
 * hidden {@link Epochs epoch}.</li>
 * <li>{@link #judge} asks each guess for its {@link Verdict} once the server's echo ack shows the server has held
 * its key long enough: a confirmed guess reveals its epoch; a wrong hidden one throws away its epoch; a wrong
 * shown one throws away everything, so a mistake is on screen for at most one frame.</li>
 * <li>{@link #drawOn} draws the revealed guesses when {@link EchoVisibility} says the link is slow enough to need
 * them.</li>
 * </ol>
 *
 * <p>Fed by the session: {@link #lastSentState} before each read of keys, and after each receive
 * {@link #frameInterval} and {@link #echoAck}. Not thread-safe: use it from the session's thread (only
 * {@link #setSettings} may be called from anywhere).
 */
public final class EchoPredictor {
    /** A read of more than this many bytes is a paste: start over and guess nothing for it. */
    public static final int PASTE_THRESHOLD = 100;
    /** How often waiting guesses want to be looked at again, so that late echoes are noticed. */
    public static final int RECHECK_MS = 50;

    private static final byte ESC = 0x1B;

    private final MillisClock clock;
    private final KeystrokeParser parser = new KeystrokeParser();
    private final List<GuessRow> rows = new ArrayList<>();
    private final List<CursorGuess> cursors = new ArrayList<>();
    private final Epochs epochs = new Epochs();
    private final EchoVisibility visibility = new EchoVisibility();
    private final PredictionStats stats = new PredictionStats();
    private volatile PredictionSettings settings;

    private long lastSentState;
    private long echoAck;
    private int frameInterval = 250;
    private int seenWidth, seenHeight;
    private byte previousKeyByte;

    public EchoPredictor(MillisClock clock) {
        this(clock, PredictionSettings.DEFAULT);
    }

    public EchoPredictor(MillisClock clock, PredictionSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    // ---- what the session tells it ----

    public PredictionSettings settings() {
        return settings;
    }

    /** Takes effect from the next key or display; safe to call from any thread. */
    public void setSettings(PredictionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Number of the newest client state sent: keys typed now travel in the state after it. */
    public void lastSentState(long n) {
        lastSentState = n;
    }

    /** The newest server state's echo ack: the host has held the keys of client states up to it for 50 ms. */
    public void echoAck(long n) {
        echoAck = n;
    }

    /** The transport's frame interval in ms: half the smoothed round trip, clamped to [20, 250]. */
    public void frameInterval(int millis) {
        frameInterval = millis;
    }

    // ---- guessing ----

    /**
     * One read of typed bytes. More than {@value #PASTE_THRESHOLD} bytes is a paste, which starts over and
     * guesses nothing; otherwise each byte is guessed in turn.
     *
     * @param lastDrawn the frame last displayed, guesses included
     */
    public void typed(byte[] bytes, Framebuffer lastDrawn) {
        if (bytes.length > PASTE_THRESHOLD) {
            startOver();
            return;
        }
        for (byte b : bytes) {
            typed(b, lastDrawn);
        }
    }

    private void typed(byte b, Framebuffer drawn) {
        DisplayPreference preference = settings.preference();
        if (preference == DisplayPreference.NEVER) {
            return;
        }
        if (preference == DisplayPreference.EXPERIMENTAL) {
            epochs.joinProven();
        }
        judge(drawn);
        long now = clock.millis();
        // a terminal in application cursor mode sends arrows as ESC O x; they move the cursor like ESC [ x
        if (previousKeyByte == ESC && b == 'O') {
            b = '[';
        }
        previousKeyByte = b;
        parser.input(b, new KeystrokeParser.Actions() {
            @Override
            public void print(int codePoint) {
                guessPrint(codePoint, drawn, now);
            }

            @Override
            public void execute(int control) {
                openHiddenEpoch();
                if (control == '\r') {
                    guessLineStart(drawn, now);
                }
            }

            @Override
            public void escapeDispatch() {
                openHiddenEpoch();
            }

            @Override
            public void csiDispatch(int finalChar) {
                guessCursorKey(finalChar, drawn);
            }
        });
    }

    private void guessPrint(int ch, Framebuffer drawn, long now) {
        CursorGuess cursor = cursorFor(drawn);
        if (ch == 0x7F) {
            guessBackspace(cursor, drawn, now);
        } else if (ch < 0x20 || CharWidth.wcwidth(ch) != 1) {
            openHiddenEpoch(); // wide, combining or unprintable: too many ways for the host to show it
        } else {
            guessCharacter(cursor, ch, drawn, now);
        }
    }

    private void guessBackspace(CursorGuess cursor, Framebuffer drawn, long now) {
        GuessRow line = rowFor(cursor.row(), drawn.width());
        if (cursor.col() <= 0) {
            return;
        }
        int col = cursor.col() - 1;
        moveCursor(cursor.row(), col, true);
        Stamp stamp = stamp(now);
        if (settings.overwrite()) {
            // what mosh-client erases with is the cell under the frame's own cursor, not the guessed one
            Cell under = drawn.cell(drawn.cursorCol(), drawn.cursorRow());
            line.guessAgain(col, stamp, under);
            line.show(col, under);
            line.showText(col, " ");
            return;
        }
        int width = drawn.width();
        for (int c = col; c < width; c++) {
            line.guessAgain(c, stamp, drawn.cell(c, line.row));
            if (c + 2 < width) {
                line.takeFrom(c, c + 1, drawn);
            } else {
                line.unknown(c); // what scrolls in at the end of the line is unknown
            }
        }
    }

    private void guessCharacter(CursorGuess cursor, int ch, Framebuffer drawn, long now) {
        int width = drawn.width();
        GuessRow line = rowFor(cursor.row(), width);
        if (cursor.col() + 1 >= width) {
            openHiddenEpoch(); // applications differ in how they wrap: guess, but hidden
        }
        Stamp stamp = stamp(now);
        int col = cursor.col();
        if (!settings.overwrite()) {
            for (int c = width - 1; c > col; c--) {
                line.guessAgain(c, stamp, drawn.cell(c, line.row));
                if (c == width - 1) {
                    line.unknown(c);
                } else {
                    line.takeFrom(c, c - 1, drawn);
                }
            }
        }
        line.guessAgain(col, stamp, drawn.cell(col, line.row));
        line.showRenditions(col, col > 0 ? line.renditionsLeftOf(col, drawn) : drawn.renditions());
        line.showText(col, Character.toString(ch));
        if (col < width - 1) {
            moveCursor(cursor.row(), col + 1, true);
        } else {
            moveCursor(cursor.row(), col, true);
            openHiddenEpoch();
            guessLineStart(drawn, now);
        }
    }

    /** Right and Left move the cursor one column (whatever their parameters); other keys open a hidden epoch. */
    private void guessCursorKey(int finalChar, Framebuffer drawn) {
        if (finalChar == 'C') {
            CursorGuess cursor = cursorFor(drawn);
            if (cursor.col() < drawn.width() - 1) {
                moveCursor(cursor.row(), cursor.col() + 1, true);
            }
        } else if (finalChar == 'D') {
            CursorGuess cursor = cursorFor(drawn);
            if (cursor.col() > 0) {
                moveCursor(cursor.row(), cursor.col() - 1, true);
            }
        } else {
            openHiddenEpoch();
        }
    }

    /** Return: the cursor goes to the next line's start; on the bottom line only a blank line is guessed. */
    private void guessLineStart(Framebuffer drawn, long now) {
        CursorGuess cursor = cursorFor(drawn);
        if (cursor.row() == drawn.height() - 1) {
            moveCursor(cursor.row(), 0, false);
            rowFor(cursor.row(), drawn.width()).guessBlank(stamp(now));
        } else {
            moveCursor(cursor.row() + 1, 0, false);
        }
    }

    /** The newest cursor guess, started at the frame's cursor or carried into the current epoch if needed. */
    private CursorGuess cursorFor(Framebuffer drawn) {
        if (cursors.isEmpty()) {
            addCursor(drawn.cursorRow(), drawn.cursorCol());
        } else if (cursors.getLast().epoch() != epochs.current()) {
            addCursor(cursors.getLast().row(), cursors.getLast().col());
        }
        return cursors.getLast();
    }

    private void addCursor(int row, int col) {
        cursors.add(new CursorGuess(row, col, epochs.current(), lastSentState + 1));
    }

    /** Moves the newest cursor guess; {@code byThisKey} makes it wait for the state carrying this key. */
    private void moveCursor(int row, int col, boolean byThisKey) {
        CursorGuess moved = cursors.getLast().movedTo(row, col);
        cursors.set(cursors.size() - 1, byThisKey ? moved.carriedBy(lastSentState + 1) : moved);
    }

    private GuessRow rowFor(int row, int width) {
        for (GuessRow r : rows) {
            if (r.row == row) {
                return r;
            }
        }
        GuessRow r = new GuessRow(row, width);
        rows.add(r);
        return r;
    }

    private Stamp stamp(long now) {
        return new Stamp(epochs.current(), lastSentState + 1, now);
    }

    private void openHiddenEpoch() {
        if (settings.preference() != DisplayPreference.EXPERIMENTAL) {
            epochs.openNew();
        }
    }

    // ---- judging ----

    /** Judges every guess against a frame: reveals proven epochs, drops settled guesses, resets on a shown error. */
    public void judge(Framebuffer frame) {
        DisplayPreference preference = settings.preference();
        if (preference == DisplayPreference.NEVER) {
            return;
        }
        if (seenHeight != frame.height() || seenWidth != frame.width()) {
            seenHeight = frame.height();
            seenWidth = frame.width();
            startOver();
        }
        long now = clock.millis();
        visibility.review(frameInterval, anythingGuessed());
        boolean experimental = preference == DisplayPreference.EXPERIMENTAL;
        rows.removeIf(r -> r.row < 0 || r.row >= frame.height());
        for (GuessRow line : rows) {
            for (int col = 0; col < line.width(); col++) {
                CellGuess guess = line.guess(col);
                if (guess != null && !settle(line, col, guess, frame, now, experimental)) {
                    return;
                }
            }
        }
        judgeCursor(frame, experimental);
    }

    /** Acts on one cell guess's verdict; false when that threw every guess away. */
    private boolean settle(GuessRow line, int col, CellGuess guess, Framebuffer frame, long now, boolean experimental) {
        switch (guess.verdict(line.look(col), frame, line.row, col, echoAck)) {
            case WAITING -> visibility.lateEchoes.stillWaiting(now - guess.stamp().madeAt());
            case HARMLESS -> line.drop(col);
            case CONFIRMED -> {
                stats.correct++;
                epochs.prove(guess.epoch());
                visibility.lateEchoes.confirmedAfter(now - guess.stamp().madeAt(), now);
                line.restyleFrom(col, frame.cell(col, line.row).renditions());
                line.drop(col);
            }
            case WRONG -> {
                if (!epochs.revealed(guess.epoch())) {
                    stats.wrongHidden++;
                    if (experimental) {
                        line.drop(col);
                    } else {
                        dropEpochsFrom(guess.epoch(), frame);
                    }
                    return true;
                }
                if (showing()) {
                    stats.wrongDisplayed++;
                }
                if (experimental) {
                    line.drop(col);
                } else {
                    startOver();
                    return false;
                }
            }
        }
        return true;
    }

    /** Only the newest cursor guess is checked: an older one can be wrong merely because later keys moved on. */
    private void judgeCursor(Framebuffer frame, boolean experimental) {
        if (!cursors.isEmpty() && cursors.getLast().verdict(frame, echoAck) == Verdict.WRONG) {
            if (experimental) {
                cursors.clear();
            } else {
                if (showing() && epochs.revealed(cursors.getLast().epoch())) {
                    stats.wrongDisplayed++;
                }
                startOver();
                return;
            }
        }
        cursors.removeIf(c -> c.verdict(frame, echoAck) != Verdict.WAITING);
    }

    /** A hidden guess was wrong: its epoch and later ones are thrown away; guessing resumes at the frame's cursor. */
    private void dropEpochsFrom(long epoch, Framebuffer frame) {
        cursors.removeIf(c -> c.epoch() >= epoch);
        addCursor(frame.cursorRow(), frame.cursorCol());
        for (GuessRow line : rows) {
            line.dropEpochsFrom(epoch);
        }
        openHiddenEpoch();
    }

    /** Forgets every guess; what is typed next is hidden until the server confirms it. */
    public void startOver() {
        cursors.clear();
        rows.clear();
        openHiddenEpoch();
    }

    // ---- showing ----

    /** Whether guesses are drawn at all right now. */
    public boolean showing() {
        return visibility.showing(settings.preference());
    }

    /** Whether drawn guesses are underlined. */
    public boolean underlining() {
        return visibility.underlining();
    }

    /** Draws the revealed guesses onto the canvas (judge the same frame first). */
    public void drawOn(FrameCanvas canvas) {
        if (!showing()) {
            return;
        }
        for (CursorGuess c : cursors) {
            if (epochs.revealed(c.epoch()) && c.row() < canvas.height() && c.col() < canvas.width()) {
                canvas.moveCursor(c.row(), c.col());
            }
        }
        for (GuessRow line : rows) {
            line.drawOn(canvas, epochs, visibility.underlining());
        }
    }

    /** True while any guess exists. */
    public boolean anythingGuessed() {
        if (!cursors.isEmpty()) {
            return true;
        }
        for (GuessRow line : rows) {
            if (line.anyGuess()) {
                return true;
            }
        }
        return false;
    }

    /** Milliseconds until waiting guesses should be looked at again, or {@link Integer#MAX_VALUE}. */
    public int millisUntilRecheck() {
        return anythingGuessed() && !visibility.fullyRaised() ? RECHECK_MS : Integer.MAX_VALUE;
    }

    public PredictionStats stats() {
        return stats;
    }

    /** Whether a guess made now would be shown (its epoch already proven), for tests. */
    boolean revealsNewGuesses() {
        return epochs.revealed(epochs.current());
    }
}
