package dev.tern.app.ui.dialogs;

import dev.tern.app.session.LoginPrompts.Question;
import dev.tern.app.ui.Icons;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** Keyboard-interactive login (one-time codes, PAM): the server's questions, secret ones hidden. */
public final class KeyboardInteractiveDialog extends Dialog<List<String>> {

    public KeyboardInteractiveDialog(Window owner, String userAtHost, String name, String instruction,
                                     List<Question> questions) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(name == null || name.isBlank() ? "Login to " + userAtHost : name);
        setHeaderText("The server " + userAtHost + " asks:");
        setGraphic(Icons.of(Feather.KEY));
        getDialogPane().getStylesheets().add(dev.tern.app.ui.Theme.STYLESHEET);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        VBox content = new VBox(8);
        if (instruction != null && !instruction.isBlank()) {
            Label text = new Label(instruction.strip());
            text.setWrapText(true);
            text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            content.getChildren().add(text);
        }
        List<TextInputControl> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            TextInputControl field = question.echo() ? new TextField() : new PasswordField();
            field.setId("kbd-answer-" + i);
            answers.add(field);
            content.getChildren().addAll(new Label(question.text().strip()), field);
        }
        content.setPadding(new Insets(10, 16, 6, 16));
        content.setPrefWidth(440);
        getDialogPane().setContent(content);
        setResultConverter(button -> button == ButtonType.OK
                ? answers.stream().map(TextInputControl::getText).toList() : null);
        if (!answers.isEmpty()) {
            setOnShown(event -> Platform.runLater(answers.getFirst()::requestFocus));
        }
    }
}
