package dev.tern.transport.predict;

import dev.tern.transport.screen.Cell;
import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Renditions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.tern.transport.predict.Screens.screen;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameCanvasTest {
    private static final String BUSY = "\033]0;work\007\033[?2004h\033[1;31;44mred\033[0m \033[38;2;1;2;3mrgb"
            + "\033[0m\r\n\u6f22\u5b57 e\u0301\007\007\007\r\n\033[7mlast\033[m\033[2;3H\033[4m";

    @Test
    void drawingNothingAndThenSomethingKeepsEverythingElse() {
        Framebuffer base = screen(20, 4, BUSY);
        FrameCanvas canvas = FrameCanvas.over(base);
        canvas.setCell(19, 3, new Cell("x", Renditions.DEFAULT, false, false, false));
        Framebuffer out = canvas.result();
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 20; x++) {
                if (x != 19 || y != 3) {
                    assertEquals(base.cell(x, y), out.cell(x, y), "cell " + x + "," + y);
                }
            }
        }
        assertEquals("x", out.cell(19, 3).contents());
        assertTrue(base.drawStateEquals(out), "cursor, renditions, modes");
        assertEquals(base.title(), out.title());
        assertEquals(base.bellCount(), out.bellCount());
        assertEquals(base.clipboard(), out.clipboard());
    }

    @Test
    void editsOnAnEmulatorCopyKeepRowIdentityAndLeaveTheStateAlone() {
        Emulator state = new Emulator(20, 4);
        state.write(BUSY.getBytes(StandardCharsets.UTF_8));
        Framebuffer before = state.snapshot();
        FrameCanvas canvas = FrameCanvas.over(state);
        canvas.underline(0, 1);
        canvas.moveCursor(3, 5);
        canvas.prefixTitle("[mosh] ");
        Framebuffer out = canvas.result();
        assertEquals(before.row(1).generation(), out.row(1).generation());
        assertEquals(before.row(3), out.row(3));
        assertTrue(Renditions.has(out.cell(0, 1).renditions(), Renditions.UNDERLINED));
        assertEquals(3, out.cursorRow());
        assertEquals(5, out.cursorCol());
        assertEquals("[mosh] work", out.title());
        assertEquals("[mosh] work", out.iconName(), "icon name equal to the title is prefixed too");
        assertEquals(before, state.snapshot(), "the server state is untouched");
    }

    @Test
    void titlePrefixOnlyOnceATitleWasSet() {
        Framebuffer base = screen(10, 2, "hi");
        FrameCanvas canvas = FrameCanvas.over(base);
        canvas.prefixTitle("[mosh] ");
        assertFalse(canvas.edited());
        assertEquals(base, canvas.result());
    }
}
