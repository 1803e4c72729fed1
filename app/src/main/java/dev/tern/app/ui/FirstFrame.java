package dev.tern.app.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs work the window does not need for its first frame right after that frame: the first layout pulse of the
 * scene lays out and hands the frame to the renderer, and the work follows on the FX thread while it draws.
 */
final class FirstFrame {
    private FirstFrame() {
    }

    /** Runs {@code work} on the FX thread after the next layout pulse of {@code scene}. Call on the FX thread. */
    static void then(Scene scene, Runnable work) {
        Runnable[] listener = new Runnable[1];
        boolean[] ran = new boolean[1];
        listener[0] = () -> {
            if (ran[0]) {
                return;
            }
            ran[0] = true;
            // not removed while the scene walks its listeners
            Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(listener[0]);
                work.run();
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
