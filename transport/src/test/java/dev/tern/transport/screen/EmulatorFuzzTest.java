package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A seeded, time-bounded mutational fuzzer for the emulator and renderer (Jazzer is not in this project's Maven
 * package list, so this stands in for it with the same invariants): any byte sequence is accepted without an
 * exception, memory stays bounded (titles, clipboard, cell contents, parser buffers), the cursor and combining
 * target stay on the screen, snapshots never change afterwards, copies evolve identically to their original, and
 * the renderer accepts every pair of frames. Runs for at most {@value #BUDGET_MS} ms and prints what it covered.
 */
class EmulatorFuzzTest {
    private static final long BUDGET_MS = 8_000;
    private static final long SEED = 0x7E12_4F00_2026L;

    private static final String[] SEEDS = {
            "\033[31;1mred\033[0m plain\r\n", "\033[2J\033[H\033[?25l", "\033[1;24r\033[24;1H\n\n",
            "\033]0;title\007", "\033]52;c;aGVsbG8=\007", "中文字😀\u0301\ufe0f", "\033[?1049h\033[?1000h\033[?1006h",
            "\033[38;2;1;2;3;48;5;200m", "\033P1;2|abc\033\\", "\033[5@\033[3P\033[2X\033[4L\033[2M",
            "\t\b\u000b\u000c\r\n\007", "\0337\033[10;10H\0338", "\033#8\033c", "\033[3g\033H\033[2I\033[3Z",
            "\033[!p\033[4h\033[?6h\033[?7l", "\033X sos \033\\\033^pm\033\\\033_apc\033\\", "\033[6n\033[c\033[>c",
            "\033(0lqqk\033(B", "\033[5b\033[2E\033[s\033[u", "\u00c2\u009b31m\u00c2\u009d0;x\u00c2\u009c",
    };

    private static byte[] generate(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int parts = 1 + r.nextInt(12);
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(12)) {
                case 0 -> sb.append(SEEDS[r.nextInt(SEEDS.length)]);
                case 1 -> sb.append("\033[").append(r.nextLong(0, Long.MAX_VALUE)).append(';')
                        .append(r.nextInt(100000)).append((char) (0x40 + r.nextInt(0x3F)));
                case 2 -> sb.append("\033]").append(r.nextInt(3)).append(';')
                        .append("x".repeat(r.nextInt(40_000))).append(r.nextBoolean() ? "\007" : "");
                case 3 -> sb.append('a').append("\u0301".repeat(r.nextInt(5_000)));
                case 4 -> sb.append("\033[").append(";".repeat(r.nextInt(300))).append('m');
                case 5 -> sb.append("\033[?").append(r.nextInt(3000)).append(r.nextBoolean() ? 'h' : 'l');
                case 6 -> sb.append("\033]52;c;").append("QUJD".repeat(r.nextInt(10_000))).append('\007');
                case 7 -> sb.append("\033P").append("q".repeat(r.nextInt(10_000)));
                case 8 -> sb.appendCodePoint(r.nextInt(0x110000));
                case 9 -> sb.append("\033[").append(r.nextInt(1, 200)).append(r.nextBoolean() ? "b" : "@");
                default -> {
                    for (int k = r.nextInt(64); k > 0; k--) sb.append((char) r.nextInt(0x20, 0x7F));
                }
            }
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        // byte-level mutations: flips, random bytes, truncation of UTF-8 sequences
        int mutations = r.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
        }
        return bytes;
    }

    @Test
    void randomAndMutatedInputKeepsEveryInvariant() {
        SplittableRandom r = new SplittableRandom(SEED);
        long deadline = System.nanoTime() + BUDGET_MS * 1_000_000;
        long iterations = 0, bytesFed = 0, worstChunkNs = 0;
        FrameRenderer client = FrameRenderer.clientRole(), server = FrameRenderer.serverRole();
        while (System.nanoTime() < deadline) {
            iterations++;
            Repertoire rep = Repertoire.values()[r.nextInt(Repertoire.values().length)];
            Emulator e = new Emulator(1 + r.nextInt(40), 1 + r.nextInt(12), rep);
            ScrollbackBuffer history = new ScrollbackBuffer(100);
            e.setScrollbackSink(history);
            List<Framebuffer> snapshots = new ArrayList<>();
            List<String> snapshotTexts = new ArrayList<>();
            List<Row> drained = new ArrayList<>();
            List<String> drainedTexts = new ArrayList<>();
            Emulator twin = null;
            for (int chunk = 0; chunk < 8; chunk++) {
                byte[] data = generate(r);
                bytesFed += data.length;
                Framebuffer before = e.snapshot();
                long t0 = System.nanoTime();
                try {
                    // split arbitrarily: sequences cross write boundaries
                    int off = 0;
                    while (off < data.length) {
                        int len = Math.min(data.length - off, 1 + r.nextInt(64));
                        e.write(data, off, len);
                        if (twin != null) twin.write(data, off, len);
                        off += len;
                    }
                    if (r.nextInt(10) == 0) {
                        int w = 1 + r.nextInt(40), h = 1 + r.nextInt(12);
                        e.resize(w, h);
                        if (twin != null) twin.resize(w, h);
                    }
                    e.takeReplies();
                    for (Row row : history.drain()) {
                        drained.add(row);
                        drainedTexts.add(row.toString());
                    }
                    Framebuffer after = e.snapshot();
                    client.render(r.nextBoolean(), before, after);
                    server.render(true, before, after);
                } catch (RuntimeException | StackOverflowError ex) {
                    fail("seed " + SEED + " iteration " + iterations + ": " + ex, ex);
                }
                worstChunkNs = Math.max(worstChunkNs, System.nanoTime() - t0);
                checkInvariants(e.framebuffer());
                assertEquals(0, e.internalErrors(), "internal error (logged) at iteration " + iterations);
                if (twin != null) {
                    assertTrue(e.framebuffer().contentEquals(twin.framebuffer()), "copy diverged from its original");
                }
                if (twin == null && r.nextInt(3) == 0) {
                    twin = e.copy();
                }
                if (r.nextBoolean()) {
                    Framebuffer s = e.snapshot();
                    snapshots.add(s);
                    snapshotTexts.add(s.toString());
                }
            }
            for (int i = 0; i < snapshots.size(); i++) {
                assertEquals(snapshotTexts.get(i), snapshots.get(i).toString(), "a snapshot changed after it was taken");
            }
            for (int i = 0; i < drained.size(); i++) {
                // the scrollback reuses rows it dropped unseen, never one it handed out
                assertEquals(drainedTexts.get(i), drained.get(i).toString(), "a drained row changed");
            }
        }
        System.out.printf("FUZZ %d iterations, %.1f MB fed in %d ms (seed %d), slowest chunk %.1f ms%n", iterations,
                bytesFed / 1e6, BUDGET_MS, SEED, worstChunkNs / 1e6);
        assertTrue(iterations > 0);
    }

    static void checkInvariants(Framebuffer f) {
        assertTrue(f.width() >= 1 && f.height() >= 1);
        assertTrue(f.cursorRow() >= 0 && f.cursorRow() < f.height(), "cursor row " + f.cursorRow());
        assertTrue(f.cursorCol() >= 0 && f.cursorCol() < f.width(), "cursor col " + f.cursorCol());
        assertTrue(f.combiningRow == -1 || (f.combiningRow >= 0 && f.combiningRow < f.height()));
        assertTrue(f.combiningCol == -1 || (f.combiningCol >= 0 && f.combiningCol < f.width()));
        // top == bottom is legal: mosh clamps the bottom after its "bottom > top" check, so "ESC[6;117r" on a
        // six-row screen leaves a one-row region (found by the Jazzer run)
        assertTrue(f.scrollTop() >= 0 && f.scrollTop() <= f.scrollBottom(),
                "scroll region " + f.scrollTop() + ".." + f.scrollBottom());
        assertTrue(f.scrollBottom() < f.height());
        assertTrue(f.title().length() <= 256 && f.iconName().length() <= 256);
        assertTrue(f.clipboard().codePointCount(0, f.clipboard().length()) <= Terminal.OSC_MAX);
        assertEquals(f.height(), f.rows.length);
        for (int y = 0; y < f.height(); y++) {
            Row row = f.row(y);
            assertEquals(f.width(), row.width());
            for (int x = 0; x < f.width(); x++) {
                String c = row.contents(x);
                assertTrue(Row.utf8Length(c) <= Row.MAX_CONTENTS_UTF8 + 4, "cell contents too long");
            }
        }
    }
}
