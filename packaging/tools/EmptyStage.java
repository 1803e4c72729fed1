import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The floor of packaging/measure-startup.sh: the least a JavaFX app can do, an empty window of Tern's default size,
 * started with the app-image's own runtime. It prints first-frame-ms as Tern's start-up probe does (milliseconds
 * from the process start to the first layout pulse after the window was shown) and quits.
 */
public final class EmptyStage extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Pane(), 1100, 700);
        stage.setTitle("EmptyStage");
        stage.setScene(scene);
        stage.show();
        boolean[] seen = new boolean[1];
        scene.addPostLayoutPulseListener(() -> {
            if (seen[0]) {
                return;
            }
            seen[0] = true;
            Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            System.out.println("first-frame-ms=" + Duration.between(start, Instant.now()).toMillis());
            System.out.flush();
            Platform.runLater(Platform::exit);
        });
    }

    public static void main(String[] args) {
        launch(args);
    }
}
