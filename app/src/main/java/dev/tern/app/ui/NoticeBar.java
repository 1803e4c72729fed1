package dev.tern.app.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;

/** A dismissable strip under the toolbar for messages the user must see (a profiles file kept aside, ...). */
public final class NoticeBar extends HBox {
    private final Label text = new Label();
    private final HBox iconHolder = new HBox();

    public NoticeBar() {
        setId("notice-bar");
        getStyleClass().add("notice-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        text.setId("notice-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button(null, Icons.of(Feather.X));
        dismiss.setId("notice-dismiss");
        dismiss.getStyleClass().addAll("flat", "notice-dismiss");
        dismiss.setOnAction(event -> hide());
        getChildren().addAll(iconHolder, text, dismiss);
        hide();
    }

    public void info(String message) {
        show(message, false);
    }

    public void warn(List<String> messages) {
        show(String.join("\n", messages), true);
    }

    public void warn(String message) {
        show(message, true);
    }

    public String message() {
        return isVisible() ? text.getText() : "";
    }

    private void show(String message, boolean warning) {
        text.setText(message);
        getStyleClass().removeAll("warning", "info");
        getStyleClass().add(warning ? "warning" : "info");
        iconHolder.getChildren().setAll(Icons.of(warning ? Feather.ALERT_TRIANGLE : Feather.INFO));
        setVisible(true);
        setManaged(true);
    }

    public void hide() {
        setVisible(false);
        setManaged(false);
    }
}
