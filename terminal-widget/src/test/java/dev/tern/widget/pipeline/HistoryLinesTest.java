package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.util.CharUtils;
import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Repertoire;
import dev.tern.transport.screen.ScrollbackBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows that scroll off our emulator become JediTermFX history lines with the same text, colours and attributes. */
class HistoryLinesTest {
    private static TerminalLine scrolledOff(String output) {
        Emulator emulator = new Emulator(20, 2, Repertoire.XTERM);
        ScrollbackBuffer sink = new ScrollbackBuffer(10);
        emulator.setScrollbackSink(sink);
        emulator.write((output + "\r\n\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        List<TerminalLine> lines = new HistoryLines().convert(sink.drain());
        return lines.getFirst();
    }

    @Test
    void textAndStylesRunByRun() {
        TerminalLine line = scrolledOff("ab\033[1;31mcd\033[0;4;38;2;1;2;3mef\033[0;48;5;200mg\033[0m");
        assertEquals("abcdefg", line.getText());
        assertNull(line.getStyleAt(0).getForeground());
        TextStyle red = line.getStyleAt(2);
        assertTrue(red.hasOption(TextStyle.Option.BOLD));
        assertEquals(TerminalColor.index(1), red.getForeground());
        TextStyle trueColour = line.getStyleAt(4);
        assertTrue(trueColour.hasOption(TextStyle.Option.UNDERLINED));
        assertEquals(TerminalColor.rgb(1, 2, 3), trueColour.getForeground());
        assertEquals(com.techsenger.jeditermfx.core.emulator.ColorPalette.getIndexedTerminalColor(200),
                line.getStyleAt(6).getBackground());
    }

    @Test
    void wideCharactersKeepTheirTwoColumns() {
        TerminalLine line = scrolledOff("a中b");
        assertEquals("a中" + CharUtils.DWC + "b", line.getText());
    }
}
