package dev.tern.app.cli;

import dev.tern.testbed.Tmux;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What a person types into a remote shell in the CLI tests, paced as a person would. */
final class Typing {
    private Typing() {
    }

    /** Writes {@code text} into {@code path} with vi, then shows the file with cat and waits for it on screen. */
    static void writeFileWithVi(Tmux tmux, String path, String text, Duration patience) {
        tmux.type("vi -u NONE " + path);
        tmux.sendKeys("Enter");
        tmux.waitForText("~", patience);
        tmux.type("i" + text);
        tmux.sendKeys("Escape");
        tmux.type(":wq");
        tmux.sendKeys("Enter");
        // keys typed while vim hands the terminal back to the shell can be lost: wait for the shell's prompt
        awaitProcesses(p -> p.contains(path), false, patience, "vi to exit");
        tmux.waitFor(screen -> lastLine(screen).endsWith("$"), patience, "the shell's prompt after vi");
        // and a person's pause: in the SSH session, keys typed the moment that prompt shows can still be lost
        // (cause not found)
        pause(Duration.ofMillis(800));
        tmux.type("cat " + path);
        tmux.sendKeys("Enter");
        tmux.waitForLine(Pattern.compile(Pattern.quote(text) + "\\s*"), patience);
    }

    private static String lastLine(String screen) {
        return screen.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce((a, b) -> b).orElse("");
    }

    /**
     * Waits until some process on this machine (the test bed's servers run here) has a command line that
     * {@code matches} ({@code running}) or none has ({@code !running}).
     */
    static void awaitProcesses(Predicate<String> matches, boolean running, Duration patience, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().filter(matches).isPresent())
                != running) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + patience + ": " + what);
            }
            pause(Duration.ofMillis(20));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
