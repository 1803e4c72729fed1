package dev.tern.app.ui.dialogs;

import dev.tern.app.ui.Icons;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * The hard warning for a host key that differs from the recorded one. Deliberately offers no way to connect: the
 * only button closes it, and the text says how to fix the record after checking with the administrator.
 */
public final class ChangedHostKeyDialog extends Dialog<Void> {

    public ChangedHostKeyDialog(Window owner, String host, String keyType, String knownFingerprint,
                                String offeredFingerprint, Path knownHostsFile, int line) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Host key changed – connection refused");
        setHeaderText("WARNING: the host key of " + host + " has CHANGED.");
        setGraphic(Icons.of(Feather.ALERT_OCTAGON));
        getDialogPane().getStyleClass().addAll("changed-host-key-dialog", "danger");
        getDialogPane().getStylesheets().add(dev.tern.app.ui.Theme.STYLESHEET);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        TextField known = readOnly("known-fingerprint", knownFingerprint);
        TextField offered = readOnly("offered-fingerprint", offeredFingerprint);
        Label explain = new Label("Someone may be intercepting this connection (a man-in-the-middle attack), or "
                + "the server was reinstalled. Tern did not connect.\n\nIf the change is expected, confirm the new "
                + "fingerprint with the server's administrator, then remove line " + line + " of " + knownHostsFile
                + " (ssh-keygen -R '" + host + "' -f '" + knownHostsFile + "') and connect again.");
        explain.setWrapText(true);
        // wrapped text otherwise gets cut to one line with an ellipsis when the dialog sizes itself
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(8, new Label("Recorded " + keyType + " key (" + knownHostsFile + " line " + line
                + "):"), known, new Label("Key offered now:"), offered, explain);
        content.setPadding(new Insets(10, 16, 6, 16));
        content.setPrefWidth(560);
        getDialogPane().setContent(content);
    }

    private static TextField readOnly(String id, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add("fingerprint");
        return field;
    }
}
