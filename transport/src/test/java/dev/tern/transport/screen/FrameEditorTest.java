package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameEditorTest {

    @Test
    void editsACopyKeepingGenerationsAndSharingUntouchedRows() {
        Emulator e = new Emulator(10, 3);
        Vt.write(e, "\033]0;t\007$ ls");
        Framebuffer latest = e.snapshot();
        Framebuffer shown = FrameEditor.of(latest)
                .cell(4, 0, new Cell("x", Renditions.withAttribute(0, Renditions.UNDERLINED, true), false, false, false))
                .cursor(0, 5).prefixTitle("[mosh] ").build();
        assertEquals("$ ls      ", latest.row(0).text());
        assertEquals("$ lsx     ", shown.row(0).text());
        assertTrue(Renditions.has(shown.cell(4, 0).renditions(), Renditions.UNDERLINED));
        assertEquals(latest.row(0).generation(), shown.row(0).generation());
        assertNotSame(latest.row(0), shown.row(0));
        assertSame(latest.row(1), shown.row(1));
        assertEquals("[mosh] t", shown.title());
        assertEquals("[mosh] t", shown.iconName());
        assertEquals(5, shown.cursorCol());
        assertEquals(4, latest.cursorCol());
        // the renderer draws exactly the edit
        assertEquals("\033[4mx\033[0m", FrameRenderer.serverRole().bytesFor(true, latest, shown)
                .replace("\033]0;[mosh] t\007", "").replace("\033[0;4m", "\033[4m"));
    }
}
