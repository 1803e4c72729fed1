package dev.tern.app.ui;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A two-column form: label, control, and under the control a line for its validation message. */
final class FormGrid extends GridPane {
    private int row;

    FormGrid() {
        getStyleClass().add("form-grid");
        setHgap(12);
        setVgap(2);
        setPadding(new Insets(14, 16, 10, 16));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(130);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        getColumnConstraints().addAll(labels, controls);
    }

    /** Adds a row; returns the label that shows the control's error (empty and collapsed while valid). */
    Label add(String labelText, Node control) {
        Label label = new Label(labelText);
        label.getStyleClass().add("form-label");
        label.setLabelFor(control);
        add(label, 0, row);
        add(control, 1, row);
        Label error = new Label();
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        if (control.getId() != null) {
            error.setId(control.getId() + "-error");
        }
        add(error, 1, row + 1);
        row += 2;
        return error;
    }

    /** A full-width line: a section heading or a note. */
    void addWide(Node node) {
        add(node, 0, row, 2, 1);
        row++;
    }

    static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("form-heading");
        return heading;
    }

    static Label note(String text) {
        Label note = new Label(text);
        note.getStyleClass().add("form-note");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return note;
    }
}
