package dev.tern.app.ui.dialogs;

import dev.tern.app.ui.Icons;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * A host key not recorded for its host: the SHA-256 fingerprint to compare, and "Cancel" as the default, so a
 * hurried Enter never trusts a key. When a key of another type is recorded for the host, the dialog says so: that
 * is no first connection, and the new key may be an attacker's.
 */
public final class HostKeyDialog extends Dialog<Boolean> {
    public static final ButtonType TRUST = new ButtonType("_Trust and connect", ButtonBar.ButtonData.OK_DONE);

    /** @param otherKnownTypes short names (ED25519, RSA) of the keys recorded for this host; empty for a new host */
    public HostKeyDialog(Window owner, String host, String keyType, String fingerprint, Path recordIn,
                         List<String> otherKnownTypes) {
        if (owner != null) {
            initOwner(owner);
        }
        boolean otherTypeKnown = !otherKnownTypes.isEmpty();
        setTitle(otherTypeKnown ? "Host key of another type" : "New host key");
        setHeaderText(otherTypeKnown ? "Tern knows a key of another type for " + host + " ("
                + String.join(", ", otherKnownTypes) + "), not this one." : "Tern has not seen " + host + " before.");
        setGraphic(Icons.of(otherTypeKnown ? Feather.ALERT_TRIANGLE : Feather.SHIELD));
        getDialogPane().getStyleClass().add("host-key-dialog");
        getDialogPane().getStylesheets().add(dev.tern.app.ui.Theme.STYLESHEET);
        getDialogPane().getButtonTypes().addAll(TRUST, ButtonType.CANCEL);
        TextField print = new TextField(fingerprint);
        print.setId("host-key-fingerprint");
        print.setEditable(false);
        print.getStyleClass().add("fingerprint");
        Label explain = new Label("Compare this " + keyType + " fingerprint with the one the server's "
                + "administrator gave you (on the server: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). If they "
                + "match, the key is recorded in " + recordIn + " and you are not asked again.");
        explain.setWrapText(true);
        // wrapped text otherwise gets cut to one line with an ellipsis when the dialog sizes itself
        explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(10, new Label(keyType + " key fingerprint (SHA-256):"), print, explain);
        if (otherTypeKnown) {
            Label warning = new Label("This is not a first connection: the server may have been set up again or "
                    + "changed its key types, or someone may be in the middle of the connection. Trust the new key "
                    + "only if its fingerprint matches the one the administrator gave you.");
            warning.setId("host-key-other-type");
            warning.setWrapText(true);
            warning.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            content.getChildren().addFirst(warning);
        }
        content.setPadding(new Insets(10, 16, 6, 16));
        content.setPrefWidth(520);
        getDialogPane().setContent(content);
        Button trust = (Button) getDialogPane().lookupButton(TRUST);
        trust.setDefaultButton(false);
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        setResultConverter(button -> button == TRUST);
    }
}
