package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.Tmux;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code tern --attach} against a real mosh-server, driven in tmux the way a person types: run commands, use
 * vi, resize the window, quit with the escape key; and the errors a user can make.
 */
class AttachTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void runsCommandsUsesViFollowsResizeAndQuitsWithTheEscapeKey() {
        try (MoshServer server = MoshServer.plainBash();
             Tmux tmux = Tmux.start(100, 30, CliProcess.utf8(Map.of("MOSH_KEY", server.key())),
                     CliProcess.commandLine("--attach", "127.0.0.1", Integer.toString(server.port())))) {
            tmux.waitForLine(Pattern.compile("\\$ ?"), PATIENCE);

            tmux.type("echo hello $((6*7))");
            tmux.sendKeys("Enter");
            tmux.waitForLine(Pattern.compile("hello 42"), PATIENCE);

            tmux.type("stty size");
            tmux.sendKeys("Enter");
            tmux.waitForLine(Pattern.compile("30 100"), PATIENCE);
            tmux.resize(72, 20);
            tmux.type("clear; stty size");
            tmux.sendKeys("Enter");
            tmux.waitForLine(Pattern.compile("20 72"), PATIENCE);

            Typing.writeFileWithVi(tmux, "/tmp/tern-cli-vi-" + server.port() + ".txt", "hello from vi", PATIENCE);

            tmux.sendKeys("C-^", ".");
            assertEquals(0, tmux.awaitExit(PATIENCE), tmux::capture);
            assertTrue(tmux.captureAll().contains("[mosh is exiting.]"), tmux::captureAll);
            assertTrue(waitUntilGone(server), "mosh-server still running after a clean quit");
        }
    }

    @Test
    void escapeThenCaretSendsALiteralCtrlCaretAndOtherKeysPassThrough() {
        try (MoshServer server = MoshServer.plainBash();
             Tmux tmux = Tmux.start(80, 24, CliProcess.utf8(Map.of("MOSH_KEY", server.key())),
                     CliProcess.commandLine("--attach", "127.0.0.1", Integer.toString(server.port())))) {
            tmux.waitForLine(Pattern.compile("\\$ ?"), PATIENCE);
            // od shows what reached the remote program: 036 is Ctrl-^ (sent once for "Ctrl-^ ^")
            tmux.type("od -c");
            tmux.sendKeys("Enter");
            // wait until od has the terminal: keys typed while bash is still handing the tty over can arrive
            // before the line discipline is back in canonical mode
            Typing.awaitProcesses(command -> command.matches("(.*/)?od -c"), true, PATIENCE, "od to start");
            tmux.sendKeys("C-^", "^");
            tmux.type("x");
            tmux.sendKeys("Enter", "C-d");
            tmux.waitForLine(Pattern.compile("0000000 036   x  \\\\n"), PATIENCE);
            tmux.sendKeys("C-^", ".");
            assertEquals(0, tmux.awaitExit(PATIENCE), tmux::capture);
        }
    }

    @Test
    void aMissingKeyIsAClearErrorNotAStackTrace() {
        try (Tmux tmux = Tmux.start(100, 20, CliProcess.utf8(Map.of()),
                CliProcess.commandLine("--attach", "127.0.0.1", "45999"))) {
            assertEquals(2, tmux.awaitExit(PATIENCE));
            String screen = tmux.captureAll();
            assertTrue(screen.contains("MOSH_KEY environment variable not found"), screen);
            assertFalse(screen.contains("Exception"), screen);
        }
    }

    @Test
    void aServerThatNeverAnswersGivesMoshsFirewallAdvice() {
        try (Tmux tmux = Tmux.start(100, 20, CliProcess.utf8(Map.of("MOSH_KEY", "AAAAAAAAAAAAAAAAAAAAAA")),
                CliProcess.commandLine("--attach", "127.0.0.1", "45998"))) {
            tmux.waitFor(screen -> tmux.exitStatus() >= 0, Duration.ofSeconds(40), "the client to give up");
            String screen = tmux.captureAll();
            assertEquals(1, tmux.exitStatus(), screen);
            assertTrue(screen.contains("mosh did not make a successful connection to 127.0.0.1:45998."), screen);
            assertTrue(screen.contains("[mosh is exiting.]"), screen);
        }
    }


    private static boolean waitUntilGone(MoshServer server) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !server.isAlive();
    }
}
