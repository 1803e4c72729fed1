package dev.tern.transport.predict;

import dev.tern.transport.screen.Cell;
import dev.tern.transport.screen.CharWidth;
import dev.tern.transport.screen.Renditions;

import java.nio.charset.StandardCharsets;

/**
 * The notice drawn as a terminal's top row, for the CLI: white on blue across the whole row, the text in bold from
 * column 0, cut at the width (docs/TERMINAL.md §7.4). A cursor on that row is hidden so it does not blink inside the
 * text.
 */
final class NoticeBar {
    static final long ROW_RENDITIONS = Renditions.of(37, 44, 0);
    static final long TEXT_RENDITIONS = Renditions.of(37, 44, Renditions.BOLD);
    /** A cell's text stops growing here, as the emulator's cells do. */
    private static final int CELL_BYTES_MAX = 32;

    private NoticeBar() {
    }

    static void draw(FrameCanvas canvas, String text) {
        int width = canvas.width();
        if (canvas.cursorRow() == 0) {
            canvas.hideCursor();
        }
        Cell blank = new Cell(" ", ROW_RENDITIONS, false, false, false);
        for (int x = 0; x < width; x++) {
            canvas.setCell(x, 0, blank);
        }
        int col = 0;
        int lastGlyphCol = 0;
        for (int i = 0; i < text.length() && col < width; ) {
            int ch = text.codePointAt(i);
            i += Character.charCount(ch);
            int w = CharWidth.wcwidth(ch);
            if (w == 1 || w == 2) {
                canvas.setCell(col, 0, new Cell(Character.toString(ch), TEXT_RENDITIONS, w == 2, false, false));
                lastGlyphCol = col;
                col += w;
            } else if (w == 0 && attachMark(canvas, lastGlyphCol, ch)) {
                col++; // the mark found an empty cell and now fills it
            }
        }
    }

    /**
     * A zero-width character joins the glyph before it. In an empty cell it stands alone, marked as a fallback.
     *
     * @return whether the cell was empty
     */
    private static boolean attachMark(FrameCanvas canvas, int col, int mark) {
        Cell target = canvas.cell(col, 0);
        boolean alone = target.contents().isEmpty();
        String contents = target.contents().getBytes(StandardCharsets.UTF_8).length >= CELL_BYTES_MAX
                ? target.contents() : target.contents() + Character.toString(mark);
        canvas.setCell(col, 0, new Cell(contents, target.renditions(), target.wide(), target.fallback() || alone,
                target.wrap()));
        return alone;
    }
}
