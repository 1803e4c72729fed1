package dev.tern.widget;

import com.techsenger.jeditermfx.ui.SearchComponent;
import com.techsenger.jeditermfx.ui.SearchComponentListener;
import com.techsenger.jeditermfx.ui.SubstringFinder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The scrollback search bar that JediTermFX shows for its Find action, in place of its default one. That one styled
 * itself inline with {@code -fx-background}, a colour only JavaFX's own Modena theme defines: under the app's
 * AtlantaFX theme the lookup failed (a ClassCastException in the log), the bar had no background, its labels were
 * dark text straight on the dark terminal, and the match count was squeezed under the arrow buttons. This bar takes
 * its colours from the terminal's scheme, as code rather than CSS, so it reads over the terminal under any app
 * theme, light or dark; its labels never shrink below their text.
 */
final class SearchBar implements SearchComponent {
    private final HBox pane = new HBox(6);
    private final TextField text = new TextField();
    private final CheckBox ignoreCase = new CheckBox("Ignore case");
    private final Label count = new Label();
    private final List<SearchComponentListener> listeners = new CopyOnWriteArrayList<>();

    SearchBar(ColorScheme scheme) {
        Color foreground = rgb(scheme.foreground());
        Color background = rgb(scheme.background());
        pane.getStyleClass().add("tern-search-bar");
        // a shade off the terminal's own background, framed, so the bar stands out from the text under it
        pane.setBackground(new Background(new BackgroundFill(background.interpolate(foreground, 0.08),
                new CornerRadii(0, 0, 4, 4, false), Insets.EMPTY)));
        pane.setBorder(new Border(new BorderStroke(background.interpolate(foreground, 0.35),
                BorderStrokeStyle.SOLID, new CornerRadii(0, 0, 4, 4, false), new BorderWidths(0, 1, 1, 1))));
        pane.setPadding(new Insets(4, 8, 4, 8));
        pane.setAlignment(Pos.CENTER_LEFT);
        // as wide as its content: the stack pane JediTermFX puts it in would otherwise stretch it over the terminal
        pane.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

        text.setId("search-text");
        text.setPromptText("Search the history");
        text.setPrefColumnCount(18);
        ignoreCase.setId("search-ignore-case");
        ignoreCase.setSelected(true);
        ignoreCase.setTextFill(foreground);
        count.setId("search-count");
        count.setTextFill(foreground);
        Button previous = button("search-previous", "\u25B2", "Previous match (Up)",
                listener -> listener.selectPrevFindResult());
        Button next = button("search-next", "\u25BC", "Next match (Enter, Down)",
                listener -> listener.selectNextFindResult());
        for (Region fixed : List.of(ignoreCase, count, previous, next)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        pane.getChildren().addAll(text, ignoreCase, count, previous, next);

        Runnable changed = () -> fire(listener -> listener.searchSettingsChanged(text.getText(),
                ignoreCase.isSelected()));
        text.textProperty().addListener((obs, old, value) -> changed.run());
        ignoreCase.selectedProperty().addListener((obs, old, value) -> changed.run());
        // JediTermFX focuses the bar when it opens; typing belongs in the text field
        pane.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                text.requestFocus();
            }
        });
    }

    private Button button(String id, String arrow, String tip, Consumer<SearchComponentListener> action) {
        Button button = new Button(arrow);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(event -> fire(action));
        return button;
    }

    private void fire(Consumer<SearchComponentListener> event) {
        listeners.forEach(event);
    }

    private static Color rgb(int value) {
        return Color.rgb((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF);
    }

    @Override
    public Pane getPane() {
        return pane;
    }

    @Override
    public void addListener(SearchComponentListener listener) {
        listeners.add(listener);
    }

    @Override
    public void addKeyPressedListener(EventHandler<KeyEvent> listener) {
        text.setOnKeyPressed(listener);
    }

    @Override
    public void onResultUpdated(SubstringFinder.FindResult results) {
        if (text.getText().isEmpty()) {
            count.setText("");
        } else if (results == null) {
            // Enter or an arrow with nothing found: JediTermFX has no result to step through; the label stays
            return;
        } else if (results.getItems().isEmpty()) {
            count.setText("No matches");
        } else {
            count.setText(results.selectedItem().getIndex() + " of " + results.getItems().size());
        }
    }

    /** What the count label says now ("2 of 5", "No matches"), for tests. */
    String countText() {
        return count.getText();
    }
}
