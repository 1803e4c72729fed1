package dev.tern.app.ui;

import dev.tern.app.profile.QuitChoice;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** {@link Confirmations} as an alert whose safe choice (Cancel) is the default button. */
public final class AlertConfirmations implements Confirmations {
    private final Supplier<Window> owner;

    public AlertConfirmations(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.getDialogPane().getStylesheets().add(Theme.STYLESHEET);
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    /**
     * Keep, End or Cancel, with "Remember my choice". Keep is the default button: it loses nothing, and the
     * sessions can still be ended from the next start.
     */
    @Override
    public Optional<QuitAnswer> askQuit(String title, String message) {
        ButtonType keep = new ButtonType("_Keep sessions for next time", ButtonBar.ButtonData.YES);
        ButtonType end = new ButtonType("_End all sessions", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, keep, end, ButtonType.CANCEL);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(null);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(460);
        CheckBox remember = new CheckBox("_Remember my choice (change it in Settings)");
        remember.setId("quit-remember");
        alert.getDialogPane().setContent(new VBox(12, text, remember));
        alert.getDialogPane().setPrefWidth(640);  // the three answers side by side, none cut short
        alert.getDialogPane().getStylesheets().add(Theme.STYLESHEET);
        ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().filter(answer -> answer == keep || answer == end)
                .map(answer -> new QuitAnswer(answer == keep ? QuitChoice.KEEP : QuitChoice.END,
                        remember.isSelected()));
    }
}
