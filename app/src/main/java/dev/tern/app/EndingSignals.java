package dev.tern.app;

import dev.tern.widget.TerminalView;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * A signal that ends the process while the window is open (SIGTERM from a logout or {@code kill}, SIGHUP when the
 * terminal that started Tern closes, SIGINT) ends the sessions as a quit does: the window is closed the way its
 * close button does after "Quit" (the open tabs are saved to reopen, every session is closed), and the process
 * waits for the goodbyes before it goes. Without this the JVM would exit at once and leave its mosh-servers
 * running, each waiting for a client that never comes.
 */
final class EndingSignals {
    /** Set once the desktop app ended by itself: a normal quit has already closed everything. */
    private static volatile boolean appEnded;

    private EndingSignals() {
    }

    /** @param ending told first, on the signal's thread: the tabs about to end must not be saved as closed */
    static void install(Stage stage, Duration grace, Runnable ending) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!appEnded) {
                ending.run();
            }
            endSessions(stage, grace);
        }, "tern-ending-signal"));
    }

    static void appEnded() {
        appEnded = true;
    }

    private static void endSessions(Stage stage, Duration grace) {
        if (appEnded) {
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.runLater(() -> {
                try {
                    if (stage.isShowing()) {
                        stage.hide();
                    }
                } finally {
                    closed.countDown();
                }
            });
            closed.await(500, TimeUnit.MILLISECONDS);
        } catch (IllegalStateException toolkitGone) {
            // JavaFX's own shutdown hook ended the toolkit first: the sessions are closed below without it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // JavaFX ends its toolkit in a shutdown hook of its own, which races this one: whatever the window did not
        // close in time is closed here, off the FX thread
        TerminalView.closeAllConnections();
        TerminalView.awaitClosing(grace);
    }
}
