package dev.tern.app;

import javafx.application.Application;

/**
 * Entry point of the {@code tern} launcher. With no arguments it opens the desktop app; with arguments it is
 * the terminal client. The class deliberately does not extend {@link Application}, so the JavaFX runtime is
 * only touched when the desktop app is wanted.
 */
public final class Main {
    private Main() {
    }

    /** How long a quit waits for sessions to say goodbye (Mosh: the server's shutdown acknowledgement). */
    static final java.time.Duration QUIT_GRACE = java.time.Duration.ofMillis(2500);

    public static void main(String[] args) {
        if (args.length == 0) {
            StartupWarmup.start();
            launchDesktopApp();
            EndingSignals.appEnded();
            // The window is gone. Let the closing sessions finish their goodbyes, then end the process: threads of
            // libraries (JediTermFX's executors, pty readers) must not keep a quit app alive.
            java.util.List<String> unfinished = dev.tern.widget.TerminalView.awaitClosing(QUIT_GRACE);
            if (!unfinished.isEmpty()) {
                System.err.println("tern: quit without waiting longer for " + unfinished);
            }
            System.exit(0);
        }
        System.exit(dev.tern.app.cli.TernCli.run(args));
    }

    private static void launchDesktopApp() {
        try {
            Application.launch(TernApp.class);
        } catch (UnsupportedOperationException | UnsatisfiedLinkError e) {
            // JavaFX could not open a window: say what is missing instead of a stack trace
            System.err.println("tern: cannot open the desktop window: " + e.getMessage());
            if (String.valueOf(e.getMessage()).contains("GTK")) {
                System.err.println("  Tern needs GTK 3 on Linux (Debian/Ubuntu: apt-get install libgtk-3-0).");
            } else if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                System.err.println("  No display found: run Tern inside a desktop session (DISPLAY is not set).");
            }
            System.err.println("  To connect from this terminal instead, run: tern [user@]host");
            System.exit(1);
        }
    }
}
