package dev.tern.app.person;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.Prerequisites;
import dev.tern.testbed.SeqOutput;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CLI as a person uses it: {@code ./tern --no-init user@host} typed into Debian's xterm on the display, the
 * command typed with xdotool, and xterm's own scrollback read back the way xterm offers it (its print-everything
 * action, bound to a key, pipes the whole history and screen to a file). Every line of {@code seq 1 100000} must
 * be there once and in order: the lines mosh-server never sent come from the session's recording.
 */
@ExtendWith(TestBed.class)
class NoInitXtermIT extends PersonTest {
    private static final int LINES = 100_000;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void xtermsScrollbackHoldsEveryLineOfTheSession(SshServer sshd) throws Exception {
        Prerequisites.require("xterm", "xterm");
        Path printed = dir.resolve("xterm-history.txt");
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        String title = "tern-no-init-xterm";
        String tern = TernProcess.launcher() + " --no-init --ssh-port " + sshd.port() + " -i " + sshd.ed25519Key()
                + " --known-hosts " + sshd.knownHosts() + " " + sshd.user() + "@" + sshd.host();
        List<String> command = new ArrayList<>(List.of("xterm", "-geometry", "100x30", "-sl", "120000",
                "-xrm", "XTerm*printerCommand: cat > " + printed,
                "-xrm", "XTerm*printerAutoClose: true",
                "-xrm", "XTerm*printAttributes: 0",
                "-xrm", "XTerm*VT100.translations: #override Ctrl Shift <Key>F12: print-everything()",
                "-xrm", "XTerm*allowTitleOps: false", "-title", title, "-e", "sh", "-c", tern));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("xterm.log").toFile()));
        builder.environment().putAll(x.environment());
        builder.environment().putAll(Map.of("HOME", home.toString(), "TERN_SKIP_BUILD", "1", "LANG", "C.UTF-8",
                "TERN_CONFIG_DIR", dir.resolve("config").toString()));
        builder.environment().remove("SSH_AUTH_SOCK");
        Process xterm = builder.start();
        try {
            long window = x.waitForWindow("^" + title + "$", Duration.ofSeconds(30));
            x.focus(window);
            waitForPrinted(window, printed, text -> text.contains("@"), "the remote prompt");
            x.type("seq 1 " + LINES + "; echo seq-$((6*7))");
            x.key("Return");
            String history = waitForPrinted(window, printed, text -> SeqOutput.wrongIn(text, LINES) == null,
                    "every line of seq 1 " + LINES + " in xterm's scrollback");
            assertTrue(history.contains("seq-42"), "the output's end is there too");
            x.type("exit");
            x.key("Return");
            assertTrue(xterm.waitFor(30, TimeUnit.SECONDS), "the session ends with its shell, and xterm with it");
        } finally {
            if (xterm.isAlive()) {
                xterm.destroyForcibly();
            }
        }
    }

    /** Presses the print-everything key until xterm's printout satisfies {@code done}; fails with what is wrong. */
    private String waitForPrinted(long window, Path printed, java.util.function.Predicate<String> done, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            Files.deleteIfExists(printed);
            x.focus(window);
            x.key("ctrl+shift+F12");
            Optional<String> read = readWhenWritten(printed);
            if (read.isPresent()) {
                text = read.get();
                if (done.test(text)) {
                    return text;
                }
            }
            Thread.sleep(1000);
        }
        String wrong = SeqOutput.wrongIn(text, LINES);
        throw new AssertionError("timed out waiting for " + what + (wrong != null ? ": " + wrong : "")
                + "; xterm printed " + text.lines().count() + " lines");
    }

    /** xterm writes the printout through its printer command: read it once it stops growing. */
    private static Optional<String> readWhenWritten(Path file) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long size = -1;
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            long now = Files.exists(file) ? Files.size(file) : -1;
            if (now > 0 && now == size) {
                return Optional.of(Files.readString(file));
            }
            size = now;
        }
        return Optional.empty();
    }
}
