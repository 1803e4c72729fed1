package dev.tern.app;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Start-up probe for the packaging measurements ({@code packaging/measure-startup.sh}) and the AOT training run
 * ({@code packaging/build.sh}). Off unless the system property {@code tern.startupProbe} is set:
 * {@code print} prints {@code first-frame-ms=N} (milliseconds from the process start to the first layout pulse of
 * the shown main window); {@code exit} prints it and then quits the app normally.
 */
final class StartupProbe {
    static final String PROPERTY = "tern.startupProbe";

    private StartupProbe() {
    }

    static void watch(Stage stage) {
        String mode = System.getProperty(PROPERTY);
        Scene scene = stage.getScene();
        if (mode == null || scene == null) {
            return;
        }
        Runnable[] listener = new Runnable[1];
        boolean[] seen = new boolean[1];
        listener[0] = () -> {
            if (seen[0]) {
                return;
            }
            seen[0] = true;
            Platform.runLater(() -> scene.removePostLayoutPulseListener(listener[0]));
            Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            System.out.println("first-frame-ms=" + Duration.between(start, Instant.now()).toMillis());
            System.out.flush();
            if (mode.equals("exit")) {
                Platform.runLater(Platform::exit);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
