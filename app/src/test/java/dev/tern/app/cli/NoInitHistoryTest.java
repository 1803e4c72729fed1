package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.SeqOutput;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.testbed.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tern --no-init}, as a person runs it in a terminal (tmux here, with a scrollback big enough): the session
 * stays on the normal screen and its history goes into the terminal's own scrollback. With the default, every
 * line of {@code seq 1 100000} is there once, in order, the lines mosh-server never sent included; with
 * {@code --history-size 0}, one marker row stands in each gap and no row is blank. Real sshd and mosh-server.
 */
@ExtendWith(TestBed.class)
class NoInitHistoryTest {
    private static final int LINES = 100_000;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path config;

    @Test
    void everyLineOfSeqGoesIntoTheTerminalsScrollbackOnceAndInOrder(SshServer sshd) throws Exception {
        Set<Path> recordingsBefore = recordings(sshd);
        try (Tmux tmux = Tmux.start(100, 30, LINES + 10_000, environment(), login(sshd, "--no-init"))) {
            String history = seq(tmux, all -> SeqOutput.wrongIn(all, LINES) == null, Duration.ofSeconds(20));
            String wrong = SeqOutput.wrongIn(history, LINES);
            assertTrue(wrong == null, wrong);
            assertEquals(1, leftBehind(sshd, recordingsBefore).size(), "the session is recorded on the server");
            leave(tmux);
        }
        // the session's recording goes with the session
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<Path> left = leftBehind(sshd, recordingsBefore);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = leftBehind(sshd, recordingsBefore);
        }
        assertTrue(left.isEmpty(), "the recording is still on the server: " + left);
    }

    @Test
    void withHistoryOffEachGapIsOneMarkerAndNoRowIsBlank(SshServer sshd) throws Exception {
        try (Tmux tmux = Tmux.start(100, 30, LINES + 10_000, environment(),
                login(sshd, "--no-init", "--history-size", "0"))) {
            List<String> rows = List.of(seq(tmux, all -> false, Duration.ofSeconds(2)).split("\n", -1));
            // the output starts after the prompt the command was typed at; that the command line itself went by
            // unseen is possible (the server's first screen after it may already hold the output)
            int from = SeqOutput.outputStart(rows);
            assertTrue(from > 0 && rows.subList(0, from).stream().anyMatch(r -> r.contains("@")),
                    "the prompt comes before the output");
            for (String row : rows.subList(from, rows.size())) {
                if (SeqOutput.isMarker(row)) {
                    assertTrue(row.contains("complete history is off"), "the marker says why: " + row);
                }
            }
            int markers = SeqOutput.assertGapsMarked(rows.subList(from, rows.size()), LINES, "seq-42");
            assertTrue(markers > 0, "mosh skipped lines, as it does, and the scrollback says so");
            leave(tmux);
        }
    }

    /**
     * Types {@code seq 1 100000} at the session's prompt and returns the terminal's scrollback and screen once the
     * output is over and {@code done} says so (or, failing that, once it has not changed for {@code settled}), or after
     * {@link #PATIENCE}.
     */
    private static String seq(Tmux tmux, java.util.function.Predicate<String> done, Duration settled)
            throws InterruptedException {
        tmux.waitForText("@", PATIENCE); // the login shell's prompt
        tmux.type("seq 1 " + LINES + "; echo seq-$((6*7))");
        tmux.sendKeys("Enter");
        tmux.waitForLine(Pattern.compile("seq-42\\s*"), PATIENCE);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long stableSince = System.nanoTime();
        String all = tmux.captureAll();
        // the recording is fetched over SSH and may trail the screen by seconds
        while (!done.test(all) && System.nanoTime() < deadline
                && System.nanoTime() - stableSince < settled.toNanos()) {
            Thread.sleep(500);
            String again = tmux.captureAll();
            if (!again.equals(all)) {
                stableSince = System.nanoTime();
            }
            all = again;
        }
        return all;
    }

    private static void leave(Tmux tmux) {
        tmux.type("exit");
        tmux.sendKeys("Enter");
        assertEquals(0, tmux.awaitExit(PATIENCE), tmux::captureAll);
    }

    private Map<String, String> environment() throws IOException {
        Path home = config.resolve("home");
        Files.createDirectories(home);
        Map<String, String> env = new HashMap<>(CliProcess.utf8(Map.of("TERN_CONFIG_DIR", config.toString())));
        env.put("HOME", home.toString());
        return env;
    }

    private static String login(SshServer sshd, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("--ssh-port", Integer.toString(sshd.port()), "-i",
                sshd.ed25519Key().toString(), "--known-hosts", sshd.knownHosts().toString()));
        args.addAll(List.of(options));
        args.add(sshd.user() + "@" + sshd.host());
        return CliProcess.commandLine(args.toArray(String[]::new));
    }

    /** The session folders of the test user's recordings ({@code /dev/shm/tern-history-<uid>/<token>}). */
    private static Set<Path> recordings(SshServer sshd) throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u", sshd.user()).redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes()).strip();
        assertEquals(0, id.waitFor(), "id -u " + sshd.user() + ": " + uid);
        Set<Path> found = new HashSet<>();
        for (String base : List.of("/dev/shm", "/tmp")) {
            Path folder = Path.of(base, "tern-history-" + uid);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> sessions = Files.list(folder)) {
                    sessions.forEach(found::add);
                }
            }
        }
        return found;
    }

    private static Set<Path> leftBehind(SshServer sshd, Set<Path> before) throws IOException, InterruptedException {
        Set<Path> now = recordings(sshd);
        now.removeAll(before);
        return now;
    }
}
