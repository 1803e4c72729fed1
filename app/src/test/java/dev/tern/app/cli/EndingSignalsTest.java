package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A connected {@code tern} that gets a hang-up, a kill or an interrupt ends its session the way mosh-client does:
 * the real mosh-server hears the goodbye and exits, and the user's terminal is put back (the session's alternate
 * screen left, cooked mode with echo).
 */
class EndingSignalsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration SERVER_GONE_WITHIN = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"HUP", "TERM", "INT"})
    void aSignalEndsTheServerAndRestoresTheTerminal(String signal) throws Exception {
        Path stty = dir.resolve("stty-after-exit");
        try (MoshServer server = MoshServer.plainBash();
             Tmux tmux = Tmux.start(90, 24, CliProcess.utf8(Map.of("MOSH_KEY", server.key())),
                     // the pane's shell reports the terminal's modes once tern is gone, keeping tern's exit status
                     CliProcess.commandLine("--attach", "127.0.0.1", Integer.toString(server.port()))
                             + "; status=$?; stty -a > " + Tmux.shellQuote(stty.toString()) + "; (exit $status)")) {
            tmux.waitForLine(Pattern.compile("\\$ ?"), PATIENCE);
            tmux.type("echo inside-the-session-$((6*7))");
            tmux.sendKeys("Enter");
            tmux.waitForLine(Pattern.compile("inside-the-session-42"), PATIENCE);

            long sent = signal(cliPid(tmux), signal);
            assertTrue(gone(server, sent), "mosh-server still running " + SERVER_GONE_WITHIN + " after SIG" + signal);

            tmux.awaitExit(PATIENCE);
            String screen = tmux.captureAll();
            // the session ran in the alternate screen: once it is left, none of the session's text shows
            assertFalse(screen.contains("inside-the-session-42"), "the alternate screen was not left:\n" + screen);
            assertTrue(screen.contains("[mosh is exiting.]"), screen);
            String modes = Files.readString(stty);
            assertTrue(Pattern.compile("(^|\\s)icanon(\\s|$)").matcher(modes).find(), "not in cooked mode:\n" + modes);
            assertTrue(Pattern.compile("(^|\\s)echo(\\s|$)").matcher(modes).find(), "echo is off:\n" + modes);
        }
    }

    @Test
    void closingTheTerminalWindowEndsTheServer() throws Exception {
        try (MoshServer server = MoshServer.plainBash()) {
            long closed;
            try (Tmux tmux = Tmux.start(90, 24, CliProcess.utf8(Map.of("MOSH_KEY", server.key())),
                    CliProcess.commandLine("--attach", "127.0.0.1", Integer.toString(server.port())))) {
                tmux.waitForLine(Pattern.compile("\\$ ?"), PATIENCE);
                closed = System.nanoTime();
            } // the tmux server goes away: a real hang-up, the terminal is gone and every write to it fails
            assertTrue(gone(server, closed), "mosh-server still running " + SERVER_GONE_WITHIN
                    + " after the terminal hung up");
        }
    }

    /** The tern JVM: the pane's shell runs it as its child. */
    private static long cliPid(Tmux tmux) {
        return ProcessHandle.of(tmux.panePid()).orElseThrow().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no tern process under the pane")).pid();
    }

    private static long signal(long pid, String signal) throws IOException, InterruptedException {
        long sent = System.nanoTime();
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor() == 0, "kill -" + signal + " failed");
        return sent;
    }

    private static boolean gone(MoshServer server, long since) throws InterruptedException {
        long deadline = since + SERVER_GONE_WITHIN.toNanos();
        while (server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return !server.isAlive();
    }
}
