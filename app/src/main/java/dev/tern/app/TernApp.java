package dev.tern.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop application: main window with the profile sidebar and tabs. */
public final class TernApp extends Application {
    static final String TITLE = "Tern";

    @Override
    public void start(Stage stage) {
        StackPane root = new StackPane(new Label("Tern"));
        stage.setTitle(TITLE);
        stage.setScene(new Scene(root, 1000, 640));
        stage.show();
    }
}
