package dev.tern.app.person;

import dev.tern.testbed.Prerequisites;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A private X server (Xvfb) and the hands of a person in front of it: keys, text, clicks and the clipboard through
 * {@code xdotool} and {@code xclip}, which the X server delivers exactly as a physical keyboard's and mouse's
 * events, and screenshots with ImageMagick's {@code import}. Every test class gets its own display, so a held
 * modifier or a clipboard never leaks from one to the next.
 *
 * <p>No window manager runs: with openbox, dialogs of JavaFX 25 came up at the height of their button bar with
 * their content not drawn. Without one, a new window does not always get JavaFX's keyboard focus, so tests click
 * into a dialog's field or button, and into the terminal, before typing, as a person would. Coordinates are
 * relative to a window's content.
 */
final class XDisplay implements AutoCloseable {
    /** Between two keys: faster can drop keys on a loaded 2-core machine. */
    static final int KEY_DELAY_MS = 40;

    private volatile Process xvfb;
    private volatile String display;

    private XDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    /**
     * Before an app starts on this display: if the X server itself went away (Xvfb has been seen to exit when an
     * app that draws through GLX is killed with -9 in the middle of a flood), a new one takes its place, so that
     * the next start of the app is tested rather than the X server; it is said on the test's output.
     */
    /** Whether the X server still runs. */
    synchronized boolean running() {
        return xvfb.isAlive();
    }

    synchronized void ensureRunning() throws IOException, InterruptedException {
        if (xvfb.isAlive()) {
            return;
        }
        String old = display;
        int code = xvfb.exitValue();
        XDisplay fresh = start();
        xvfb = fresh.xvfb;
        display = fresh.display;
        System.out.println("XDisplay: Xvfb " + old + " exited with status " + code + "; continuing on " + display);
    }

    static XDisplay start() throws IOException, InterruptedException {
        Path xvfbBinary = Prerequisites.require("Xvfb", "xvfb");
        Prerequisites.require("xdotool", "xdotool");
        Prerequisites.require("xclip", "xclip");
        Prerequisites.require("import", "imagemagick");
        Process process = new ProcessBuilder(xvfbBinary.toString(), "-displayfd", "1", "-screen", "0", "1280x800x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String number = readLine(process.getInputStream(), Duration.ofSeconds(20));
        if (number == null || number.isBlank()) {
            process.destroyForcibly();
            throw new IllegalStateException("Xvfb did not report its display number");
        }
        return new XDisplay(process, ":" + number.trim());
    }

    private static String readLine(InputStream in, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        StringBuilder line = new StringBuilder();
        while (System.nanoTime() < deadline) {
            while (in.available() > 0) {
                int c = in.read();
                if (c == '\n') {
                    return line.toString();
                }
                line.append((char) c);
            }
            Thread.sleep(20);
        }
        return null;
    }

    /** The environment a program on this display needs. */
    Map<String, String> environment() {
        return Map.of("DISPLAY", display);
    }

    // ---- keyboard and mouse ----

    /** Presses each key (xdotool names: "a", "shift", "ctrl+shift+t", "F5", "KP_1") into the focused window. */
    void key(String... keys) {
        List<String> command = new ArrayList<>(List.of("xdotool", "key", "--delay", String.valueOf(KEY_DELAY_MS)));
        command.addAll(List.of(keys));
        run(command);
    }

    /** Types text key by key, as a person would. */
    void type(String text) {
        run(List.of("xdotool", "type", "--delay", String.valueOf(KEY_DELAY_MS), "--", text));
    }

    /** Clicks at a point of the screen (there is no window manager, so window and screen agree on it). */
    void clickAt(int x, int y, int button) {
        run(List.of("xdotool", "mousemove", "--sync", String.valueOf(x), String.valueOf(y), "click",
                String.valueOf(button)));
    }

    /** Where a word shows on the screen now, waiting for it to appear (read with OCR). */
    int[] textPosition(String word, Duration timeout) {
        return waitFor("\"" + word + "\" on the screen", timeout, () -> {
            try {
                Path shot = Files.createTempFile("tern-screen-", ".png");
                screenshot(shot);
                Optional<int[]> at = Ocr.find(shot, word);
                Files.deleteIfExists(shot);
                return at;
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        });
    }

    /** Clicks the button or label that shows this word, as a person finds it on the screen. */
    void clickText(String word, Duration timeout) {
        int[] at = textPosition(word, timeout);
        clickAt(at[0], at[1], 1);
    }

    /** Clicks at a point given relative to a window's top-left corner (as a person aims at a button). */
    void clickIn(long window, int x, int y, int button) {
        run(List.of("xdotool", "mousemove", "--sync", "--window", String.valueOf(window), String.valueOf(x),
                String.valueOf(y), "click", String.valueOf(button)));
    }

    void doubleClickIn(long window, int x, int y) {
        run(List.of("xdotool", "mousemove", "--sync", "--window", String.valueOf(window), String.valueOf(x),
                String.valueOf(y), "click", "--repeat", "2", "--delay", "80", "1"));
    }

    /** Presses the left button at one point of a window, drags to another and lets go (a text selection). */
    void dragIn(long window, int fromX, int fromY, int toX, int toY) {
        String w = String.valueOf(window);
        run(List.of("xdotool", "mousemove", "--sync", "--window", w, String.valueOf(fromX), String.valueOf(fromY),
                "mousedown", "1", "sleep", "0.1",
                "mousemove", "--sync", "--window", w, String.valueOf((fromX + toX) / 2), String.valueOf(toY),
                "sleep", "0.1", "mousemove", "--sync", "--window", w, String.valueOf(toX), String.valueOf(toY),
                "sleep", "0.1", "mouseup", "1"));
    }

    /** Turns the mouse wheel over a point of a window: positive notches scroll up (towards the history). */
    void wheelIn(long window, int x, int y, int notchesUp) {
        int button = notchesUp > 0 ? 4 : 5;
        run(List.of("xdotool", "mousemove", "--sync", "--window", String.valueOf(window), String.valueOf(x),
                String.valueOf(y), "click", "--repeat",
                String.valueOf(Math.abs(notchesUp)), "--delay", "60", String.valueOf(button)));
    }

    // ---- windows ----

    /** Waits for a visible window whose title matches the regular expression, and returns its id. */
    long waitForWindow(String titleRegex, Duration timeout) {
        return waitFor("a window titled " + titleRegex, timeout, () -> findWindow(titleRegex));
    }

    Optional<Long> findWindow(String titleRegex) {
        Result r = runQuietly(List.of("xdotool", "search", "--onlyvisible", "--name", titleRegex));
        return r.out().lines().filter(l -> !l.isBlank()).map(String::trim).map(Long::parseLong).findFirst();
    }

    /**
     * Gives a window the X keyboard focus (there is no window manager to activate it). The focus passes through
     * the root window first: when a dialog closes, X reverts the focus to its owner without a focus-in event, and
     * JavaFX then treats the owner as inactive until it gets one.
     */
    void focus(long window) {
        String root = run(List.of("xwininfo", "-root")).lines().filter(l -> l.contains("Window id:"))
                .map(l -> l.trim().split("\\s+")[3]).findFirst().orElseThrow();
        run(List.of("xdotool", "windowfocus", "--sync", String.valueOf(Long.decode(root))));
        run(List.of("xdotool", "windowfocus", "--sync", String.valueOf(window)));
    }

    /** x, y, width, height of a window's content. */
    int[] geometry(long window) {
        String out = run(List.of("xdotool", "getwindowgeometry", "--shell", String.valueOf(window)));
        int[] g = new int[4];
        for (String line : out.lines().toList()) {
            String[] kv = line.split("=", 2);
            switch (kv[0]) {
                case "X" -> g[0] = Integer.parseInt(kv[1].trim());
                case "Y" -> g[1] = Integer.parseInt(kv[1].trim());
                case "WIDTH" -> g[2] = Integer.parseInt(kv[1].trim());
                case "HEIGHT" -> g[3] = Integer.parseInt(kv[1].trim());
                default -> { }
            }
        }
        return g;
    }

    void resize(long window, int width, int height) {
        run(List.of("xdotool", "windowsize", "--sync", String.valueOf(window), String.valueOf(width),
                String.valueOf(height)));
    }

    /** Asks the window to close as a window manager's close button does (the app may ask before it closes). */
    void requestClose(long window) throws IOException {
        Path script = Scripts.extract("close_window.py");
        run(List.of("python3", script.toString(), String.valueOf(window)));
    }

    // ---- clipboard and screen ----

    /** Puts text on the CLIPBOARD selection (what Ctrl+Shift+V pastes) or the PRIMARY one (middle click). */
    void setClipboard(String selection, String text) throws IOException, InterruptedException {
        ProcessBuilder p = new ProcessBuilder("xclip", "-selection", selection, "-i").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        p.environment().putAll(environment());
        Process started = p.start();
        try (var in = started.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        // xclip stays in the background to serve the selection (it exits when another owner takes it); it owns
        // the selection only once it has read all of its input
        waitFor("xclip to own the " + selection + " selection", Duration.ofSeconds(10),
                () -> clipboard(selection).equals(text) ? Optional.of(true) : Optional.empty());
    }

    String clipboard(String selection) {
        return runQuietly(List.of("xclip", "-selection", selection, "-o")).out();
    }

    /** A screenshot of the whole display. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        run(List.of("import", "-window", "root", file.toString()));
    }

    // ---- helpers ----

    static <T> T waitFor(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    record Result(int exit, String out) {
    }

    String run(List<String> command) {
        Result r = runQuietly(command);
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exit() + "): " + r.out());
        }
        return r.out();
    }

    Result runQuietly(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment());
            Process p = builder.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    @Override
    public void close() {
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
