package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.Tmux;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.session.MoshSession;
import dev.tern.transport.session.MoshSessionListener;
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
 * emulator) must equal our framebuffer cell by cell. Then the program runs once more under another mosh-server,
 * shown by our own Mosh client, whose final screen must equal mosh-client's too.
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
            Capture official = parseCapture(shown, program.columns(), program.rows());
            Framebuffer client = throughOurClient(script.replace(done.toString(), done + "-ours"), done + "-ours",
                    program, official);
            String dc = compare(client, official);
            if (dc != null) {
                fail(program + ", our Mosh client: " + dc + "\nours:\n" + client.screenText() + "\nmosh-client:\n"
                        + tmux.capture());
            }
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The same program through a second mosh-server, shown by our own client ({@link MoshSession}) instead of
     * mosh-client: the screen it holds once the program has run and the screen has settled.
     */
    private static Framebuffer throughOurClient(String script, String done, ScreenCorpus.Program program,
                                                Capture official) throws IOException {
        try (MoshServer server = MoshServer.start("sh", "-c", script);
             MoshSession session = MoshSession.start(server.address(), SessionKey.parse(server.key()),
                     program.columns(), program.rows(), new MoshSessionListener() { })) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!Files.exists(Path.of(done)) && System.nanoTime() < deadline) {
                sleep(50);
            }
            assertTrue(Files.exists(Path.of(done)), "the program never ran under our client");
            // settled: the official client's screen, or no new state for a second
            long lastState = -1;
            long lastChange = System.nanoTime();
            while (System.nanoTime() < deadline && compare(session.screen().framebuffer(), official) != null
                    && System.nanoTime() - lastChange < Duration.ofSeconds(1).toNanos()) {
                long state = session.screen().stateNumber();
                if (state != lastState) {
                    lastState = state;
                    lastChange = System.nanoTime();
                }
                sleep(50);
            }
            return session.screen().framebuffer();
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
