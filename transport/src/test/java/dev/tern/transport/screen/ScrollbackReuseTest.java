package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A {@link ScrollbackBuffer} hands rows it drops unseen back to the emulator, which reuses them for the rows that
 * scroll in: a flood then allocates nothing per line. Nothing anybody can see may change by it: snapshots, drained
 * rows and the history itself stay exactly what they would be with fresh rows.
 */
class ScrollbackReuseTest {

    private static String lines(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(i).append("\r\n");
        }
        return sb.toString();
    }

    @Test
    void rowsDroppedUnseenComeBackToTheScreen() {
        ScrollbackBuffer history = new ScrollbackBuffer(4);
        Emulator e = Vt.xtermWithHistory(10, 3, history);
        Row first = e.framebuffer().row(0);
        // "1" and "2" fill the first two rows; once the buffer holds 1-4, the rows of "5" and "6" scrolling off drop
        // those of "1" and "2", which come back at the bottom for "8" and the empty cursor row
        Vt.write(e, lines(1, 8));
        assertSame(first, e.framebuffer().row(1));
        assertEquals("8", e.framebuffer().row(1).text().strip());
        assertEquals(2, history.dropped());
        List<Row> drained = history.drain();
        assertEquals(List.of("3", "4", "5", "6"), drained.stream().map(r -> r.text().strip()).toList());
    }

    @Test
    void rowsInASnapshotOrDrainedAreNeverReused() {
        ScrollbackBuffer history = new ScrollbackBuffer(2);
        Emulator e = Vt.xtermWithHistory(10, 3, history);
        Vt.write(e, "a\r\nb\r\nc");
        Framebuffer snapshot = e.snapshot();
        String shown = snapshot.toString();
        Vt.write(e, "\r\n" + lines(1, 3));
        List<Row> drained = history.drain();
        List<String> drainedText = drained.stream().map(Row::text).toList();
        Map<Row, Boolean> seen = new IdentityHashMap<>();
        for (int y = 0; y < 3; y++) {
            seen.put(snapshot.row(y), true);
        }
        drained.forEach(r -> seen.put(r, true));
        Vt.write(e, lines(4, 40));
        for (int y = 0; y < 3; y++) {
            assertFalse(seen.containsKey(e.framebuffer().row(y)), "row " + y + " was seen before");
        }
        assertEquals(shown, snapshot.toString());
        assertEquals(drainedText, drained.stream().map(Row::text).toList());
    }

    @Test
    void aReusedRowIsBlankInTheCurrentBackground() {
        ScrollbackBuffer history = new ScrollbackBuffer(1);
        Emulator e = Vt.xtermWithHistory(8, 2, history);
        // coloured, wide and combining content in rows that will be reused
        Vt.write(e, "\033[31;44mab\033[0m中e\u0301\r\n\033[7mxyz\033[0m\r\n12345678\r\n");
        Vt.write(e, "\033[42m\r\n\033[0m\r\n");  // a row enters with a green background (BCE), then a default one
        Framebuffer f = e.framebuffer();
        Emulator fresh = new Emulator(8, 2, Repertoire.XTERM);
        Vt.write(fresh, "\033[31;44mab\033[0m中e\u0301\r\n\033[7mxyz\033[0m\r\n12345678\r\n\033[42m\r\n\033[0m\r\n");
        assertTrue(f.cellsEqual(fresh.framebuffer()), f + "\nvs\n" + fresh.framebuffer());
        assertEquals(42, Renditions.background(f.row(0).renditions(7)), "green background erase");
        assertEquals(0, f.row(1).renditions(7));
    }

    @Test
    void floodWithSnapshotsAndDrainsMatchesAnEmulatorWithoutReuse() {
        SplittableRandom random = new SplittableRandom(7);
        ScrollbackBuffer history = new ScrollbackBuffer(5);
        Emulator e = Vt.xtermWithHistory(30, 6, history);
        Emulator plain = new Emulator(30, 6, Repertoire.XTERM);  // no sink: rows are only ever reused in place
        List<Framebuffer> snapshots = new ArrayList<>();
        List<String> snapshotTexts = new ArrayList<>();
        List<Row> drained = new ArrayList<>();
        List<String> drainedTexts = new ArrayList<>();
        String[] pieces = {"\r\n", "\033[31m", "\033[0m", "\033[44m", "\033[49m", "中", "e\u0301", "\033[K",
            "\033[2K", "\033[3L", "\033[2M", "\033[S", "\033[T", "\033[2;5r", "\033[r", "\033[H", "\033[2J", "\t",
            "wrapping text "};
        int line = 0;
        for (int step = 0; step < 20_000; step++) {
            String piece = random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)]
                    : "line " + (line++) + (random.nextBoolean() ? "\r\n" : "");
            Vt.write(e, piece);
            Vt.write(plain, piece);
            int what = random.nextInt(50);
            if (what == 0) {
                Framebuffer s = e.snapshot();
                snapshots.add(s);
                snapshotTexts.add(s.toString());
            } else if (what == 1) {
                for (Row r : history.drain()) {
                    drained.add(r);
                    drainedTexts.add(r.text() + r.wrapped());
                }
            }
            assertTrue(e.framebuffer().contentEquals(plain.framebuffer()), "diverged at step " + step);
        }
        for (int i = 0; i < snapshots.size(); i++) {
            assertEquals(snapshotTexts.get(i), snapshots.get(i).toString(), "snapshot " + i + " changed");
        }
        for (int i = 0; i < drained.size(); i++) {
            assertEquals(drainedTexts.get(i), drained.get(i).text() + drained.get(i).wrapped(), "drained row changed");
        }
        assertTrue(history.dropped() > 0);
    }

    @Test
    void usedWidthAndCodePoints() {
        Emulator e = new Emulator(10, 2, Repertoire.XTERM);
        Vt.write(e, "a中\033[44m \033[0m");
        Row r = e.framebuffer().row(0);
        assertEquals(4, r.usedWidth());
        assertEquals('a', r.codePoint(0));
        assertEquals('中', r.codePoint(1));
        assertEquals(0, r.codePoint(2));
        assertEquals(0, e.framebuffer().row(1).usedWidth());
        Framebuffer s = e.snapshot();
        assertEquals(4, s.row(0).usedWidth());
        Vt.write(e, "\033[1;9Hxy");
        assertEquals(4, s.row(0).usedWidth());
        assertEquals(10, e.framebuffer().row(0).usedWidth());
        assertNotSame(s.row(0), e.framebuffer().row(0));
        assertSame(s.row(1), e.framebuffer().row(1));
    }
}
