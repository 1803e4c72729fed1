package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A small JMH-free benchmark: prints emulator throughput (MB/s) for {@code seq}-style lines, SGR-heavy coloured
 * output and CJK text, the cost of a snapshot of a 200×50 screen and the renderer time for a full-screen change.
 * Figures are printed, never asserted (timing must not fail a build); the assertions check the work was done.
 */
@org.junit.jupiter.api.Tag("benchmark")
class ScreenBenchmarkTest {
    private static final int MB = 1 << 20;

    private static double throughput(String name, byte[] data, Repertoire repertoire) {
        Emulator warm = new Emulator(80, 24, repertoire);
        for (int i = 0; i < 3; i++) {
            warm.write(data);
        }
        double best = 0;
        for (int run = 0; run < 5; run++) {
            Emulator e = new Emulator(80, 24, repertoire);
            long t0 = System.nanoTime();
            e.write(data);
            long ns = System.nanoTime() - t0;
            best = Math.max(best, data.length / (double) MB / (ns / 1e9));
        }
        System.out.printf("BENCH emulator %-28s %8.1f MB/s (%d MB, 80x24, %s)%n", name, best, data.length / MB,
                repertoire);
        return best;
    }

    @Test
    void emulatorThroughput() {
        byte[] seq = ScreenWorkloads.seqOutput(16 * MB);
        assertTrue(throughput("seq output", seq, Repertoire.XTERM) > 0);
        assertTrue(throughput("plain ASCII lines (ls -l)", ScreenWorkloads.plainLines(16 * MB), Repertoire.XTERM) > 0);
        assertTrue(throughput("SGR-heavy coloured lines", ScreenWorkloads.sgrHeavy(16 * MB), Repertoire.XTERM) > 0);
        assertTrue(throughput("CJK text", ScreenWorkloads.cjk(8 * MB), Repertoire.XTERM) > 0);
        Emulator e = new Emulator(80, 24);
        e.write(seq);
        assertEquals("", e.framebuffer().row(23).text().strip());
    }

    @Test
    void emulatorThroughputWithSnapshotsEvery16ms() {
        // a local tab: the view takes a snapshot per frame while `cat` output streams in 64 KiB reads
        byte[] data = ScreenWorkloads.plainLines(16 * MB);
        ScrollbackBuffer history = new ScrollbackBuffer(10_000);
        Emulator e = Vt.xtermWithHistory(200, 50, history);
        long t0 = System.nanoTime();
        int frames = 0;
        for (int off = 0; off < data.length; off += 65536) {
            e.write(data, off, Math.min(65536, data.length - off));
            e.snapshot();
            history.drain();
            frames++;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("BENCH emulator plain lines + snapshot/64KiB + scrollback %8.1f MB/s (%d snapshots, 200x50)%n",
                data.length / (double) MB / s, frames);
        assertTrue(frames > 0);
    }

    @Test
    void snapshotCost() {
        Emulator e = new Emulator(200, 50);
        e.write(ScreenWorkloads.plainLines(MB));
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            e.snapshot();
        }
        long t0 = System.nanoTime();
        Framebuffer last = null;
        for (int i = 0; i < n; i++) {
            last = e.snapshot();
        }
        double us = (System.nanoTime() - t0) / 1e3 / n;
        System.out.printf("BENCH snapshot of a 200x50 screen: %.3f us%n", us);
        long t1 = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            e.write(new byte[]{'x'});
            last = e.snapshot();
        }
        double us2 = (System.nanoTime() - t1) / 1e3 / 20_000;
        System.out.printf("BENCH one printed character + snapshot (copy-on-write of one row), 200x50: %.3f us%n", us2);
        assertEquals(50, last.height());
    }

    @Test
    void rendererFullScreenChange() {
        Emulator e = new Emulator(200, 50);
        Framebuffer a = e.snapshot();
        e.write(ScreenWorkloads.sgrHeavy(64 * 1024));
        e.write("\033[H".getBytes(StandardCharsets.US_ASCII));
        e.write(ScreenWorkloads.plainLines(200 * 50));
        Framebuffer b = e.snapshot();
        FrameRenderer client = FrameRenderer.clientRole();
        FrameRenderer server = FrameRenderer.serverRole();
        String out = "";
        for (int i = 0; i < 2000; i++) {
            out = client.bytesFor(true, a, b);
            server.bytesFor(true, b, a);
        }
        int n = 5000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            out = client.bytesFor(true, a, b);
        }
        double us = (System.nanoTime() - t0) / 1e3 / n;
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            server.bytesFor(true, b, a);
        }
        double us2 = (System.nanoTime() - t1) / 1e3 / n;
        System.out.printf("BENCH renderer full-screen change 200x50: client role %.1f us (%d chars), server role %.1f us%n",
                us, out.length(), us2);
        assertTrue(out.length() > 2000);
    }
}
