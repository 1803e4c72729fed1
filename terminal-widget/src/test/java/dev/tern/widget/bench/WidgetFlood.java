package dev.tern.widget.bench;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import dev.tern.widget.BenchAccess;
import dev.tern.widget.TerminalSettings;
import dev.tern.widget.TerminalView;
import dev.tern.widget.connect.LocalShellConnector;
import javafx.scene.canvas.Canvas;
import javafx.stage.Stage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Entry point of {@code bench/widget-flood.sh}; one measured path per JVM, so that memory figures stay apart.
 *
 * <pre>
 * WidgetFlood file seq|text FILE MB       writes a file of about MB × 10^6 bytes: the output of `seq 1 N`, or
 *                                          text lines of 1–70 characters (a log, source code, prose)
 * WidgetFlood pipeline FILE COLSxROWS      `cat FILE` in a local bash tab (TerminalView + pty4j) until its last
 *                                          line is on the widget's screen
 * WidgetFlood direct FILE COLSxROWS        the same bytes (with the tty's CR LF) straight into JediTermFX
 * WidgetFlood pty FILE COLSxROWS           {@code cat FILE} in a pty read by pty4j as a local tab reads it, the
 *                                          output thrown away: the floor of the local-tab path (kernel + pty4j)
 * WidgetFlood keys COLSxROWS KEYS WARMUP   key event to predicted glyph, Mosh tab at 300 ms RTT ({@link KeyLatency})
 * </pre>
 * Results go to stdout as {@code RESULT mode key=value ...} lines; progress goes to stderr.
 */
public final class WidgetFlood {
    private static final long FLOOD_TIMEOUT_MILLIS = Long.getLong("tern.bench.timeoutMillis", 3_600_000L);

    private WidgetFlood() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "file" -> writeFile(args[1], Path.of(args[2]), Double.parseDouble(args[3]));
            case "pipeline" -> pipeline(Path.of(args[1]), size(args[2]));
            case "direct" -> direct(Path.of(args[1]), size(args[2]));
            case "pty" -> ptyAlone(Path.of(args[1]), size(args[2]));
            case "keys" -> KeyLatency.run(size(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> usage();
        }
        System.exit(0); // the views' threads (pty, session, emulator) need not wind down for a benchmark
    }

    private static void usage() {
        System.err.println("usage: WidgetFlood file seq|text FILE MB | pipeline FILE COLSxROWS | direct FILE COLSxROWS"
                + " | pty FILE COLSxROWS | keys COLSxROWS KEYS WARMUP");
        System.exit(2);
    }

    static int[] size(String spec) {
        String[] parts = spec.toLowerCase(Locale.ROOT).split("x");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    // ---- the files ----

    static void writeFile(String kind, Path file, double megabytes) throws IOException {
        switch (kind) {
            case "seq" -> writeSeq(file, megabytes);
            case "text" -> writeText(file, megabytes);
            default -> throw new IllegalArgumentException("file kind seq or text, not " + kind);
        }
    }

    /** What {@code seq 1 N} prints, N chosen for the size: short lines, the hardest case for a scrolling terminal. */
    static void writeSeq(Path file, double megabytes) throws IOException {
        long target = (long) (megabytes * 1_000_000);
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (long i = 1; written < target; i++) {
                String line = Long.toString(i);
                out.write(line);
                out.write('\n');
                written += line.length() + 1;
            }
        }
    }

    private static final String[] WORDS = ("the quick brown fox jumps over lazy dog terminal frame screen mosh "
            + "session widget pipeline scroll history line cursor render emulator byte stream packet server client "
            + "predict echo latency window buffer cell column row font glyph colour shell prompt output input key "
            + "a an of to in is it on at by or as be we").split(" ");

    /**
     * Lines of 1–70 characters of words with a line number in front, like a log or source file; the last line
     * says how many lines came before, so it occurs once and tells that everything was shown.
     */
    static void writeText(Path file, double megabytes) throws IOException {
        long target = (long) (megabytes * 1_000_000);
        Random random = new Random(20261125L);
        long written = 0;
        int lineNumber = 0;
        StringBuilder line = new StringBuilder(96);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            String end = "";
            while (true) {
                lineNumber++;
                end = "tern-flood: end after " + (lineNumber - 1) + " lines";
                if (written + end.length() + 1 >= target) {
                    break;
                }
                line.setLength(0);
                line.append(String.format("%7d ", lineNumber));
                int length = 8 + random.nextInt(63);
                while (line.length() < length) {
                    line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                if (random.nextInt(16) == 0) {
                    line.setLength(8); // now and then a line with just its number
                }
                String text = line.toString().stripTrailing();
                out.write(text);
                out.write('\n');
                written += text.length() + 1;
            }
            out.write(end);
            out.write('\n');
        }
    }

    /** The file's last non-empty line, as the terminal shows it. */
    static String lastLine(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int tail = (int) Math.min(length, 4096);
            byte[] bytes = new byte[tail];
            raf.seek(length - tail);
            raf.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!lines[i].isBlank()) {
                    return lines[i].stripTrailing();
                }
            }
        }
        throw new IOException(file + " has no text");
    }

    // ---- the two flood paths ----

    /** {@code cat FILE} in a local bash tab: Tern's whole pipeline (pty4j, our emulator, frames, JediTermFX). */
    static void pipeline(Path file, int[] size) throws Exception {
        String last = lastLine(file);
        long bytes = Files.size(file);
        BenchFx.startFx();
        LocalShellConnector shell = new LocalShellConnector(List.of("/bin/bash", "--norc", "--noprofile"),
                Map.of("PS1", "$ "), file.toAbsolutePath().getParent());
        TerminalView view = BenchFx.onFx(() -> new TerminalView(shell, TerminalSettings.defaults()));
        Stage stage = BenchFx.show(view, "tern-bench-pipeline");
        Canvas canvas = BenchFx.onFx(() -> (Canvas) view.lookupAll("*").stream()
                .filter(n -> n instanceof Canvas).findFirst().orElseThrow());
        BenchFx.fitCells(stage, canvas, () -> view.textBuffer().getWidth(), () -> view.textBuffer().getHeight(),
                size[0], size[1]);
        require(BenchFx.await(30_000, 20, () -> view.screenText().contains("$ ")
                && view.terminalSize().getColumns() == size[0] && view.terminalSize().getRows() == size[1]),
                "no prompt at " + size[0] + "x" + size[1] + ": " + view.terminalSize() + "\n" + view.screenText());
        BenchFx.sleep(700); // past the widget's resize quiet period: the shell has the final size
        BenchFx.onFx(view::requestTerminalFocus);
        long rssBefore = BenchFx.procStatusKb("VmRSS");
        long cpu0 = BenchFx.processCpuMillis(), gc0 = BenchFx.gcMillis(), frames0 = view.framesShown();
        BenchFx.log("pipeline: cat %s (%.1f MB) in a %dx%d local bash tab", file, bytes / 1e6, size[0], size[1]);
        long start = System.nanoTime();
        shell.send(("cat '" + file.toAbsolutePath() + "'\r").getBytes(StandardCharsets.UTF_8));
        require(BenchFx.await(FLOOD_TIMEOUT_MILLIS, 10, () -> BenchFx.hasLine(view.screenText(), last)),
                "the last line never showed:\n" + view.screenText());
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = BenchFx.processCpuMillis() - cpu0, gc = BenchFx.gcMillis() - gc0;
        long frames = view.framesShown() - frames0;
        long hwm = BenchFx.procStatusKb("VmHWM");
        boolean historyOk = BenchFx.onFx(() -> view.textBuffer().getHistoryLinesCount()) > 0;
        BenchFx.result("pipeline", "bytes", bytes, "seconds", fmt(seconds), "mbps", fmt(bytes / 1e6 / seconds),
                "frames", frames, "cpu_ms", cpu, "gc_ms", gc, "rss_before_kb", rssBefore, "hwm_kb", hwm,
                "size", size[0] + "x" + size[1], "history", historyOk);
    }

    /** The same bytes straight into JediTermFX's own emulator, as a pty would hand them to it. */
    static void direct(Path file, int[] size) throws Exception {
        String last = lastLine(file);
        long bytes = Files.size(file);
        BenchFx.startFx();
        FileFeed feed = new FileFeed(file);
        JediTermFxWidget widget = BenchFx.onFx(() -> {
            JediTermFxWidget w = BenchAccess.plainJediTermFx(80, 24);
            w.setTtyConnector(feed);
            return w;
        });
        Stage stage = BenchFx.show(widget.getPane(), "tern-bench-direct");
        BenchFx.onFx(widget::start);
        Canvas canvas = BenchFx.onFx(() -> widget.getTerminalPanel().getCanvas());
        BenchFx.fitCells(stage, canvas, () -> widget.getTerminalTextBuffer().getWidth(),
                () -> widget.getTerminalTextBuffer().getHeight(), size[0], size[1]);
        long rssBefore = BenchFx.procStatusKb("VmRSS");
        long cpu0 = BenchFx.processCpuMillis(), gc0 = BenchFx.gcMillis();
        BenchFx.log("direct: %s (%.1f MB) straight into JediTermFX at %dx%d", file, bytes / 1e6, size[0], size[1]);
        long start = System.nanoTime();
        feed.go();
        long[] lastReport = {start};
        require(BenchFx.await(FLOOD_TIMEOUT_MILLIS, 20, () -> {
            long now = System.nanoTime();
            if (now - lastReport[0] > 30_000_000_000L) {
                lastReport[0] = now;
                BenchFx.log("direct: %.1f MB of %.1f fed after %.0f s", feed.charsFed() / 1e6, bytes / 1e6,
                        (now - start) / 1e9);
            }
            return feed.drained() && BenchFx.hasLine(widget.getTerminalTextBuffer().getScreenLines(), last);
        }), "the last line never showed:\n" + widget.getTerminalTextBuffer().getScreenLines());
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = BenchFx.processCpuMillis() - cpu0, gc = BenchFx.gcMillis() - gc0;
        long hwm = BenchFx.procStatusKb("VmHWM");
        int width = BenchFx.onFx(() -> widget.getTerminalTextBuffer().getWidth());
        int height = BenchFx.onFx(() -> widget.getTerminalTextBuffer().getHeight());
        BenchFx.result("direct", "bytes", bytes, "seconds", fmt(seconds), "mbps", fmt(bytes / 1e6 / seconds),
                "cpu_ms", cpu, "gc_ms", gc, "rss_before_kb", rssBefore, "hwm_kb", hwm, "size", width + "x" + height);
    }

    /**
     * {@code cat FILE} in a pseudo-terminal, read with pty4j in chunks of the local tab's size and thrown away: how
     * fast the kernel's tty layer (which turns every LF into CR LF) and pty4j deliver the bytes at all. No pipeline
     * can show a {@code cat} faster than this.
     */
    static void ptyAlone(Path file, int[] size) throws Exception {
        long bytes = Files.size(file);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TERM", "xterm-256color");
        BenchFx.log("pty: cat %s (%.1f MB) into a %dx%d pty, output discarded", file, bytes / 1e6, size[0], size[1]);
        long cpu0 = BenchFx.processCpuMillis();
        long start = System.nanoTime();
        PtyProcess process = new PtyProcessBuilder(new String[] {"cat", file.toString()})
                .setEnvironment(env).setInitialColumns(size[0]).setInitialRows(size[1]).setConsole(false).start();
        long received = 0;
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received += n;
            }
        } catch (IOException e) {
            // EIO once cat has exited and the pty is drained
        }
        process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = BenchFx.processCpuMillis() - cpu0;
        BenchFx.result("pty", "bytes", bytes, "received", received, "seconds", fmt(seconds),
                "mbps", fmt(bytes / 1e6 / seconds), "cpu_ms", cpu);
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            BenchFx.log("FAILED: %s", message);
            System.exit(1);
        }
    }
}
