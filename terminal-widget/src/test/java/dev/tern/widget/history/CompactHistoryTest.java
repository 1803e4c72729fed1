package dev.tern.widget.history;

import com.techsenger.jeditermfx.core.StyledTextConsumer;
import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.CharBuffer;
import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.core.util.CharUtils;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact history answers every question the view asks exactly as JediTermFX's own list does, after any mix of
 * the operations a history sees; and it is compact.
 */
class CompactHistoryTest {
    private static final List<TextStyle> STYLES = List.of(TextStyle.EMPTY,
            new TextStyle(TerminalColor.index(1), null, EnumSet.of(TextStyle.Option.BOLD)),
            new TextStyle(null, TerminalColor.rgb(1, 2, 3)),
            new TextStyle(TerminalColor.index(4), TerminalColor.index(7), EnumSet.of(TextStyle.Option.UNDERLINED)));

    /** What the painter is told about a line, run by run, plus what copy and selection read. */
    private static String seen(LinesBuffer buffer, int row) {
        StringBuilder out = new StringBuilder();
        buffer.processLines(row, 1, new StyledTextConsumer() {
            @Override
            public void consume(int x, int y, TextStyle style, CharBuffer characters, int startRow) {
                out.append('[').append(x).append(',').append(y).append(',').append(STYLES.indexOf(style)).append(':')
                        .append(characters).append(']');
            }

            @Override
            public void consumeNul(int x, int y, int nulIndex, TextStyle style, CharBuffer characters, int startRow) {
                out.append("<nul ").append(x).append(',').append(nulIndex).append(',').append(characters.length())
                        .append('>');
            }

            @Override
            public void consumeQueue(int x, int y, int nulIndex, int startRow) {
                out.append("<end ").append(x).append(',').append(nulIndex).append('>');
            }
        }, 0);
        TerminalLine line = buffer.getLine(row);
        return out.append(" text=").append(line.getText()).append(" wrapped=").append(line.isWrapped()).toString();
    }

    private static void assertSameLines(LinesBuffer expected, LinesBuffer actual, String step) {
        assertEquals(expected.getLineCount(), actual.getLineCount(), step);
        for (int row = 0; row < expected.getLineCount(); row++) {
            assertEquals(seen(expected, row), seen(actual, row), step + ", row " + row);
        }
        assertEquals(expected.getLineTexts(), actual.getLineTexts(), step);
    }

    private static TerminalLine randomLine(Random random, int serial) {
        TerminalLine line = new TerminalLine();
        int kind = random.nextInt(10);
        if (kind == 0) {
            return line; // no entries at all
        }
        int runs = kind < 6 ? 1 : 1 + random.nextInt(5);
        int column = 0;
        for (int r = 0; r < runs; r++) {
            StringBuilder text = new StringBuilder(r == 0 ? String.valueOf(serial) : "");
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(20);
                text.append(pick == 0 ? "中" + CharUtils.DWC : pick == 1 ? "é" : String.valueOf((char) ('a' + pick)));
            }
            char[] chars = text.toString().toCharArray();
            line.writeString(column, new CharBuffer(chars, 0, chars.length), STYLES.get(random.nextInt(STYLES.size())));
            column += chars.length;
        }
        if (random.nextInt(5) == 0) {
            // the blank tail a screen line carries when it reaches the history through a resize
            line.writeString(column, new CharBuffer(CharUtils.NUL_CHAR, 1 + random.nextInt(20)), TextStyle.EMPTY);
        }
        line.setWrapped(random.nextInt(4) == 0);
        return line;
    }

    @Test
    void anyMixOfOperationsLeavesTheSameLinesAsTheLibrarysList() {
        for (int max : new int[]{-1, 700, 3000}) {
            Random random = new Random(max);
            LinesBuffer expected = new LinesBuffer(max, null);
            CompactHistory actual = new CompactHistory(max);
            int serial = 0;
            for (int step = 0; step < 300; step++) {
                int op = random.nextInt(10);
                String what;
                if (op < 6) {
                    int n = random.nextInt(10) == 0 ? 1 + random.nextInt(1500) : 1 + random.nextInt(60);
                    List<TerminalLine> batch = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        batch.add(randomLine(random, serial++));
                    }
                    expected.addLines(batch);
                    actual.addLines(batch);
                    what = "add " + n;
                } else if (op == 6) {
                    int n = random.nextInt(400);
                    expected.removeTopLines(n);
                    actual.removeTopLines(n);
                    what = "remove oldest " + n;
                } else if (op == 7) {
                    // a taller window takes lines back onto its screen
                    int n = random.nextInt(300);
                    LinesBuffer expectedScreen = new LinesBuffer(-1, null);
                    LinesBuffer actualScreen = new LinesBuffer(-1, null);
                    expected.moveBottomLinesTo(n, expectedScreen);
                    actual.moveBottomLinesTo(n, actualScreen);
                    assertSameLines(expectedScreen, actualScreen, "screen after step " + step);
                    what = "move " + n + " to the screen";
                } else if (op == 8) {
                    int n = random.nextInt(300);
                    expected.moveBottomLinesTo(n, new LinesBuffer(null));
                    actual.dropNewest(n);
                    what = "drop newest " + n;
                } else {
                    if (random.nextInt(10) == 0) {
                        expected.clearAll();
                        actual.clearAll();
                    }
                    if (random.nextBoolean()) {
                        actual.settle();
                    }
                    what = "clear or settle";
                }
                String step1 = "max " + max + ", step " + step + " (" + what + ")";
                assertEquals(expected.getLineCount(), actual.getLineCount(), step1);
                if (step % 20 == 0 || op == 9) {
                    assertSameLines(expected, actual, step1);
                }
            }
            assertSameLines(expected, actual, "max " + max + " at the end");
        }
    }

    @Test
    void tenThousandLinesOfSeventySixCharactersCostUnderAMegabyte() {
        CompactHistory history = new CompactHistory(10_000);
        Random random = new Random(1);
        List<TerminalLine> batch = new ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            char[] chars = new char[76];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) ('A' + random.nextInt(58));
            }
            TerminalLine line = new TerminalLine();
            line.writeString(0, new CharBuffer(chars, 0, chars.length), TextStyle.EMPTY);
            batch.add(line);
            if (batch.size() == 300) {
                history.addLines(batch);
                batch = new ArrayList<>();
            }
        }
        history.settle();
        assertEquals(10_000, history.getLineCount());
        assertEquals(10_000 - CompactHistory.HOT_LINES, history.packedLines());
        long bytesPerPackedLine = history.packedBytes() / history.packedLines();
        // 76 bytes of characters, 8 of offsets and flags, and the blocks' slack; JediTermFX's lines cost about 400
        assertTrue(bytesPerPackedLine < 100, bytesPerPackedLine + " bytes a line");
        assertTrue(history.packedBytes() < 1_000_000, history.packedBytes() + " bytes");
    }

    @Test
    void theNewestLinesAndTheKeptLineOnwardStayTheObjectsAdded() {
        CompactHistory history = new CompactHistory(-1);
        List<TerminalLine> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            TerminalLine line = new TerminalLine();
            line.writeString(0, new CharBuffer("line " + i), TextStyle.EMPTY);
            lines.add(line);
        }
        history.addLines(lines.subList(0, 1000));
        history.keepFrom(lines.get(900));
        history.addLines(lines.subList(1000, 3000));
        assertEquals(3000, history.getLineCount());
        for (int i = 900; i < 3000; i++) {
            assertSame(lines.get(i), history.getLine(i), "line " + i);
        }
        assertNotSame(lines.get(10), history.getLine(10), "old lines are packed");
        assertEquals("line 10", history.getLine(10).getText());

        history.keepFrom(null);
        history.addLines(List.of(new TerminalLine()));
        history.settle();
        for (int i = 3001 - CompactHistory.HOT_LINES; i < 3001; i++) {
            assertSame(i == 3000 ? history.getLine(i) : lines.get(i), history.getLine(i), "line " + i);
        }
        assertEquals("line 1000", history.getLine(1000).getText());
    }

    @Test
    void aFloodsBatchesArePackedOnlyOnceOutputPauses() {
        CompactHistory history = new CompactHistory(1000);
        for (int batch = 0; batch < 5; batch++) {
            List<TerminalLine> lines = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                TerminalLine line = new TerminalLine();
                line.writeString(0, new CharBuffer(batch + "/" + i), TextStyle.EMPTY);
                lines.add(line);
            }
            history.addLines(lines);
            assertEquals(0, history.packedLines(), "each batch replaces the last: nothing packed for nothing");
        }
        // the widget's own parser scrolls one line after the batch: that line does not pay for the whole batch
        history.addLines(List.of(TerminalLine.createEmpty()));
        assertTrue(history.packedLines() <= CompactHistory.PACK_PER_LINE_ADDED + CompactHistory.HOT_LINES / 4,
                history.packedLines() + " packed");
        history.settle();
        assertEquals(1000 - CompactHistory.HOT_LINES, history.packedLines());
        assertEquals("4/201", history.getLine(0).getText());
        assertEquals("4/1199", history.getLine(998).getText());
    }

    @Test
    void installedItTakesTheLibrarysPlaceAndKeepsItsLinesAndBound() {
        TerminalTextBuffer buffer = new TerminalTextBuffer(80, 24, new StyleState(), 2000, null);
        List<TerminalLine> lines = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            TerminalLine line = new TerminalLine();
            line.writeString(0, new CharBuffer("before " + i), STYLES.get(i % STYLES.size()));
            lines.add(line);
        }
        buffer.getHistoryBuffer().addLines(lines);
        LinesBuffer library = buffer.getHistoryBuffer();

        CompactHistory compact = CompactHistory.installInto(buffer);
        assertSame(compact, buffer.getHistoryBuffer());
        assertSameLines(library, compact, "after installing");

        buffer.useAlternateBuffer(true);
        assertNotSame(compact, buffer.getHistoryBuffer(), "a full-screen program has its own, empty history");
        buffer.useAlternateBuffer(false);
        assertSame(compact, buffer.getHistoryBuffer(), "back on the normal screen");

        List<TerminalLine> more = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            more.add(TerminalLine.createEmpty());
        }
        compact.addLines(more);
        assertEquals(2000, buffer.getHistoryLinesCount(), "the library's bound holds");
        assertEquals("before 500", buffer.getLine(-2000).getText());
    }
}
