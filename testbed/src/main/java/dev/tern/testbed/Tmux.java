package dev.tern.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A private tmux server (its own socket, so it never touches anyone else's tmux) that runs a terminal program
 * in a pane of a fixed size: type with {@link #sendKeys}, read the screen with {@link #capture}, the way a
 * person would use the program.
 */
public final class Tmux implements AutoCloseable {
    private static final String SESSION = "t";
    private final String tmux;
    private final String socket = "tern-" + UUID.randomUUID().toString().substring(0, 8);
    private final Path workDir;

    private Tmux(int historyLines) {
        this.tmux = Prerequisites.require("tmux", "tmux").toString();
        try {
            this.workDir = Files.createTempDirectory("tern-tmux-");
            // set before the pane exists: a program that exits at once must still leave its screen behind
            Files.writeString(workDir.resolve("tmux.conf"), "set -g remain-on-exit on\nset -g status off\n"
                    + "set -g history-limit " + historyLines + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code command} (one shell command line) in a pane of {@code columns}×{@code rows}. */
    public static Tmux start(int columns, int rows, Map<String, String> env, String command) {
        return start(columns, rows, 2000, env, command);
    }

    /** The same, with a scrollback of {@code historyLines} (tmux's default is 2000). */
    public static Tmux start(int columns, int rows, int historyLines, Map<String, String> env, String command) {
        Tmux tmux = new Tmux(historyLines);
        StringBuilder line = new StringBuilder("env");
        env.forEach((key, value) -> line.append(' ').append(key).append('=').append(shellQuote(value)));
        line.append(' ').append(command);
        // tmux 3.3 does not report a dead pane's exit status reliably: the shell around it writes it to a file
        line.append("; echo $? > ").append(shellQuote(tmux.statusFile().toString()));
        tmux.run(List.of("-f", tmux.workDir.resolve("tmux.conf").toString(), "new-session", "-d", "-s", SESSION,
                "-x", Integer.toString(columns), "-y", Integer.toString(rows), line.toString()));
        return tmux;
    }

    public static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Types keys as tmux key names ({@code Enter}, {@code C-c}, {@code C-^}) or, with literal, as text. */
    public void sendKeys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(keys));
        run(args);
    }

    public void type(String text) {
        run(List.of("send-keys", "-t", SESSION, "-l", text));
    }

    /** The visible screen, one string with a line per row. */
    public String capture() {
        return run(List.of("capture-pane", "-p", "-t", SESSION)).stdout();
    }

    /** The visible screen with SGR escape sequences for colours and attributes ({@code capture-pane -e}). */
    public String captureWithAttributes() {
        return run(List.of("capture-pane", "-p", "-e", "-t", SESSION)).stdout();
    }

    /**
     * The scrollback and the visible screen. Use it to read what a program printed before it exited: when a
     * pane dies, tmux 3.3 scrolls its screen up a line to show "Pane is dead".
     */
    public String captureAll() {
        return run(List.of("capture-pane", "-p", "-S", "-", "-t", SESSION)).stdout();
    }

    /** Waits until the screen satisfies {@code condition}; fails with the last screen if it never does. */
    public String waitFor(Predicate<String> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = capture();
        while (!condition.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what
                        + "; the screen was:\n" + screen);
            }
            Processes.sleep(20);
            screen = capture();
        }
        return screen;
    }

    public String waitForText(String text, Duration timeout) {
        return waitFor(screen -> screen.contains(text), timeout, "'" + text + "'");
    }

    public String waitForLine(Pattern line, Duration timeout) {
        return waitFor(screen -> screen.lines().anyMatch(l -> line.matcher(l).matches()), timeout,
                "a line matching " + line);
    }

    public void resize(int columns, int rows) {
        run(List.of("resize-window", "-t", SESSION, "-x", Integer.toString(columns), "-y", Integer.toString(rows)));
    }

    /** The pid of the shell that runs the pane's program. */
    public long panePid() {
        return Long.parseLong(run(List.of("display-message", "-p", "-t", SESSION, "#{pane_pid}")).stdout().trim());
    }

    /** The exit status of the pane's program once it has exited, else -1. */
    public int exitStatus() {
        try {
            String text = Files.exists(statusFile()) ? Files.readString(statusFile()).trim() : "";
            return text.isEmpty() ? -1 : Integer.parseInt(text);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private Path statusFile() {
        return workDir.resolve("exit-status");
    }

    public int awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status;
        while ((status = exitStatus()) < 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the program did not exit within " + timeout + "; the screen was:\n"
                        + capture());
            }
            Processes.sleep(50);
        }
        return status;
    }

    private Processes.Result run(List<String> args) {
        List<String> command = new ArrayList<>(List.of(tmux, "-L", socket));
        command.addAll(args);
        return Processes.runChecked(command, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        Processes.run(List.of(tmux, "-L", socket, "kill-server"), Duration.ofSeconds(10));
        try (var files = Files.list(workDir)) {
            files.forEach(file -> file.toFile().delete());
            Files.deleteIfExists(workDir);
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
