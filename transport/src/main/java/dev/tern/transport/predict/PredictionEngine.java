package dev.tern.transport.predict;

import dev.tern.transport.screen.Cell;
import dev.tern.transport.screen.CharWidth;
import dev.tern.transport.screen.Framebuffer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Speculative local echo exactly as mosh 1.4.0's client does it (mosh-terminal.md §5).
 *
 * <p>Each typed byte is offered to {@link #newUserByte} with the frame last drawn; the engine guesses its effect
 * (cell and cursor predictions). Before every display the composer calls {@link #cull} with the newest server
 * frame, which judges the guesses whose keystroke the server has held for 50 ms (its echo ack), and
 * {@link #apply}, which draws the confirmed-epoch guesses on the displayed copy, underlined while flagging.
 *
 * <p>Fed by the session: {@link #setLocalFrameSent} before each batch of keystrokes, and after each receive
 * {@link #setLocalFrameAcked}, {@link #setSendInterval} and {@link #setLocalFrameLateAcked} (the echo ack).
 * Not thread-safe: use it from the session's thread.
 */
public final class PredictionEngine {
    static final int SRTT_TRIGGER_LOW = 20;
    static final int SRTT_TRIGGER_HIGH = 30;
    static final int FLAG_TRIGGER_LOW = 50;
    static final int FLAG_TRIGGER_HIGH = 80;
    static final long GLITCH_THRESHOLD = 250;
    static final int GLITCH_REPAIR_COUNT = 10;
    static final long GLITCH_REPAIR_MININTERVAL = 150;
    static final long GLITCH_FLAG_THRESHOLD = 5000;
    /** A read of more than this many bytes is a paste: reset and predict nothing for it. */
    public static final int PASTE_THRESHOLD = 100;
    /** How often a waiting engine wants to be woken so pending predictions can age into the glitch triggers. */
    public static final int TIMING_WAKEUP = 50;

    private final MillisClock clock;
    private final KeystrokeParser parser = new KeystrokeParser();
    private final List<RowPrediction> rows = new ArrayList<>();
    private final List<CursorPrediction> cursors = new ArrayList<>();
    private volatile PredictionSettings settings;

    private byte lastByte;
    private long localFrameSent, localFrameAcked, localFrameLateAcked;
    private long predictionEpoch = 1;
    private long confirmedEpoch;
    private boolean flagging;
    private boolean srttTrigger;
    private int glitchTrigger;
    private long lastQuickConfirmation;
    private int sendInterval = 250;
    private int lastHeight, lastWidth;
    private final PredictionStats stats = new PredictionStats();

    public PredictionEngine(MillisClock clock) {
        this(clock, PredictionSettings.DEFAULT);
    }

    public PredictionEngine(MillisClock clock, PredictionSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    // ---- settings and inputs from the session ----

    public PredictionSettings settings() {
        return settings;
    }

    /** Takes effect from the next byte or display; safe to call from any thread. */
    public void setSettings(PredictionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Number of the newest client state sent: the next keystrokes travel in the state after it. */
    public void setLocalFrameSent(long n) {
        localFrameSent = n;
    }

    /** Number of the newest client state the server acknowledged. */
    public void setLocalFrameAcked(long n) {
        localFrameAcked = n;
    }

    /** The newest server state's echo ack: client states up to it have been in the host's hands for 50 ms. */
    public void setLocalFrameLateAcked(long n) {
        localFrameLateAcked = n;
    }

    /** The transport's send interval in ms: ceil(SRTT / 2) clamped to [20, 250]. */
    public void setSendInterval(int millis) {
        sendInterval = millis;
    }

    // ---- user bytes ----

    /**
     * One read of user input (mosh stmclient): more than {@value #PASTE_THRESHOLD} bytes is a paste, which resets
     * the engine and predicts nothing; otherwise each byte is offered in turn.
     *
     * @param lastDrawn the frame last displayed, overlays included
     */
    public void newUserInput(byte[] bytes, Framebuffer lastDrawn) {
        if (bytes.length > PASTE_THRESHOLD) {
            reset();
            return;
        }
        for (byte b : bytes) {
            newUserByte(b, lastDrawn);
        }
    }

    /** Guesses the effect of one typed byte. */
    public void newUserByte(byte b, Framebuffer fb) {
        DisplayPreference preference = settings.preference();
        if (preference == DisplayPreference.NEVER) {
            return;
        }
        if (preference == DisplayPreference.EXPERIMENTAL) {
            predictionEpoch = confirmedEpoch;
        }
        cull(fb);
        long now = clock.millis();
        // the user's terminal sends arrows in application mode (ESC O x); predict them like ESC [ x
        if (lastByte == 0x1B && b == 'O') {
            b = '[';
        }
        lastByte = b;
        parser.input(b, new KeystrokeParser.Actions() {
            @Override
            public void print(int codePoint) {
                predictPrint(codePoint, fb, now);
            }

            @Override
            public void execute(int control) {
                becomeTentative();
                if (control == 0x0D) {
                    newlineCarriageReturn(fb, now);
                }
            }

            @Override
            public void escapeDispatch() {
                becomeTentative();
            }

            @Override
            public void csiDispatch(int finalChar) {
                predictCsi(finalChar, fb, now);
            }
        });
    }

    private void predictPrint(int ch, Framebuffer fb, long now) {
        initCursor(fb);
        CursorPrediction cursor = cursor();
        if (ch == 0x7F) {
            predictBackspace(cursor, fb, now);
        } else if (ch < 0x20 || CharWidth.wcwidth(ch) != 1) {
            becomeTentative(); // wide, combining or unprintable: no guess
        } else {
            predictCharacter(cursor, ch, fb, now);
        }
    }

    private void predictBackspace(CursorPrediction cursor, Framebuffer fb, long now) {
        RowPrediction row = rowPrediction(cursor.row, fb.width());
        if (cursor.col <= 0) {
            return;
        }
        cursor.col--;
        cursor.expire(localFrameSent + 1, now);
        if (settings.overwrite()) {
            CellPrediction cell = row.cells[cursor.col];
            cell.rearm(predictionEpoch, localFrameSent + 1, now);
            // mosh takes the cell under the frame's real cursor here, not the predicted column
            Cell original = fb.cell(fb.cursorCol(), fb.cursorRow());
            cell.originalContents.add(original);
            cell.replacement = original;
            cell.setText(" ");
            return;
        }
        int width = fb.width();
        for (int i = cursor.col; i < width; i++) {
            CellPrediction cell = row.cells[i];
            cell.rearm(predictionEpoch, localFrameSent + 1, now);
            cell.originalContents.add(fb.cell(i, cursor.row));
            if (i + 2 < width) {
                CellPrediction next = row.cells[i + 1];
                if (next.active) {
                    cell.copyFrom(next);
                } else {
                    cell.copyFrom(fb.cell(i + 1, cursor.row));
                }
            } else {
                cell.unknown = true;
            }
        }
    }

    private void predictCharacter(CursorPrediction cursor, int ch, Framebuffer fb, long now) {
        int width = fb.width();
        RowPrediction row = rowPrediction(cursor.row, width);
        if (cursor.col + 1 >= width) {
            becomeTentative(); // applications differ in how they wrap: guess, but hidden
        }
        int rightmost = settings.overwrite() ? cursor.col : width - 1;
        for (int i = rightmost; i > cursor.col; i--) {
            CellPrediction cell = row.cells[i];
            cell.rearm(predictionEpoch, localFrameSent + 1, now);
            cell.originalContents.add(fb.cell(i, cursor.row));
            CellPrediction previous = row.cells[i - 1];
            if (i == width - 1) {
                cell.unknown = true;
            } else if (previous.active) {
                cell.copyFrom(previous);
            } else {
                cell.copyFrom(fb.cell(i - 1, cursor.row));
            }
        }
        CellPrediction cell = row.cells[cursor.col];
        cell.rearm(predictionEpoch, localFrameSent + 1, now);
        long renditions = fb.renditions();
        if (cursor.col > 0) {
            // the new character probably looks like the one to its left
            CellPrediction left = row.cells[cursor.col - 1];
            renditions = left.active && !left.unknown ? left.replacement.renditions()
                    : fb.cell(cursor.col - 1, cursor.row).renditions();
        }
        cell.setRenditions(renditions);
        cell.setText(Character.toString(ch));
        cell.originalContents.add(fb.cell(cursor.col, cursor.row));
        cursor.expire(localFrameSent + 1, now);
        if (cursor.col < width - 1) {
            cursor.col++;
        } else {
            becomeTentative();
            newlineCarriageReturn(fb, now);
        }
    }

    private void predictCsi(int finalChar, Framebuffer fb, long now) {
        if (finalChar == 'C') {
            initCursor(fb);
            CursorPrediction cursor = cursor();
            if (cursor.col < fb.width() - 1) {
                cursor.col++;
                cursor.expire(localFrameSent + 1, now);
            }
        } else if (finalChar == 'D') {
            initCursor(fb);
            CursorPrediction cursor = cursor();
            if (cursor.col > 0) {
                cursor.col--;
                cursor.expire(localFrameSent + 1, now);
            }
        } else {
            becomeTentative();
        }
    }

    private void newlineCarriageReturn(Framebuffer fb, long now) {
        initCursor(fb);
        CursorPrediction cursor = cursor();
        cursor.col = 0;
        if (cursor.row == fb.height() - 1) {
            // scrolling is not predicted: only that the bottom row becomes blank
            for (CellPrediction cell : rowPrediction(cursor.row, fb.width()).cells) {
                cell.active = true;
                cell.epoch = predictionEpoch;
                cell.expire(localFrameSent + 1, now);
                cell.setText("");
            }
        } else {
            cursor.row++;
        }
    }

    private void initCursor(Framebuffer fb) {
        if (cursors.isEmpty()) {
            addCursor(fb.cursorRow(), fb.cursorCol());
        } else if (cursor().epoch != predictionEpoch) {
            addCursor(cursor().row, cursor().col);
        }
    }

    private void addCursor(int row, int col) {
        CursorPrediction c = new CursorPrediction(localFrameSent + 1, row, col, predictionEpoch);
        c.active = true;
        cursors.add(c);
    }

    private CursorPrediction cursor() {
        return cursors.getLast();
    }

    private RowPrediction rowPrediction(int row, int width) {
        for (RowPrediction r : rows) {
            if (r.row == row) {
                return r;
            }
        }
        RowPrediction r = new RowPrediction(row, width, predictionEpoch);
        rows.add(r);
        return r;
    }

    private void becomeTentative() {
        if (settings.preference() != DisplayPreference.EXPERIMENTAL) {
            predictionEpoch++;
        }
    }

    // ---- judging ----

    /** Judges the predictions against a frame: confirms epochs, drops proven ones, resets on a wrong guess. */
    public void cull(Framebuffer fb) {
        DisplayPreference preference = settings.preference();
        if (preference == DisplayPreference.NEVER) {
            return;
        }
        if (lastHeight != fb.height() || lastWidth != fb.width()) {
            lastHeight = fb.height();
            lastWidth = fb.width();
            reset();
        }
        long now = clock.millis();
        if (sendInterval > SRTT_TRIGGER_HIGH) {
            srttTrigger = true;
        } else if (srttTrigger && sendInterval <= SRTT_TRIGGER_LOW && !active()) {
            srttTrigger = false; // only once nothing is being shown
        }
        if (sendInterval > FLAG_TRIGGER_HIGH) {
            flagging = true;
        } else if (sendInterval <= FLAG_TRIGGER_LOW) {
            flagging = false;
        }
        if (glitchTrigger > GLITCH_REPAIR_COUNT) {
            flagging = true;
        }
        boolean experimental = preference == DisplayPreference.EXPERIMENTAL;
        Iterator<RowPrediction> it = rows.iterator();
        while (it.hasNext()) {
            RowPrediction row = it.next();
            if (row.row < 0 || row.row >= fb.height()) {
                it.remove();
                continue;
            }
            CellPrediction[] cells = row.cells;
            for (int j = 0; j < cells.length; j++) {
                CellPrediction cell = cells[j];
                switch (cell.validity(fb, row.row, localFrameLateAcked)) {
                    case INCORRECT_OR_EXPIRED -> {
                        if (cell.tentative(confirmedEpoch)) {
                            stats.wrongHidden++;
                            if (experimental) {
                                cell.reset();
                            } else {
                                killEpoch(cell.epoch, fb);
                            }
                        } else {
                            if (displaying()) {
                                stats.wrongDisplayed++;
                            }
                            if (experimental) {
                                cell.reset();
                            } else {
                                reset();
                                return;
                            }
                        }
                    }
                    case CORRECT -> {
                        stats.correct++;
                        if (cell.epoch > confirmedEpoch) {
                            confirmedEpoch = cell.epoch;
                        }
                        // quick confirmations slowly cure the glitch trigger
                        if (now - cell.predictionTime < GLITCH_THRESHOLD && glitchTrigger > 0
                                && now - GLITCH_REPAIR_MININTERVAL >= lastQuickConfirmation) {
                            glitchTrigger--;
                            lastQuickConfirmation = now;
                        }
                        long actual = fb.cell(cell.col, row.row).renditions();
                        for (int k = j; k < cells.length; k++) {
                            cells[k].setRenditions(actual);
                        }
                        cell.reset();
                    }
                    case CORRECT_NO_CREDIT -> cell.reset();
                    case PENDING -> {
                        long pendingFor = now - cell.predictionTime;
                        if (pendingFor >= GLITCH_FLAG_THRESHOLD) {
                            glitchTrigger = GLITCH_REPAIR_COUNT * 2; // display and underline
                        } else if (pendingFor >= GLITCH_THRESHOLD && glitchTrigger < GLITCH_REPAIR_COUNT) {
                            glitchTrigger = GLITCH_REPAIR_COUNT; // display
                        }
                    }
                    case INACTIVE -> {
                    }
                }
            }
        }
        if (!cursors.isEmpty() && cursor().validity(fb, localFrameLateAcked) == Validity.INCORRECT_OR_EXPIRED) {
            if (experimental) {
                cursors.clear();
            } else {
                if (displaying() && !cursor().tentative(confirmedEpoch)) {
                    stats.wrongDisplayed++;
                }
                reset();
                return;
            }
        }
        cursors.removeIf(c -> c.validity(fb, localFrameLateAcked) != Validity.PENDING);
    }

    private void killEpoch(long epoch, Framebuffer fb) {
        cursors.removeIf(c -> c.epoch >= epoch);
        addCursor(fb.cursorRow(), fb.cursorCol());
        for (RowPrediction row : rows) {
            for (CellPrediction cell : row.cells) {
                if (cell.epoch >= epoch) {
                    cell.reset();
                }
            }
        }
        becomeTentative();
    }

    /** Forgets every prediction; what is typed next is hidden until the server confirms it. */
    public void reset() {
        cursors.clear();
        rows.clear();
        becomeTentative();
    }

    // ---- display ----

    /** Whether predictions are drawn at all right now. */
    public boolean displaying() {
        DisplayPreference p = settings.preference();
        return switch (p) {
            case NEVER -> false;
            case ALWAYS, EXPERIMENTAL -> true;
            case ADAPTIVE -> srttTrigger || glitchTrigger > 0;
        };
    }

    /** Draws the displayable predictions onto the canvas (call {@link #cull} with the same frame first). */
    public void apply(FrameCanvas canvas) {
        if (!displaying()) {
            return;
        }
        for (CursorPrediction c : cursors) {
            c.apply(canvas, confirmedEpoch);
        }
        for (RowPrediction row : rows) {
            for (CellPrediction cell : row.cells) {
                cell.apply(canvas, row.row, confirmedEpoch, flagging);
            }
        }
    }

    /** True while any prediction exists. */
    public boolean active() {
        if (!cursors.isEmpty()) {
            return true;
        }
        for (RowPrediction row : rows) {
            for (CellPrediction cell : row.cells) {
                if (cell.active) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Milliseconds until the engine wants to run again, or {@link Integer#MAX_VALUE}. */
    public int waitTime() {
        boolean timingTestsNecessary = !(glitchTrigger > 0 && flagging);
        return timingTestsNecessary && active() ? TIMING_WAKEUP : Integer.MAX_VALUE;
    }

    /** Whether displayed predictions are underlined. */
    public boolean flagging() {
        return flagging;
    }

    public PredictionStats stats() {
        return stats;
    }

    // ---- for tests ----

    long predictionEpoch() {
        return predictionEpoch;
    }

    long confirmedEpoch() {
        return confirmedEpoch;
    }

    int glitchTrigger() {
        return glitchTrigger;
    }

    boolean srttTrigger() {
        return srttTrigger;
    }
}
