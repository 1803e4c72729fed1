package dev.tern.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small helpers for running commands and for killing processes that are not our children. */
final class Processes {
    private Processes() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command to completion (stdin closed) and returns its output; fails with the output on a timeout. */
    static Result run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .start();
            StreamCollector out = new StreamCollector(process.getInputStream());
            StreamCollector err = new StreamCollector(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + command);
            }
            return new Result(process.exitValue(), out.text(), err.text());
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    static Result runChecked(List<String> command, Duration timeout) {
        Result result = run(command, timeout);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("command failed (exit " + result.exitCode() + "): " + command
                    + "\nstdout: " + result.stdout() + "\nstderr: " + result.stderr());
        }
        return result;
    }

    static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * Whether a process is still running. A zombie counts as gone: the detached mosh-server is reparented to
     * PID 1, which on these machines reaps orphans only after a while.
     */
    static boolean isRunning(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.exists(Path.of("/proc/self/stat"))) {
            try {
                String text = Files.readString(stat);
                int afterName = text.lastIndexOf(')');
                char state = afterName >= 0 && afterName + 2 < text.length() ? text.charAt(afterName + 2) : '?';
                return state != 'Z' && state != 'X';
            } catch (IOException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Sends SIGTERM, waits up to {@code grace}, then SIGKILL; returns whether the process is gone. */
    static boolean terminate(long pid, Duration grace) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        if (waitUntilGone(pid, grace)) {
            return true;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        return waitUntilGone(pid, Duration.ofSeconds(5));
    }

    static boolean waitUntilGone(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(20);
        }
        return true;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drains a stream on a virtual thread so a chatty child never blocks on a full pipe. */
    static final class StreamCollector {
        private final Thread thread;
        private final StringBuilder text = new StringBuilder();

        StreamCollector(InputStream in) {
            thread = Thread.ofVirtual().start(() -> {
                try (in) {
                    byte[] buf = new byte[4096];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (text) {
                            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException ignored) {
                    // the process went away; what was read is kept
                }
            });
        }

        String text() {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (text) {
                return text.toString();
            }
        }

        String textSoFar() {
            synchronized (text) {
                return text.toString();
            }
        }
    }
}
