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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test with real programs: {@code ls --color}, {@code less} and {@code vim} run under a real
 * {@code mosh-server} inside {@code script}, which records every byte they print; keys are typed through the
 * official {@code mosh-client} in tmux. The recorded bytes, fed straight into our emulator, must give the screen
 * mosh-client shows (text and attributes, see {@link MoshDifferentialTest#compare}).
 */
class MoshProgramsDifferentialTest {

    /** Keys are tmux key names, or literal text when they start with an apostrophe. */
    record Scenario(String name, int columns, int rows, String command, List<String> keys) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("ls --color", 60, 15, "ls --color=always -l /usr/share/doc | head -40", List.of()),
                new Scenario("less", 70, 20, "less /usr/share/common-licenses/GPL-3", List.of(
                        "Space", "j", "j", "j", "/", "'Warranty", "Enter", "b", "q")),
                new Scenario("vim editing", 72, 18, "vim -u NONE -N -i NONE +'syntax on' notes.c", List.of(
                        "i", "'int main(void) {", "Enter", "'    printf(\"héllo 世界\\n\"); // ok", "Enter", "}",
                        "Escape", "g", "g", "O", "'#include <stdio.h>", "Escape", "j", "d", "d", "u", ":",
                        "'set number", "Enter", ":", "'wq", "Enter")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void recordedOutputGivesTheScreenMoshClientShows(Scenario s) throws IOException {
        Path dir = Files.createTempDirectory("tern-prog-");
        Path record = dir.resolve("typescript");
        Path done = dir.resolve("done");
        String script = "stty -opost; while [ \"$(stty size)\" != \"" + s.rows() + " " + s.columns()
                + "\" ]; do sleep 0.05; done; cd " + dir + "; script -q -f -O " + record + " -c "
                + Tmux.shellQuote(s.command()) + "; touch " + done + "; exec sleep 600";
        try (MoshServer server = MoshServer.start(Map.of("HOME", dir.toString()), "sh", "-c", script);
             Tmux tmux = Tmux.start(s.columns(), s.rows(), Map.of("MOSH_KEY", server.key(), "LANG", "C.UTF-8",
                     "TERM", "xterm-256color"), "mosh-client 127.0.0.1 " + server.port())) {
            waitFor(() -> Files.exists(record), tmux, "the program to start");
            for (String key : s.keys()) {
                if (key.startsWith("'")) {
                    tmux.type(key.substring(1));
                } else {
                    tmux.sendKeys(key);
                }
                sleep(60);
            }
            waitFor(() -> Files.exists(done), tmux, "the program to exit");
            String shown = stable(tmux);
            byte[] output = programOutput(Files.readAllBytes(record));
            Emulator ours = new Emulator(s.columns(), s.rows(), Repertoire.MOSH);
            ours.write(output);
            String d = MoshDifferentialTest.compare(ours.framebuffer(),
                    MoshDifferentialTest.parseCapture(shown, s.columns(), s.rows()));
            if (d != null) {
                fail(s + ": " + d + "\nours:\n" + ours.framebuffer().screenText() + "\nmosh-client:\n" + tmux.capture());
            }
            assertTrue(output.length > 100, "the program printed something");
            System.out.println("DIFF " + s + ": " + output.length + " bytes recorded, screens equal:\n"
                    + ours.framebuffer().screenText());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Strips the header line and the trailer that script(1) adds around the program's bytes. */
    static byte[] programOutput(byte[] typescript) {
        String all = new String(typescript, StandardCharsets.ISO_8859_1);
        int start = all.indexOf('\n') + 1;
        int end = all.lastIndexOf("\nScript done");
        return Arrays.copyOfRange(typescript, start, end < start ? typescript.length : end);
    }

    private static String stable(Tmux tmux) {
        String previous = tmux.captureWithAttributes();
        int same = 0;
        for (int i = 0; i < 60 && same < 3; i++) {
            sleep(250);
            String now = tmux.captureWithAttributes();
            same = now.equals(previous) ? same + 1 : 0;
            previous = now;
        }
        return previous;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Tmux tmux, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for " + what + "; screen:\n" + tmux.capture());
            sleep(50);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
