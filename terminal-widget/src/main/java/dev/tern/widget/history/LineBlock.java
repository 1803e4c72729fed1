package dev.tern.widget.history;

import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.CharBuffer;
import com.techsenger.jeditermfx.core.model.TerminalLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Up to {@link #CAPACITY} history lines packed into a few arrays: the characters of every line in one byte array
 * (one byte a character when the line fits in Latin-1, else two), a start offset and a word of flags per line, and
 * the style runs of the lines that have more than one. A block costs a handful of objects however many lines it
 * holds, where a {@link TerminalLine} costs about ten.
 *
 * <p>Lines are appended and only ever removed from the end (when a resize takes lines back onto the screen);
 * removal from the front is the owner's business (it skips lines, then drops whole blocks).
 */
final class LineBlock {
    static final int CAPACITY = 256;

    private static final int WRAPPED = 1;
    /** Two bytes a character: the line has a character above U+00FF. */
    private static final int TWO_BYTES = 2;
    /** No entries at all (not even an empty one). */
    private static final int NO_ENTRIES = 4;
    /** One run: the rest of the word is its style's index. Otherwise the rest is the offset of its runs. */
    private static final int ONE_RUN = 8;
    private static final int FLAG_BITS = 4;

    private byte[] text = new byte[1024];
    private int textUsed;
    private final int[] starts = new int[CAPACITY + 1];
    private final int[] words = new int[CAPACITY];
    private int count;
    /** For each line of several runs: the number of runs, then a (length, style index) pair for each. */
    private int[] runs;
    private int runsUsed;
    private final List<TextStyle> styles = new ArrayList<>(4);
    /** Only while lines are still added: finds a style's index. */
    private Map<TextStyle, Integer> styleIndex = new HashMap<>();
    private TextStyle lastStyle;
    private int lastStyleIndex;

    int count() {
        return count;
    }

    boolean full() {
        return count == CAPACITY;
    }

    void add(TerminalLine line) {
        List<TerminalLine.TextEntry> entries = line.getEntries();
        int word = line.isWrapped() ? WRAPPED : 0;
        if (entries.isEmpty()) {
            word |= NO_ENTRIES;
        } else if (entries.size() == 1) {
            word |= ONE_RUN | styleOf(entries.getFirst().getStyle()) << FLAG_BITS;
        } else {
            ensureRuns(1 + 2 * entries.size());
            word |= runsUsed << FLAG_BITS;
            runs[runsUsed++] = entries.size();
            for (TerminalLine.TextEntry entry : entries) {
                runs[runsUsed++] = entry.getLength();
                runs[runsUsed++] = styleOf(entry.getStyle());
            }
        }
        int lineStart = textUsed;
        if (!copyOneByteEach(entries)) {
            textUsed = lineStart;
            copyTwoBytesEach(entries);
            word |= TWO_BYTES;
        }
        words[count] = word;
        starts[++count] = textUsed;
        if (full()) {
            seal();
        }
    }

    /** The common case, straight from the runs' arrays; false (part written) at the first character above U+00FF. */
    private boolean copyOneByteEach(List<TerminalLine.TextEntry> entries) {
        for (TerminalLine.TextEntry entry : entries) {
            CharBuffer chars = entry.getText();
            int length = chars.length();
            ensureText(length);
            char[] buf = chars.getBuf();
            byte[] out = text;
            int at = textUsed;
            for (int i = chars.getStart(), end = i + length; i < end; i++) {
                char c = buf[i];
                if (c > 0xFF) {
                    return false;
                }
                out[at++] = (byte) c;
            }
            textUsed = at;
        }
        return true;
    }

    private void copyTwoBytesEach(List<TerminalLine.TextEntry> entries) {
        for (TerminalLine.TextEntry entry : entries) {
            CharBuffer chars = entry.getText();
            ensureText(2 * chars.length());
            char[] buf = chars.getBuf();
            for (int i = chars.getStart(), end = i + chars.length(); i < end; i++) {
                text[textUsed++] = (byte) (buf[i] >> 8);
                text[textUsed++] = (byte) buf[i];
            }
        }
    }

    /**
     * A new line with the stored characters and styles. Each run gets its own character array: JediTermFX decides
     * whether a run is a NUL filler by the first element of the run's array, not of the run.
     */
    TerminalLine line(int index) {
        int word = words[index];
        TerminalLine line = new TerminalLine();
        line.setWrapped((word & WRAPPED) != 0);
        if ((word & NO_ENTRIES) != 0) {
            return line;
        }
        boolean twoBytes = (word & TWO_BYTES) != 0;
        int at = starts[index];
        if ((word & ONE_RUN) != 0) {
            int length = (starts[index + 1] - at) / (twoBytes ? 2 : 1);
            line.writeString(0, chars(at, length, twoBytes), styles.get(word >>> FLAG_BITS));
            return line;
        }
        int r = word >>> FLAG_BITS;
        int n = runs[r++];
        int column = 0;
        for (int k = 0; k < n; k++) {
            int length = runs[r++];
            TextStyle style = styles.get(runs[r++]);
            line.writeString(column, chars(at, length, twoBytes), style);
            at += twoBytes ? 2 * length : length;
            column += length;
        }
        return line;
    }

    /** Removes the newest {@code n} lines of this block. */
    void dropNewest(int n) {
        int keep = count - n;
        for (int i = keep; i < count; i++) {
            int word = words[i];
            if ((word & (ONE_RUN | NO_ENTRIES)) == 0) {
                runsUsed = word >>> FLAG_BITS;
                break;
            }
        }
        count = keep;
        textUsed = starts[keep];
        if (styleIndex == null) {
            reopen();
        }
    }

    /** Bytes held, for the benchmark's figure. */
    long footprint() {
        return text.length + 4L * (starts.length + words.length) + (runs == null ? 0 : 4L * runs.length)
                + 4L * styles.size();
    }

    private CharBuffer chars(int at, int length, boolean twoBytes) {
        char[] chars = new char[length];
        if (twoBytes) {
            for (int i = 0; i < length; i++, at += 2) {
                chars[i] = (char) ((text[at] & 0xFF) << 8 | (text[at + 1] & 0xFF));
            }
        } else {
            for (int i = 0; i < length; i++) {
                chars[i] = (char) (text[at + i] & 0xFF);
            }
        }
        return new CharBuffer(chars, 0, length);
    }

    private int styleOf(TextStyle style) {
        // lines mostly repeat the previous line's style, and the same instance: skip the hash lookup then
        if (style == lastStyle) {
            return lastStyleIndex;
        }
        Integer known = styleIndex.get(style);
        if (known == null) {
            styles.add(style);
            known = styles.size() - 1;
            styleIndex.put(style, known);
        }
        lastStyle = style;
        lastStyleIndex = known;
        return known;
    }

    /** A full block takes no more lines: its arrays shrink to what they hold and its style lookup goes. */
    private void seal() {
        text = Arrays.copyOf(text, textUsed);
        if (runs != null) {
            runs = Arrays.copyOf(runs, runsUsed);
        }
        styleIndex = null;
        lastStyle = null;
    }

    private void reopen() {
        styleIndex = new HashMap<>();
        for (int i = 0; i < styles.size(); i++) {
            styleIndex.put(styles.get(i), i);
        }
    }

    private void ensureText(int more) {
        if (textUsed + more > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textUsed + more));
        }
    }

    private void ensureRuns(int more) {
        if (runs == null) {
            runs = new int[Math.max(64, more)];
        } else if (runsUsed + more > runs.length) {
            runs = Arrays.copyOf(runs, Math.max(runs.length * 2, runsUsed + more));
        }
    }
}
