package dev.tern.app.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.utils.Signals;

/** The process's signals: job control for the escape key's Ctrl-Z, and the signals that end a session. */
final class ProcessSignals {
    /**
     * The signals on which mosh-client ends its session: the terminal hung up, someone asked the process to end, or
     * an interrupt arrived from outside (in raw mode Ctrl-C is a byte for the remote side, not a signal).
     */
    static final List<String> ENDING = List.of("HUP", "TERM", "INT");

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

    /**
     * Runs {@code action} when one of the {@link #ENDING} signals arrives, instead of the JVM's own reaction (an
     * exit through the shutdown hooks, which would cut the server's goodbye short and leave the terminal in the
     * session's modes). The action runs on a thread of its own; the caller decides when the process exits.
     *
     * @return undoes the registration (the JVM's reaction is back)
     */
    static Runnable onEndingSignal(Runnable action) {
        Map<String, Object> previous = new LinkedHashMap<>();
        for (String signal : ENDING) {
            // JLine's helper reaches the JDK's signal API reflectively; it returns null where there is none
            Object before = Signals.register(signal, action);
            if (before != null) {
                previous.put(signal, before);
            }
        }
        return () -> previous.forEach(Signals::unregister);
    }
}
