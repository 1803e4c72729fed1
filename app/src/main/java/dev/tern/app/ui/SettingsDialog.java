package dev.tern.app.ui;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.PredictionMode;
import dev.tern.app.profile.QuitChoice;
import dev.tern.app.profile.ThemeChoice;
import dev.tern.widget.CursorStyle;
import java.util.Collection;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * App-wide defaults: font, colour scheme, cursor, prediction, scrollback, light/dark theme. Saved settings reach the
 * open tabs at once (see {@code MainWindow.openSettings}); only the scrollback size waits for a tab's next view.
 */
public final class SettingsDialog extends Dialog<AppSettings> {
    private final ComboBox<String> font = new ComboBox<>();
    private final TextField fontSize = new TextField();
    private final ChoiceBox<String> scheme = new ChoiceBox<>();
    private final ChoiceBox<CursorStyle> cursor = new ChoiceBox<>();
    private final ChoiceBox<PredictionMode> prediction = new ChoiceBox<>();
    private final TextField scrollback = new TextField();
    private final ChoiceBox<ThemeChoice> theme = new ChoiceBox<>();
    private final ChoiceBox<QuitChoice> onQuit = new ChoiceBox<>();

    public SettingsDialog(Window owner, AppSettings current, Collection<String> fonts, Collection<String> schemes) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText(null);
        getDialogPane().getStylesheets().add(dev.tern.app.ui.Theme.STYLESHEET);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        font.setEditable(true);
        font.getItems().addAll(fonts);
        font.setValue(current.fontFamily());
        font.setMaxWidth(Double.MAX_VALUE);
        fontSize.setText(String.valueOf(current.fontSize()));
        fontSize.setId("settings-font-size");
        scheme.getItems().addAll(schemes);
        scheme.setValue(current.colorScheme());
        scheme.setId("settings-scheme");
        cursor.getItems().addAll(CursorStyle.values());
        cursor.setConverter(new CursorNames());
        cursor.setValue(current.cursor());
        cursor.setId("settings-cursor");
        prediction.getItems().addAll(PredictionMode.values());
        prediction.setValue(current.prediction());
        prediction.setId("settings-prediction");
        scrollback.setText(String.valueOf(current.scrollbackLines()));
        scrollback.setId("settings-scrollback");
        theme.getItems().addAll(ThemeChoice.values());
        theme.setValue(current.theme());
        theme.setId("settings-theme");
        onQuit.getItems().addAll(QuitChoice.values());
        onQuit.setValue(current.onQuit());
        onQuit.setId("settings-on-quit");

        FormGrid form = new FormGrid();
        form.addWide(FormGrid.heading("Terminal defaults"));
        form.add("Font", font);
        Label sizeError = form.add("Font size", fontSize);
        sizeError.setId("settings-font-size-error");
        form.add("Colour scheme", scheme);
        form.add("Cursor", cursor);
        form.add("Prediction", prediction);
        Label scrollbackError = form.add("Scrollback lines", scrollback);
        form.addWide(FormGrid.note("Changes apply to the open tabs at once, except the scrollback size, which "
                + "applies to tabs opened or reconnected later. A profile's own font or scheme wins over these."));
        form.addWide(FormGrid.heading("Appearance"));
        form.add("Theme", theme);
        form.addWide(FormGrid.heading("Sessions"));
        form.add("When quitting", onQuit);
        form.addWide(FormGrid.note("Mosh sessions that are kept go on running on their servers, and the next start "
                + "of Tern takes them up again with their screens. A crash always keeps them."));
        getDialogPane().setContent(form);
        getDialogPane().setPrefWidth(480);
        // the first field, so a keyboard user starts there rather than on the OK button (later: the dialog gives
        // its default button the focus once it is shown)
        setOnShown(event -> javafx.application.Platform.runLater(font::requestFocus));

        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("settings-ok");
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            sizeError.setText(number(fontSize.getText(), 6, 72) == null ? "A size from 6 to 72" : "");
            scrollbackError.setText(number(scrollback.getText(), 100, 1_000_000) == null
                    ? "From 100 to 1,000,000 lines" : "");
            if (!sizeError.getText().isEmpty()) {
                fontSize.requestFocus();
            } else if (!scrollbackError.getText().isEmpty()) {
                scrollback.requestFocus();
            }
            if (!sizeError.getText().isEmpty() || !scrollbackError.getText().isEmpty()) {
                event.consume();
            }
        });
        setResultConverter(button -> button == ButtonType.OK ? new AppSettings(font.getEditor().getText(),
                number(fontSize.getText(), 6, 72), scheme.getValue(), prediction.getValue(),
                number(scrollback.getText(), 100, 1_000_000), theme.getValue(), cursor.getValue(), onQuit.getValue())
                : null);
    }

    /** The cursor shapes as the box shows them. */
    private static final class CursorNames extends StringConverter<CursorStyle> {
        @Override
        public String toString(CursorStyle style) {
            return style == null ? "" : switch (style) {
                case BLOCK -> "Block";
                case UNDERLINE -> "Underline";
                case BAR -> "Bar";
            };
        }

        @Override
        public CursorStyle fromString(String text) {
            return null;
        }
    }

    private static Integer number(String text, int min, int max) {
        String t = text == null ? "" : text.strip().replace(",", "");
        if (t.isEmpty() || t.length() > 8 || !t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int value = Integer.parseInt(t);
        return value < min || value > max ? null : value;
    }
}
