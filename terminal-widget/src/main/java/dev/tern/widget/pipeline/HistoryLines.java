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
 */
final class HistoryLines {
    private final RenditionStyles styles = new RenditionStyles();

    List<TerminalLine> convert(List<Row> rows) {
        List<TerminalLine> lines = new ArrayList<>(rows.size());
        for (Row row : rows) {
            lines.add(convert(row));
        }
        return lines;
    }

    TerminalLine convert(Row row) {
        TerminalLine line = new TerminalLine();
        int end = visibleEnd(row);
        StringBuilder run = new StringBuilder();
        long runRenditions = 0;
        int runStart = 0;
        int column = 0;
        for (int x = 0; x < end; x++) {
            long r = row.renditions(x);
            if (run.length() > 0 && r != runRenditions) {
                line.writeString(runStart, new CharBuffer(run.toString()), styles.style(runRenditions));
                runStart = column;
                run.setLength(0);
            }
            if (run.isEmpty()) {
                runRenditions = r;
            }
            String contents = row.contents(x);
            // one UTF-16 unit per column is JediTermFX's model; combining marks and astral characters are kept as
            // their first unit so columns stay aligned
            run.append(contents.isEmpty() ? ' ' : contents.charAt(0));
            column++;
            if (row.isWide(x)) {
                run.append(CharUtils.DWC);
                column++;
                x++;
            }
        }
        if (run.length() > 0) {
            line.writeString(runStart, new CharBuffer(run.toString()), styles.style(runRenditions));
        }
        line.setWrapped(row.wrapped());
        return line;
    }

    private static int visibleEnd(Row row) {
        int end = row.width();
        while (end > 0 && row.contents(end - 1).isEmpty() && row.renditions(end - 1) == 0) {
            end--;
        }
        return end;
    }
}
