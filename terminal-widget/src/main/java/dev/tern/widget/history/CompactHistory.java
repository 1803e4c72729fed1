package dev.tern.widget.history;

import com.techsenger.jeditermfx.core.StyledTextConsumer;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.CharBuffer;
import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalLine.TextEntry;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A tab's history in {@link LineBlock}s instead of one {@link TerminalLine} object graph per line: 10,000 lines of
 * 76 characters cost under a megabyte instead of about four (bench/RESULTS.md, "Memory"). It takes the place of
 * JediTermFX's own history list ({@link #installInto}), so the view paints, selects, searches and copies from it
 * unchanged: a line is unpacked when the view asks for it, which is only for the rows on screen.
 *
 * <p>The newest {@link #HOT_LINES} lines stay the objects they were added as, because the library finds recent
 * history lines by identity (its link finder looks through the last 200) and may still change the newest one. A
 * Mosh tab's history also finds its last confirmed line by identity: {@link #keepFrom} keeps that line and every
 * line after it as added.
 *
 * <p>Only the operations JediTermFX and the pipeline use on a history are cheap: adding at the end, dropping at
 * either end, reading a line. Edits in the middle (the library never makes them on a history) rebuild the whole
 * list. The library's package-private methods cannot be overridden from here; it calls them only on screen
 * buffers, and {@link #moveBottomLinesTo} must not be given another {@code CompactHistory}. Not thread-safe: like
 * the list it replaces, it is used under the text buffer's lock.
 */
public final class CompactHistory extends LinesBuffer {
    /** At least the 200 lines JediTermFX's link finder searches by identity. */
    public static final int HOT_LINES = 256;
    /** How many older lines an add may pack for each line it adds (plus a quarter of {@link #HOT_LINES}). */
    static final int PACK_PER_LINE_ADDED = 2;

    private final int maxLines;
    /** Every block but the last is full; the first one's oldest {@link #skipped} lines are gone. */
    private final ArrayList<LineBlock> blocks = new ArrayList<>();
    private int skipped;
    private int packed;
    /**
     * The newest lines, as added; packed in batches once they are more than twice {@link #HOT_LINES}, and only
     * once a later batch came or output paused.
     */
    private ArrayList<TerminalLine> hot = new ArrayList<>();
    private TerminalLine keepFrom;

    /** @param maxLines the most lines kept (the oldest go first); zero or less keeps every line */
    public CompactHistory(int maxLines) {
        super(maxLines, null);
        this.maxLines = maxLines;
    }

    /**
     * Puts a compact history in the place of the text buffer's own, with the lines it already holds. JediTermFX
     * creates its history list in private code and keeps it in a private field, so this reaches it by reflection;
     * if a newer library moved it, the library's own list stays and the tab works as before, with heavier lines.
     *
     * @return the installed history, or null when the library's could not be replaced
     */
    public static CompactHistory installInto(TerminalTextBuffer buffer) {
        buffer.lock();
        try {
            Field count = TerminalTextBuffer.class.getDeclaredField("myHistoryLinesCount");
            Field slot = TerminalTextBuffer.class.getDeclaredField(
                    buffer.isUsingAlternateBuffer() ? "myHistoryBufferBackup" : "myHistoryBuffer");
            count.setAccessible(true);
            slot.setAccessible(true);
            CompactHistory compact = new CompactHistory(count.getInt(buffer));
            LinesBuffer old = (LinesBuffer) slot.get(buffer);
            List<TerminalLine> lines = new ArrayList<>(old.getLineCount());
            for (int i = 0; i < old.getLineCount(); i++) {
                lines.add(old.getLine(i));
            }
            compact.addLines(lines);
            slot.set(buffer, compact);
            return compact;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("tern: the compact history is off (" + e + "); history lines take more memory");
            return null;
        } finally {
            buffer.unlock();
        }
    }

    /**
     * Keeps {@code line} and every line after it as the objects they were added as, so that they can be found by
     * identity; the line before it may be packed. Null lets every line but the newest {@link #HOT_LINES} be packed.
     */
    public void keepFrom(TerminalLine line) {
        keepFrom = line;
    }

    /** Removes the newest {@code count} lines. */
    public void dropNewest(int count) {
        int n = Math.min(count, getLineCount());
        int fromHot = Math.min(n, hot.size());
        hot.subList(hot.size() - fromHot, hot.size()).clear();
        int left = n - fromHot;
        while (left > 0) {
            LineBlock last = blocks.getLast();
            int inLast = blocks.size() == 1 ? last.count() - skipped : last.count();
            int take = Math.min(left, inLast);
            if (take == inLast) {
                blocks.removeLast();
            } else {
                last.dropNewest(take);
            }
            packed -= take;
            left -= take;
        }
        if (packed == 0) {
            blocks.clear();
            skipped = 0;
        }
    }

    /** How many lines are held packed. */
    public int packedLines() {
        return packed;
    }

    /** Bytes held by the packed lines' arrays (not the newest, unpacked ones): the benchmark's figure. */
    public long packedBytes() {
        long bytes = 0;
        for (LineBlock block : blocks) {
            bytes += block.footprint();
        }
        return bytes;
    }

    @Override
    public int getLineCount() {
        return packed + hot.size();
    }

    @Override
    public TerminalLine getLine(int row) {
        if (row < 0 || row >= getLineCount()) {
            return TerminalLine.createEmpty();
        }
        return lineAt(row);
    }

    /**
     * Adds at the end. The lines added are packed at the earliest by the next call (or {@link #settle}): a flood
     * replaces the whole history with every batch, and packing lines that the next batch drops would be work for
     * nothing on the widget's thread. A call packs a few lines for each one it adds, so a single line scrolled
     * after a flood's batch does not pay for packing the whole batch, while steady output still keeps up.
     */
    @Override
    public void addLines(List<TerminalLine> lines) {
        int carried = hot.size();
        if (maxLines > 0 && lines.size() >= maxLines) {
            clearAll();
            carried = 0;
            hot.addAll(lines.subList(lines.size() - maxLines, lines.size()));
        } else {
            hot.addAll(lines);
            if (maxLines > 0 && getLineCount() > maxLines) {
                carried -= removeOldest(getLineCount() - maxLines);
            }
        }
        if (hot.size() > 2 * HOT_LINES) {
            int budget = PACK_PER_LINE_ADDED * lines.size() + HOT_LINES / 4;
            pack(Math.min(Math.min(Math.max(0, carried), hot.size() - HOT_LINES), budget));
        }
    }

    /** Packs every line but the newest {@link #HOT_LINES} (and the kept ones) now: output has paused. */
    public void settle() {
        if (hot.size() > HOT_LINES) {
            pack(hot.size() - HOT_LINES);
        }
    }

    @Override
    public void addNewLine(TextStyle style, CharBuffer characters) {
        addLines(List.of(new TerminalLine(new TextEntry(style, characters))));
    }

    @Override
    public void removeTopLines(int count) {
        removeOldest(Math.min(count, getLineCount()));
    }

    @Override
    public void moveBottomLinesTo(int count, LinesBuffer buffer) {
        int n = Math.min(count, getLineCount());
        List<TerminalLine> moved = lines(getLineCount() - n, getLineCount());
        dropNewest(n);
        // the target's own insertion at the top is private: a plain list can call it, this class cannot
        LinesBuffer carrier = new LinesBuffer(-1, null);
        carrier.addLines(moved);
        carrier.moveBottomLinesTo(n, buffer);
    }

    @Override
    public void clearAll() {
        blocks.clear();
        skipped = 0;
        packed = 0;
        hot = new ArrayList<>();
        keepFrom = null;
    }

    @Override
    public String getLines() {
        return String.join("\n", getLineTexts());
    }

    @Override
    public List<String> getLineTexts() {
        List<String> texts = new ArrayList<>(getLineCount());
        for (int i = 0; i < getLineCount(); i++) {
            texts.add(lineAt(i).getText());
        }
        return texts;
    }

    @Override
    public String getLineText(int row) {
        return getLine(row).getText();
    }

    @Override
    public void processLines(int yStart, int yCount, StyledTextConsumer consumer) {
        processLines(yStart, yCount, consumer, -getLineCount());
    }

    @Override
    public void processLines(int firstLine, int count, StyledTextConsumer consumer, int startRow) {
        if (firstLine < 0) {
            throw new IllegalArgumentException("firstLine=" + firstLine + ", should be >0");
        }
        for (int y = firstLine; y < Math.min(firstLine + count, getLineCount()); y++) {
            lineAt(y).process(y, consumer, startRow);
        }
    }

    @Override
    public void clearTypeAheadPredictions() {
        for (TerminalLine line : hot) {
            line.setTypeAheadLine(null);
        }
    }

    @Override
    public void writeString(int x, int y, CharBuffer str, TextStyle style) {
        edit(y, line -> line.writeString(x, str, style));
    }

    @Override
    public void clearLines(int startRow, int endRow, TextEntry filler) {
        for (int y = startRow; y <= endRow; y++) {
            edit(y, line -> line.clear(filler));
        }
    }

    @Override
    public void deleteCharacters(int x, int y, int count, TextStyle style) {
        edit(y, line -> line.deleteCharacters(x, count, style));
    }

    @Override
    public void insertBlankCharacters(int x, int y, int count, int maxLen, TextStyle style) {
        edit(y, line -> line.insertBlankCharacters(x, count, maxLen, style));
    }

    @Override
    public void clearArea(int leftX, int topY, int rightX, int bottomY, TextStyle style) {
        for (int y = topY; y < bottomY; y++) {
            edit(y, line -> line.clearArea(leftX, rightX, style));
        }
    }

    @Override
    public void insertLines(int y, int count, int lastLine, TextEntry filler) {
        rebuild(all -> {
            all.insertLines(y, count, lastLine, filler);
            return null;
        });
    }

    @Override
    public LinesBuffer deleteLines(int y, int count, int lastLine, TextEntry filler) {
        return rebuild(all -> all.deleteLines(y, count, lastLine, filler));
    }

    @Override
    public int removeBottomEmptyLines(int bottomMostLineInd, int maxCount) {
        if (bottomMostLineInd < getLineCount() - 1) {
            return rebuild(all -> all.removeBottomEmptyLines(bottomMostLineInd, maxCount));
        }
        int removed = 0;
        for (int ind = bottomMostLineInd; removed < maxCount && ind >= 0
                && (ind >= getLineCount() || lineAt(ind).isNulOrEmpty()); ind--, removed++) {
            if (ind < getLineCount()) {
                dropNewest(1);
            }
        }
        return removed;
    }

    private TerminalLine lineAt(int row) {
        if (row >= packed) {
            return hot.get(row - packed);
        }
        int at = row + skipped;
        return blocks.get(at / LineBlock.CAPACITY).line(at % LineBlock.CAPACITY);
    }

    private List<TerminalLine> lines(int from, int to) {
        List<TerminalLine> lines = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            lines.add(lineAt(i));
        }
        return lines;
    }

    /** Packs the oldest {@code limit} unpacked lines, or fewer: never the kept line or any after it. */
    private void pack(int limit) {
        if (keepFrom != null) {
            for (int i = Math.min(limit, hot.size()) - 1; i >= 0; i--) {
                if (hot.get(i) == keepFrom) {
                    limit = i;
                    break;
                }
            }
        }
        if (limit <= 0) {
            return;
        }
        for (int i = 0; i < limit; i++) {
            if (blocks.isEmpty() || blocks.getLast().full()) {
                blocks.add(new LineBlock());
            }
            blocks.getLast().add(hot.get(i));
        }
        packed += limit;
        hot.subList(0, limit).clear();
        if (limit > 4 * HOT_LINES) {
            hot.trimToSize();
        }
    }

    /** @return how many of the removed lines were unpacked ones */
    private int removeOldest(int n) {
        int fromPacked = Math.min(n, packed);
        skipped += fromPacked;
        packed -= fromPacked;
        if (packed == 0) {
            blocks.clear();
            skipped = 0;
        } else {
            int whole = skipped / LineBlock.CAPACITY;
            blocks.subList(0, whole).clear();
            skipped -= whole * LineBlock.CAPACITY;
        }
        int fromHot = n - fromPacked;
        if (fromHot > 0) {
            hot.subList(0, fromHot).clear();
        }
        return fromHot;
    }

    /** Changes one line: in place when it is still unpacked, else by rebuilding the list around it. */
    private void edit(int y, Consumer<TerminalLine> change) {
        if (y < 0) {
            return;
        }
        if (y >= getLineCount()) {
            List<TerminalLine> blanks = new ArrayList<>();
            for (int i = getLineCount(); i <= y; i++) {
                blanks.add(TerminalLine.createEmpty());
            }
            addLines(blanks);
        }
        if (y >= packed) {
            change.accept(hot.get(y - packed));
        } else {
            rebuild(all -> {
                change.accept(all.getLine(y));
                return null;
            });
        }
    }

    /** The rare edits: done by a plain list holding every line, whose result becomes this history's lines. */
    private <R> R rebuild(Function<LinesBuffer, R> edit) {
        TerminalLine kept = keepFrom;
        LinesBuffer all = new LinesBuffer(-1, null);
        all.addLines(lines(0, getLineCount()));
        R result = edit.apply(all);
        List<TerminalLine> edited = new ArrayList<>(all.getLineCount());
        for (int i = 0; i < all.getLineCount(); i++) {
            edited.add(all.getLine(i));
        }
        clearAll();
        keepFrom = kept;
        addLines(edited);
        return result;
    }
}
