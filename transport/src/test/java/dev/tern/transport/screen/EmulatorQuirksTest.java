package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The worked examples and confirmed 1.4.0 quirks of docs/TERMINAL.md §2–3, one behaviour per test. */
class EmulatorQuirksTest {

    private static Emulator mosh(int w, int h, String hostOutput) {
        Emulator e = new Emulator(w, h, Repertoire.MOSH);
        Vt.write(e, hostOutput);
        return e;
    }

    private static String line(Emulator e, int y) {
        return e.framebuffer().row(y).text();
    }

    @Test
    void nulCancelsPendingWrapSoTheNextCharacterOverwritesTheLastColumn() {
        Emulator e = mosh(5, 2, "abcde\\x00f");
        assertEquals("abcdf", line(e, 0));
        assertEquals("     ", line(e, 1));
        assertFalse(e.framebuffer().row(0).wrapped());
    }

    @Test
    void unsupportedSequencesAreIgnored() {
        assertEquals("abcde     ", line(mosh(10, 2, "a\\e[?1049hb\\e[3Jc\\e[2 qd\\e[Ee"), 0));
    }

    @Test
    void oscIsDispatchedOnAnyExit() {
        Emulator e = mosh(10, 2, "\\e]0;abc\\x18X");
        assertEquals("abc", e.framebuffer().title());
        assertEquals("X", line(e, 0).strip());
        e = mosh(10, 2, "\\e]0;abc\\e[31m");
        assertEquals("abc", e.framebuffer().title());
        assertEquals(31, Renditions.foreground(e.framebuffer().renditions()));
    }

    @Test
    void sgrWriterOrderAndColourEncodings() {
        assertEquals("\033[0;38;5;9;48;5;9m", Renditions.sgr(mosh(5, 1, "\\e[91;101m").framebuffer().renditions()));
        assertEquals("\033[0;1;31m", Renditions.sgr(mosh(5, 1, "\\e[1;31m").framebuffer().renditions()));
        assertEquals("\033[0;38;5;196;48;2;1;2;3m",
                Renditions.sgr(mosh(5, 1, "\\e[38;5;196;48;2;1;2;3m").framebuffer().renditions()));
        assertEquals("\033[0;33m", Renditions.sgr(mosh(5, 1, "\\e[38;5;3m").framebuffer().renditions()));
        assertEquals("\033[0m", Renditions.sgr(mosh(5, 1, "\\e[1;2;3;4;5;7;8;0m").framebuffer().renditions()));
        assertEquals("\033[0;1;3;4;5;7;8m", Renditions.sgr(mosh(5, 1, "\\e[1;2;3;4;5;7;8;2;9m").framebuffer().renditions()));
    }

    @Test
    void truncatedExtendedColourFallsThroughToSingleCodes() {
        long r = mosh(5, 1, "\\e[38;5m").framebuffer().renditions();
        assertTrue(Renditions.has(r, Renditions.BLINK));
        assertEquals(0, Renditions.foreground(r));
    }

    @Test
    void sgr22ClearsOnlyBold() {
        long r = mosh(5, 1, "\\e[1;4m\\e[22m").framebuffer().renditions();
        assertEquals(Renditions.UNDERLINED, Renditions.attributes(r));
    }

    @Test
    void anyColonMakesTheWholeCsiIgnored() {
        Emulator e = mosh(5, 1, "\\e[1m\\e[38:2:1:2:3;0mx");
        assertEquals(Renditions.BOLD, Renditions.attributes(e.framebuffer().renditions()));
        assertEquals("x", line(e, 0).strip());
    }

    @Test
    void backspaceFromPendingWrap() {
        Emulator server = mosh(5, 1, "abcde\\b");
        assertEquals(3, server.framebuffer().cursorCol());
        Emulator client = new Emulator(5, 1);
        Vt.write(client, "abcde\\b");
        assertEquals(4, client.framebuffer().cursorCol());
        assertFalse(client.framebuffer().nextPrintWillWrap());
    }

    @Test
    void originModeHomesUsingTheOldMode() {
        Emulator e = mosh(10, 8, "\\e[3;6r\\e[5;5H\\e[?6h");
        assertEquals(0, e.framebuffer().cursorRow());
        Vt.write(e, "\\e[2;2H");
        assertEquals(3, e.framebuffer().cursorRow());
        Vt.write(e, "\\e[9;2H");
        assertEquals(5, e.framebuffer().cursorRow());
        Vt.write(e, "\\e[?6l");
        assertEquals(2, e.framebuffer().cursorRow());
        assertEquals(0, e.framebuffer().cursorCol());
    }

    @Test
    void resettingAnyMouseEncodingResetsToDefault() {
        Emulator e = mosh(5, 1, "\\e[?1015h\\e[?1006l");
        assertEquals(MouseMode.ENCODING_DEFAULT, e.framebuffer().mouseEncodingMode());
        e = mosh(5, 1, "\\e[?1003h\\e[?9l");
        assertEquals(MouseMode.NONE, e.framebuffer().mouseReportingMode());
    }

    @Test
    void insertAndDeleteLineMoveTheCursorToColumnZero() {
        Emulator e = mosh(5, 3, "aaa\\r\\nbbb\\r\\nccc\\e[2;3H\\e[L");
        assertEquals("aaa  |     |bbb  ", line(e, 0) + "|" + line(e, 1) + "|" + line(e, 2));
        assertEquals(0, e.framebuffer().cursorCol());
        Vt.write(e, "\\e[2;3H\\e[M");
        assertEquals("aaa  |bbb  |     ", line(e, 0) + "|" + line(e, 1) + "|" + line(e, 2));
        assertEquals(0, e.framebuffer().cursorCol());
    }

    @Test
    void combiningCharacterAfterCupAttachesToTheCellUnderTheCursor() {
        Emulator e = mosh(5, 1, "abc\\e[1;2H\u0301");
        assertEquals("b\u0301", e.framebuffer().row(0).contents(1));
        assertEquals(1, e.framebuffer().cursorCol());
        e = mosh(5, 1, "abc\u0301");
        assertEquals("c\u0301", e.framebuffer().row(0).contents(2));
    }

    @Test
    void combiningOnAnEmptyCellMakesAFallbackCellAndAdvances() {
        Emulator e = mosh(5, 1, "\u0301x");
        Cell c = e.framebuffer().cell(0, 0);
        assertTrue(c.fallback());
        assertEquals("\u00a0\u0301", c.printable());
        assertEquals("x", e.framebuffer().row(0).contents(1));
    }

    @Test
    void combiningCharactersStopAt32Bytes() {
        Emulator e = mosh(5, 1, "a" + "\u0301".repeat(40));
        // 'a' is 1 byte, each U+0301 is 2 bytes: appended while the contents are below 32 bytes
        assertEquals(33, Vt.utf8(e.framebuffer().row(0).contents(0)).length);
        assertEquals(1, e.framebuffer().cursorCol());
    }

    @Test
    void variationSelectorIsCombiningAndNeverWidens() {
        Emulator e = mosh(5, 1, "\u2764\ufe0fx");
        assertFalse(e.framebuffer().cell(0, 0).wide());
        assertEquals("\u2764\ufe0f", e.framebuffer().row(0).contents(0));
        assertEquals("x", e.framebuffer().row(0).contents(1));
    }

    @Test
    void wideCharacterInTheLastColumnWrapsWithoutSoftWrapFlag() {
        Emulator e = mosh(10, 2, "123456789中");
        assertFalse(e.framebuffer().row(0).wrapped());
        assertTrue(e.framebuffer().cell(0, 1).wide());
        assertEquals("中", e.framebuffer().row(1).contents(0));
        assertEquals(2, e.framebuffer().cursorCol());
    }

    @Test
    void wideCharacterWithAutowrapOffStaysInTheLastColumn() {
        Emulator e = mosh(4, 2, "\\e[?7labc中");
        assertEquals("中", e.framebuffer().row(0).contents(3));
        assertTrue(e.framebuffer().cell(3, 0).wide());
        assertEquals(0, e.framebuffer().cursorRow());
        assertEquals(3, e.framebuffer().cursorCol());
    }

    @Test
    void printingWrapsAndMarksThePreviousRow() {
        Emulator e = mosh(3, 3, "abcd");
        assertTrue(e.framebuffer().row(0).wrapped());
        assertEquals("d  ", line(e, 1));
    }

    @Test
    void eraseUsesTheCurrentBackgroundOnly() {
        Emulator e = mosh(5, 1, "\\e[1;31;44mab\\e[K");
        Cell erased = e.framebuffer().cell(3, 0);
        assertEquals("", erased.contents());
        assertEquals(44, Renditions.background(erased.renditions()));
        assertEquals(0, Renditions.foreground(erased.renditions()));
        assertEquals(0, Renditions.attributes(erased.renditions()));
    }

    @Test
    void titleIsCappedAt256BufferPositions() {
        Emulator e = mosh(5, 1, "\\e]0;" + "t".repeat(300) + "\\a");
        assertEquals(254, e.framebuffer().title().length());
        assertEquals(254, e.framebuffer().iconName().length());
        e = mosh(5, 1, "\\e];" + "t".repeat(300) + "\\a");
        assertEquals(255, e.framebuffer().title().length());
    }

    @Test
    void onlyOsc012AndClipboardAreHandled() {
        Emulator e = mosh(5, 1, "\\e]10;x\\a\\e]52;p;abc\\a\\e]7;u\\a");
        assertFalse(e.framebuffer().titleInitialized());
        assertEquals("", e.framebuffer().clipboard());
        assertEquals(0, e.framebuffer().bellCount());
    }

    @Test
    void fullResetKeepsIconNameAndBellCount() {
        Emulator e = mosh(5, 2, "\\e]1;icon\\a\\e]2;title\\a\\e]52;c;Zg==\\a\\a\\a\\e[31mx\\e[?2004h\\ec");
        Framebuffer f = e.framebuffer();
        assertEquals("icon", f.iconName());
        assertEquals("", f.title());
        assertEquals("", f.clipboard());
        assertEquals(2, f.bellCount());
        assertTrue(f.titleInitialized());
        assertFalse(f.bracketedPaste());
        assertEquals(Renditions.DEFAULT, f.renditions());
        assertEquals("     ", line(e, 0));
    }

    @Test
    void softResetKeepsPositionAndAutowrap() {
        Emulator e = mosh(10, 5, "\\e[?7l\\e[4h\\e[2;4r\\e[3;3H\\e[1m\\e[!p");
        Framebuffer f = e.framebuffer();
        assertEquals(2, f.cursorRow());
        assertFalse(f.autoWrapMode());
        assertFalse(f.insertMode());
        assertEquals(0, f.scrollTop());
        assertEquals(4, f.scrollBottom());
        assertEquals(Renditions.DEFAULT, f.renditions());
    }

    @Test
    void repliesForStatusAndAttributes() {
        Emulator e = mosh(10, 5, "\\e[3;4H\\e[6n\\e[5n\\e[c\\e[>c");
        assertEquals("\033[3;4R\033[0n\033[?62c\033[>1;10;0c", e.takeReplies());
        assertEquals("", e.takeReplies());
    }

    @Test
    void tabsPreservePendingWrapAndClearAllMarksTabsNonDefault() {
        Emulator e = mosh(20, 2, "\\tx");
        assertEquals(8, e.framebuffer().row(0).text().indexOf('x'));
        e = mosh(10, 2, "abcdefghij\\tk");
        assertEquals("k", e.framebuffer().row(1).contents(0));
        e = mosh(10, 2, "\\e[3g");
        e.resize(20, 2);
        Vt.write(e, "\\tx");
        assertEquals("x", e.framebuffer().row(0).contents(19));
        e = mosh(10, 2, "");
        e.resize(20, 2);
        Vt.write(e, "\\t\\tx");
        assertEquals("x", e.framebuffer().row(0).contents(16));
    }

    @Test
    void sgrAndDecsetPreservePendingWrapButCupClearsIt() {
        Emulator e = mosh(5, 2, "abcde\\e[1m\\e[?25hX");
        assertEquals("X", e.framebuffer().row(1).contents(0));
        e = mosh(5, 2, "abcde\\e[1;5HX");
        assertEquals("abcdX", line(e, 0));
    }

    @Test
    void scrollRegionIgnoresInvalidAndClampsBottom() {
        Emulator e = mosh(5, 4, "\\e[3;2r");
        assertEquals(3, e.framebuffer().scrollBottom());
        e = mosh(5, 4, "\\e[2;99r");
        assertEquals(1, e.framebuffer().scrollTop());
        assertEquals(3, e.framebuffer().scrollBottom());
    }

    @Test
    void cursorUpDownClampToScreenNotRegionWithoutOriginMode() {
        Emulator e = mosh(5, 6, "\\e[2;4r\\e[3;1H\\e[10B");
        assertEquals(5, e.framebuffer().cursorRow());
        Vt.write(e, "\\e[?6h\\e[10B");
        assertEquals(3, e.framebuffer().cursorRow());
    }

    @Test
    void lineFeedOutsideTheRegionDoesNotScroll() {
        Emulator e = mosh(3, 4, "top\\e[1;2r\\e[4;1Hbot\\n");
        assertEquals("top", line(e, 0));
        assertEquals("bot", line(e, 3));
    }

    @Test
    void deleteCharactersAndInsertCharactersUseBackground() {
        Emulator e = mosh(5, 1, "abcde\\e[1;2H\\e[44m\\e[2P");
        assertEquals("ade  ", line(e, 0));
        assertEquals(44, Renditions.background(e.framebuffer().cell(4, 0).renditions()));
    }

    @Test
    void resizeClearsWrapAndAddsRowsAtTheBottom() {
        Emulator e = mosh(3, 2, "abcdef");
        assertTrue(e.framebuffer().row(0).wrapped());
        e.resize(4, 3);
        assertFalse(e.framebuffer().row(0).wrapped());
        assertEquals("abc |def |    ", line(e, 0) + "|" + line(e, 1) + "|" + line(e, 2));
        assertEquals(1, e.framebuffer().cursorRow());
        assertEquals(2, e.framebuffer().cursorCol());
        e.resize(2, 1);
        assertEquals("ab", line(e, 0));
        assertEquals(0, e.framebuffer().cursorRow());
        assertEquals(1, e.framebuffer().cursorCol());
    }

    @Test
    void decalnFillsWithE() {
        Emulator e = mosh(3, 2, "\\e#8");
        assertEquals("EEE", line(e, 1));
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        Emulator e = new Emulator(8, 1, Repertoire.MOSH);
        e.write(new byte[]{'a', (byte) 0xE4, (byte) 0xB8, 'b', (byte) 0xFF, (byte) 0xC3, (byte) 0xA9});
        assertEquals("a\ufffdb\ufffdé", line(e, 0).strip());
    }
}
