package dev.tern.widget;

import dev.tern.widget.connect.ConnectionState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

import java.time.Duration;
import java.time.Instant;

/**
 * A strip over the top of the terminal that says what the connection is doing, like mosh's notification bar, but
 * drawn by the view instead of into the remote screen, so it never hides or corrupts a line of it. FX thread.
 */
final class ConnectionBanner {
    private final Label label = new Label();
    private final String quitHint;

    ConnectionBanner(String quitHint) {
        this.quitHint = quitHint;
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setPadding(new Insets(3, 8, 3, 8));
        label.setStyle("-fx-background-color: rgba(255, 221, 87, 0.92); -fx-text-fill: black; -fx-font-weight: bold;");
        label.setMouseTransparent(true);
        label.setVisible(false);
        StackPane.setAlignment(label, Pos.TOP_CENTER);
    }

    Label node() {
        return label;
    }

    String text() {
        return label.isVisible() ? label.getText() : "";
    }

    void show(ConnectionState state, String detail, Instant lastContact, int waitingKeys, Instant now) {
        String text = switch (state) {
            case CONNECTED -> "";
            case CONNECTING -> detail.isBlank() ? "Connecting…" : detail;
            case RESUMING -> detail.isBlank() ? "Resuming the session: this is the screen as it was saved…" : detail;
            case CONTACT_LOST -> contactLost(lastContact, now) + waiting(waitingKeys);
            case CLOSED -> detail.isBlank() ? "Closed." : detail;
        };
        label.setText(text);
        label.setVisible(!text.isEmpty());
    }

    /**
     * mosh shows no typed character while the server is silent after Enter (predictions stay tentative), so the
     * banner says that the keys are kept.
     */
    static String waiting(int keys) {
        if (keys <= 0) {
            return "";
        }
        return keys == 1 ? "\n1 typed key is waiting: it will be sent when contact returns."
                : "\n" + keys + " typed keys are waiting: they will be sent when contact returns.";
    }

    private String contactLost(Instant lastContact, Instant now) {
        String since = lastContact == null ? "No contact yet"
                : "Last contact " + Math.max(0, Duration.between(lastContact, now).toSeconds()) + " seconds ago";
        String hint = quitHint.isEmpty() ? "" : " [To quit: " + quitHint + "]";
        return since + ". Reconnecting…" + hint;
    }
}
