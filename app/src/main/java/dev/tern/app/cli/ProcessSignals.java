package dev.tern.app.cli;

import java.io.IOException;

/** Job control for the escape key's Ctrl-Z: the JVM has no API to stop itself, so ask the platform's kill. */
final class ProcessSignals {
    private ProcessSignals() {
    }

    /** Stops this process (like Ctrl-Z in a shell) until the shell continues it; a no-op where unsupported. */
    static void stopSelf() {
        if (System.getProperty("os.name").startsWith("Windows")) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-TSTP", Long.toString(ProcessHandle.current().pid())).inheritIO().start()
                    .waitFor();
        } catch (IOException e) {
            // no kill(1): suspending is not available here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
