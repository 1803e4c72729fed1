package dev.tern.app.ui.dialogs;

import dev.tern.app.ui.Icons;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** Asks for a password or a key passphrase; optionally offers to remember it in the keychain. */
public final class SecretDialog extends Dialog<SecretDialog.Answer> {
    public static final ButtonType LOG_IN = new ButtonType("Log in", ButtonBar.ButtonData.OK_DONE);

    /** What the user typed, and whether to remember it. */
    public record Answer(String secret, boolean remember) {
    }

    private final PasswordField field = new PasswordField();
    private final CheckBox remember = new CheckBox("Remember in the system keychain");

    /**
     * @param rememberNote null: no "remember" box at all; empty: the box; text: the box disabled, with this note
     */
    public SecretDialog(Window owner, String title, String message, String fieldLabel, String rememberNote) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(title);
        setHeaderText(message);
        setGraphic(Icons.of(Feather.LOCK));
        getDialogPane().getStyleClass().add("secret-dialog");
        getDialogPane().getStylesheets().add(dev.tern.app.ui.Theme.STYLESHEET);
        getDialogPane().getButtonTypes().addAll(LOG_IN, ButtonType.CANCEL);
        field.setId("secret-field");
        remember.setId("secret-remember");
        VBox content = new VBox(8, new Label(fieldLabel), field);
        if (rememberNote != null) {
            content.getChildren().add(remember);
            if (!rememberNote.isEmpty()) {
                remember.setDisable(true);
                Label note = new Label(rememberNote);
                note.setWrapText(true);
                note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                note.getStyleClass().add("form-note");
                content.getChildren().add(note);
            }
        }
        content.setPadding(new Insets(10, 16, 6, 16));
        content.setPrefWidth(420);
        getDialogPane().setContent(content);
        setResultConverter(button -> button == LOG_IN ? new Answer(field.getText(), remember.isSelected()) : null);
        setOnShown(event -> Platform.runLater(field::requestFocus));
    }
}
