package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.model.CharBuffer;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.util.CharUtils;
import dev.tern.transport.screen.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns rows that scrolled off our emulator's screen into JediTermFX history lines, styled run by run. Trailing
 * default blanks are dropped, as a terminal would keep them. A wide character is followed by JediTermFX's
 * double-width filler so columns line up with what its own parser would have stored.
 *
 * <p>Under a flood this runs for up to a scrollback's worth of rows per frame, so it reads the rows' primitive
 * cells directly: one {@code char[]} per line, shared by the line's runs, and no string per cell.
 */
final class HistoryLines {
    private final RenditionStyles styles = new RenditionStyles();
    private static final long MARKER_RENDITIONS = dev.tern.transport.screen.Renditions.of(0, 0,
            dev.tern.transport.screen.Renditions.FAINT | dev.tern.transport.screen.Renditions.ITALIC);

    List<TerminalLine> convert(List<Row> rows) {
        List<TerminalLine> lines = new ArrayList<>(rows.size());
        for (Row row : rows) {
            lines.add(convert(row));
        }
        return lines;
    }

    /** A history row that stands for lines that are not there (docs/ARCHITECTURE.md §13), dim and italic. */
    TerminalLine marker(String text) {
        TerminalLine line = new TerminalLine();
        line.writeString(0, new CharBuffer(text), styles.style(MARKER_RENDITIONS));
        return line;
    }

    TerminalLine convert(Row row) {
        int end = row.usedWidth();
        TerminalLine line = new TerminalLine();
        if (end > 0) {
            // one column per cell, plus the filler of a wide character in the last used cell (its second half is a
            // default blank, so not counted in usedWidth)
            char[] text = new char[end + 1];
            int column = 0;
            int runStart = 0;
            long runRenditions = row.renditions(0);
            for (int x = 0; x < end; x++) {
                long r = row.renditions(x);
                if (r != runRenditions) {
                    line.writeString(runStart, new CharBuffer(text, runStart, column - runStart),
                            styles.style(runRenditions));
                    runStart = column;
                    runRenditions = r;
                }
                int cp = row.codePoint(x);
                // one UTF-16 unit per column is JediTermFX's model; combining marks and astral characters are kept
                // as their first unit so columns stay aligned
                text[column++] = cp == 0 ? ' ' : Character.isBmpCodePoint(cp) ? (char) cp : Character.highSurrogate(cp);
                if (row.isWide(x)) {
                    text[column++] = CharUtils.DWC;
                    x++;
                }
            }
            line.writeString(runStart, new CharBuffer(text, runStart, column - runStart), styles.style(runRenditions));
        }
        line.setWrapped(row.wrapped());
        return line;
    }
}
