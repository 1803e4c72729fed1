package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.Tmux;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test against the official mosh 1.4: each scripted program runs under a real {@code mosh-server},
 * shown by the real {@code mosh-client} in a tmux pane; the same bytes go straight into our emulator. The text
 * and attributes of tmux's final screen (read back with {@code capture-pane -e} and parsed by our xterm-flavoured
 * emulator) must equal our framebuffer cell by cell.
 */
class MoshDifferentialTest {

    static Stream<ScreenCorpus.Program> programs() {
        return ScreenCorpus.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void finalScreenMatchesTheOfficialClient(ScreenCorpus.Program program) throws IOException {
        Path dir = Files.createTempDirectory("tern-diff-");
        Path output = dir.resolve("output.bin");
        Path done = dir.resolve("done");
        Files.write(output, program.output().getBytes(StandardCharsets.UTF_8));
        String script = "stty -opost; while [ \"$(stty size)\" != \"" + program.rows() + " " + program.columns()
                + "\" ]; do sleep 0.05; done; cat " + output + "; touch " + done + "; exec sleep 600";
        try (MoshServer server = MoshServer.start("sh", "-c", script);
             Tmux tmux = Tmux.start(program.columns(), program.rows(), Map.of("MOSH_KEY", server.key(),
                     "LANG", "C.UTF-8", "TERM", "xterm-256color"), "mosh-client 127.0.0.1 " + server.port())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!Files.exists(done)) {
                if (System.nanoTime() > deadline) fail("the program never ran; screen:\n" + tmux.capture());
                sleep(50);
            }
            String shown = stableCapture(tmux);
            Emulator ours = new Emulator(program.columns(), program.rows(), Repertoire.MOSH);
            ours.write(program.output().getBytes(StandardCharsets.UTF_8));
            String d = compare(ours.framebuffer(), parseCapture(shown, program.columns(), program.rows()));
            if (d != null) {
                fail(program + ": " + d + "\nours:\n" + ours.framebuffer().screenText() + "\nmosh-client:\n"
                        + tmux.capture());
            }
            assertTrue(ours.framebuffer().height() == program.rows());
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Waits until mosh-client has drawn everything: three identical captures 300 ms apart. */
    private static String stableCapture(Tmux tmux) {
        String previous = tmux.captureWithAttributes();
        int same = 0;
        for (int i = 0; i < 100 && same < 3; i++) {
            sleep(300);
            String now = tmux.captureWithAttributes();
            same = now.equals(previous) ? same + 1 : 0;
            previous = now;
        }
        return previous;
    }

    /** tmux's capture replayed into an emulator to get cells back, and how far each captured line reaches. */
    record Capture(Framebuffer screen, int[] extent) {
    }

    /**
     * tmux prints one line per row with SGR sequences (state carried across lines) and trims trailing blanks even
     * when they have a background colour, so cells past a line's extent only compare as blank.
     */
    static Capture parseCapture(String capture, int columns, int rows) {
        Emulator e = new Emulator(columns, rows, Repertoire.XTERM);
        int[] extent = new int[rows];
        String[] lines = capture.split("\n", -1);
        for (int y = 0; y < rows && y < lines.length; y++) {
            e.write(("\033[" + (y + 1) + ";1H" + lines[y]).getBytes(StandardCharsets.UTF_8));
            Framebuffer f = e.framebuffer();
            extent[y] = f.cursorCol() + (f.nextPrintWillWrap() ? 1 : 0);
        }
        return new Capture(e.framebuffer(), extent);
    }

    /** Text and renditions of every visible cell; blanks compare by background only. */
    static String compare(Framebuffer ours, Capture capture) {
        Framebuffer theirs = capture.screen();
        for (int y = 0; y < ours.height(); y++) {
            for (int x = 0; x < ours.width(); x++) {
                Cell a = ours.cell(x, y), b = theirs.cell(x, y);
                boolean blankA = a.isBlank(), blankB = b.isBlank();
                if (blankA != blankB || !blankA && !a.printable().equals(b.printable())) {
                    return "row " + y + " col " + x + ": '" + a.printable() + "' vs '" + b.printable() + "'";
                }
                if (blankA && x >= capture.extent()[y]) {
                    continue;
                }
                long ra = a.renditions(), rb = b.renditions();
                // an erased cell is drawn by mosh-client as a space carrying only its background
                boolean same = a.contents().isEmpty()
                        ? Renditions.background(ra) == Renditions.background(rb)
                        : ra == rb;
                if (!same) {
                    return "row " + y + " col " + x + " ('" + a.printable() + "'): " + Renditions.sgr(ra) .replace("\033", "ESC")
                            + " vs " + Renditions.sgr(rb).replace("\033", "ESC");
                }
                if (a.wide()) x++;
            }
        }
        return null;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
