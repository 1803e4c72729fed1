package dev.tern.app.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a startup command line as mosh-server would, with {@code /bin/echo} standing in for the login shell, and
 * returns what it printed. The output goes to a file, not a pipe: a command ending in {@code &} prints from a
 * background job that may write after the process has ended, and the JDK stops reading a child's pipe then.
 */
public final class StartupRun {
    private StartupRun() {
    }

    /** The lines printed, once there are {@code expectedLines} of them (or after 10 s, with what there is). */
    public static List<String> linesOf(List<String> command, int expectedLines)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("tern-startup-", ".txt");
        try {
            ProcessBuilder run = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            run.environment().put("SHELL", "/bin/echo");
            Process process = run.start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the startup command line did not end: " + command);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            while (lines.size() < expectedLines && System.nanoTime() < deadline) {
                Thread.sleep(20);  // polling for the background job's line
                lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            }
            return lines;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
