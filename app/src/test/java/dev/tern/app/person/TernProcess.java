package dev.tern.app.person;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tern as a person starts it: the {@code ./tern} launcher of the checkout (or, with {@code -Dtern.person.launcher},
 * another launcher such as the app-image's {@code bin/Tern}), in a real window on an {@link XDisplay}, with its
 * own settings folder and home folder. Its output goes to a log file that tests read for exceptions.
 */
final class TernProcess implements AutoCloseable {
    static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(60);

    private final XDisplay x;
    private final Process process;
    private final Path log;
    private final Path configDir;
    private long window;

    private TernProcess(XDisplay x, Process process, Path log, Path configDir) {
        this.x = x;
        this.process = process;
        this.log = log;
        this.configDir = configDir;
    }

    Path configDir() {
        return configDir;
    }

    /** The launcher this run tests: ./tern of the checkout unless -Dtern.person.launcher names another. */
    static Path launcher() {
        String chosen = System.getProperty("tern.person.launcher", "");
        if (!chosen.isBlank()) {
            return Path.of(chosen);
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("tern")) && Files.isDirectory(dir.resolve("app"))) {
                return dir.resolve("tern");
            }
        }
        throw new IllegalStateException("no ./tern launcher above " + here);
    }

    /**
     * Starts Tern and waits for its main window.
     *
     * @param configDir its settings folder (profiles.json, window state)
     * @param home      the home folder its JVM and its local shells see (~/.ssh inside)
     */
    static TernProcess start(XDisplay x, Path configDir, Path home, Path log) throws IOException {
        return start(x, configDir, home, log, "");
    }

    /** @param javaOptions more options for the app's JVM (system properties of a probe, say) */
    static TernProcess start(XDisplay x, Path configDir, Path home, Path log, String javaOptions) throws IOException {
        Files.createDirectories(configDir);
        Files.createDirectories(home);
        try {
            return startOnce(x, configDir, home, log, javaOptions);
        } catch (RuntimeException | AssertionError e) {
            if (x.running()) {
                throw e;
            }
            // Xvfb itself went away while Tern started (seen twice in ResumeIT, right after a kill -9 of the app):
            // that is the test bed's display failing, not Tern; once more on a new display
            System.out.println("TernProcess: the display exited while Tern started (" + e.getMessage()
                    + "); starting Tern once more on a new display");
            return startOnce(x, configDir, home, log, javaOptions);
        }
    }

    private static TernProcess startOnce(XDisplay x, Path configDir, Path home, Path log, String javaOptions)
            throws IOException {
        try {
            x.ensureRunning();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a display", e);
        }
        ProcessBuilder builder = new ProcessBuilder(launcher().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(x.environment());
        builder.environment().put("TERN_SKIP_BUILD", "1");
        builder.environment().put("TERN_CONFIG_DIR", configDir.toString());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TERN_JAVA_OPTS", ("-Duser.home=" + home + " " + javaOptions).strip());
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        builder.environment().remove("SSH_AUTH_SOCK");
        TernProcess tern = new TernProcess(x, builder.start(), log, configDir);
        try {
            tern.window = x.waitForWindow("^Tern$", WINDOW_TIMEOUT);
        } catch (RuntimeException | AssertionError e) {
            try {
                tern.kill9();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
        return tern;
    }

    long window() {
        return window;
    }

    Path logFile() {
        return log;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** Exceptions in the app's log: a person never sees them, but each is a defect. */
    List<String> loggedExceptions() {
        return log().lines().filter(l -> l.matches(".*\\b[\\w.$]+(Exception|Error)\\b.*")
                && !l.contains("WARNING") && !l.startsWith("Picked up JAVA_TOOL_OPTIONS")).toList();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A point inside the terminal area of the selected tab (right of the sidebar, below the tab strip). */
    int[] terminalPoint() {
        int[] g = x.geometry(window);
        return new int[]{g[2] * 2 / 3, g[3] / 2};
    }

    /**
     * The selected tab's terminal as the screen shows it now: right of a sidebar of the default width, below the
     * toolbar and the tab strip, above the status bar.
     */
    java.awt.image.BufferedImage terminalArea() throws IOException {
        Path shot = Files.createTempFile("tern-terminal-", ".png");
        try {
            x.screenshot(shot);
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
            int[] g = x.geometry(window);
            int left = Math.max(0, g[0] + g[2] / 4 + 12), top = Math.max(0, g[1] + 90);
            int right = Math.min(image.getWidth(), g[0] + g[2] - 12);
            int bottom = Math.min(image.getHeight(), g[1] + g[3] - 30);
            return image.getSubimage(left, top, right - left, bottom - top);
        } finally {
            Files.deleteIfExists(shot);
        }
    }

    /** Gives the terminal keyboard focus the way a person does: the window, then a click into the terminal. */
    void focusTerminal() {
        x.focus(window);
        int[] p = terminalPoint();
        x.clickIn(window, p[0], p[1], 1);
    }

    /**
     * Waits until the selected tab's terminal shows something (text or a banner over it), as a person waits for a
     * window to be drawn before typing: keys pressed into a window that is not drawn yet reach nothing.
     */
    void awaitTerminalDrawn(Duration timeout) {
        XDisplay.waitFor("the terminal to be drawn", timeout, () -> {
            try {
                Path shot = Files.createTempFile("tern-drawn-", ".png");
                try {
                    x.screenshot(shot);
                    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
                    int[] g = x.geometry(window);
                    int[] p = terminalPoint();
                    // the terminal's upper half, right of the sidebar: the prompt and the restored rows are there
                    int left = g[0] + p[0] - g[2] / 4, top = g[1] + g[3] / 8, bottom = g[1] + g[3] / 2;
                    java.util.Map<Integer, Integer> colours = new java.util.HashMap<>();
                    for (int y = Math.max(0, top); y < Math.min(image.getHeight(), bottom); y += 2) {
                        for (int xx = Math.max(0, left); xx < Math.min(image.getWidth(), g[0] + g[2] - 20); xx += 2) {
                            colours.merge(image.getRGB(xx, y) & 0xFFFFFF, 1, Integer::sum);
                        }
                    }
                    int total = colours.values().stream().mapToInt(Integer::intValue).sum();
                    int most = colours.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                    return total - most > 40 ? Optional.of(true) : Optional.empty();
                } finally {
                    Files.deleteIfExists(shot);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Focuses the main window without clicking into it. */
    void focusWindow() {
        x.focus(window);
    }

    /** Waits for the process to end by itself; true when it did within the time. */
    /** How many shells the app runs now: its local tabs' processes (the app starts no other shell). */
    long shells() {
        return process.toHandle().descendants()
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().endsWith("sh"))
                        .orElse(false))
                .count();
    }

    boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a signal to the app's process, as a logout ({@code TERM}) or a closed terminal ({@code HUP}) does. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Ends the process as a crash or {@code kill -9} does: no shutdown code runs. */
    void kill9() throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(200);  // an X server that a killed client takes down exits in this moment, seen by the next start
    }

    /**
     * Leaves as a person logging out does (SIGTERM: the app ends its sessions as a quit does, so no mosh-server of
     * the test stays behind on the machine); a kill -9 only if the app does not exit within 5 s. Then waits for the
     * app's children too: a local tab's shell writes its history into the test's home as it exits, which would
     * race the deletion of the test's folder.
     */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        x.screenshot(Screens.file("last-" + log.getParent().getFileName()));
        try {
            signal("TERM");
        } catch (IOException | IllegalStateException gone) {
            // it ended meanwhile
        }
        if (!waitForExit(Duration.ofSeconds(5))) {
            kill9();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (ProcessHandle child : children) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !child.isAlive()) {
                continue;
            }
            try {
                child.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException slow) {
                child.destroyForcibly();
            }
        }
    }
}
