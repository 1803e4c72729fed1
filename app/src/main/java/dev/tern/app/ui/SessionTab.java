package dev.tern.app.ui;

import dev.tern.app.profile.Profile;
import dev.tern.app.session.SessionHandle;
import dev.tern.app.session.SessionState;
import dev.tern.app.settings.OpenTab;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * One tab: the session's terminal, a progress panel while connecting, an error panel with Retry and Edit profile
 * when it failed. Its title is the profile name plus the remote title; its icon and tooltip show state, RTT and
 * last contact.
 */
public final class SessionTab extends Tab {
    private final Profile profile;
    private final OpenTab record;
    private final SessionHandle session;
    private final Tooltip tooltip = new Tooltip();
    /** When its session stopped being live or waiting ({@link System#nanoTime()}), or 0. FX thread. */
    long endedAtNanos;
    private final Button editProfile = new Button("Edit profile", Icons.of(Feather.EDIT_2));
    private Runnable onEditProfile;

    public SessionTab(Profile profile, OpenTab record, SessionHandle session) {
        this.profile = profile;
        this.record = record;
        this.session = session;
        getStyleClass().add("session-tab");
        textProperty().bind(Bindings.createStringBinding(() -> title(session.remoteTitle().get()),
                session.remoteTitle()));
        setContent(new StackPane(session.view(), connectingPanel(), failurePanel()));
        session.state().addListener((obs, old, state) -> {
            updateGraphic();
            if (state == SessionState.CONNECTED && old != SessionState.CONTACT_LOST && isSelected()) {
                // the connecting panel (and any login dialog) had the focus: typing now goes to the shell
                javafx.application.Platform.runLater(session::focus);
            }
        });
        updateGraphic();
        tooltip.setOnShowing(event -> tooltip.setText(tooltipText()));
        tooltip.setText(tooltipText());
        setTooltip(tooltip);
        MenuItem reconnect = new MenuItem("Reconnect", Icons.of(Feather.REFRESH_CW));
        reconnect.setOnAction(event -> session.reconnect());
        MenuItem close = new MenuItem("Close tab", Icons.of(Feather.X));
        close.setOnAction(event -> requestClose());
        ContextMenu menu = new ContextMenu(reconnect, close);
        menu.setOnShowing(event -> reconnect.setDisable(!session.canReconnect()));
        setContextMenu(menu);
    }

    public Profile profile() {
        return profile;
    }

    /** What reopens this tab on the next start: as opened, with the journal its session is kept in now. */
    public OpenTab record() {
        return record.withSessionId(session.sessionId().get());
    }

    public SessionHandle session() {
        return session;
    }

    /**
     * What the failed tab's "Edit profile" button does; most failures (wrong user, key, port) are fixed there. The
     * button shows only once this is set.
     */
    public void setOnEditProfile(Runnable action) {
        onEditProfile = action;
        editProfile.setVisible(action != null);
        editProfile.setManaged(action != null);
    }

    /** Asks the tab pane to close this tab, running the same confirmation as the close button. */
    public void requestClose() {
        if (getTabPane() != null) {
            var closeRequest = new javafx.event.Event(this, this, Tab.TAB_CLOSE_REQUEST_EVENT);
            javafx.event.Event.fireEvent(this, closeRequest);
            if (!closeRequest.isConsumed() && getTabPane() != null) {
                getTabPane().getTabs().remove(this);
            }
        }
    }

    String title(String remoteTitle) {
        String remote = remoteTitle == null ? "" : remoteTitle.strip();
        return remote.isEmpty() || remote.equals(profile.name()) ? profile.name() : profile.name() + " — " + remote;
    }

    String tooltipText() {
        StringBuilder text = new StringBuilder(profile.kind().label()).append(" · ").append(profile.target());
        SessionState state = session.state().get();
        text.append('\n').append(state.label());
        if (state == SessionState.CONNECTING && !session.progress().get().isEmpty()) {
            text.append(": ").append(session.progress().get());
        }
        Duration rtt = session.rtt().get();
        if (rtt != null) {
            text.append(" · RTT ").append(rtt.toMillis()).append(" ms");
        }
        Instant contact = session.lastContact().get();
        if (contact != null) {
            long seconds = Math.max(0, Duration.between(contact, Instant.now()).toSeconds());
            text.append('\n').append("Last contact ").append(seconds < 2 ? "just now" : seconds + " s ago");
        }
        if (state == SessionState.FAILED && !session.failure().get().isEmpty()) {
            text.append('\n').append(session.failure().get());
        }
        return text.toString();
    }

    private void updateGraphic() {
        SessionState state = session.state().get();
        getStyleClass().removeIf(style -> style.startsWith("state-"));
        getStyleClass().add(Icons.stateStyle(state));
        if (state == SessionState.CONNECTING) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.getStyleClass().add("tab-spinner");
            spinner.setPrefSize(14, 14);
            setGraphic(spinner);
        } else {
            setGraphic(Icons.forState(state));
        }
        tooltip.setText(tooltipText());
    }

    private VBox connectingPanel() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        Label step = new Label();
        step.getStyleClass().add("connect-step");
        step.textProperty().bind(Bindings.createStringBinding(() -> {
            String progress = session.progress().get().strip();
            if (progress.isEmpty()) {
                return "Connecting to " + profile.target() + "…";
            }
            return progress.endsWith("…") ? progress : progress + "…";
        }, session.progress()));
        VBox panel = new VBox(12, spinner, step);
        panel.setAlignment(Pos.CENTER);
        panel.getStyleClass().add("connecting-panel");
        panel.visibleProperty().bind(session.state().isEqualTo(SessionState.CONNECTING));
        panel.setMouseTransparent(false);
        return panel;
    }

    private VBox failurePanel() {
        Label heading = new Label();
        heading.textProperty().bind(Bindings.when(session.resuming())
                .then("Could not resume the session on " + profile.target())
                .otherwise("Could not connect to " + profile.target()));
        heading.getStyleClass().add("failure-heading");
        Label message = new Label();
        message.setId("failure-message");
        message.setWrapText(true);
        message.setMaxWidth(560);
        message.getStyleClass().add("failure-message");
        message.textProperty().bind(session.failure());
        Button retry = new Button("Retry", Icons.of(Feather.REFRESH_CW));
        retry.textProperty().bind(Bindings.when(session.resuming()).then("Start a new session").otherwise("Retry"));
        retry.setId("retry-button");
        retry.getStyleClass().add("accent");
        retry.setOnAction(event -> {
            session.reconnect();
            // the button goes with the panel: the keys typed while the new connection starts belong to the terminal
            session.focus();
        });
        editProfile.setId("edit-profile-button");
        editProfile.setOnAction(event -> {
            if (onEditProfile != null) {
                onEditProfile.run();
            }
        });
        setOnEditProfile(null);
        HBox actions = new HBox(8, retry, editProfile);
        actions.setAlignment(Pos.CENTER);
        VBox panel = new VBox(12, Icons.forState(SessionState.FAILED), heading, message, actions);
        panel.setAlignment(Pos.CENTER);
        panel.getStyleClass().add("failure-panel");
        panel.visibleProperty().bind(session.state().isEqualTo(SessionState.FAILED));
        // the way on is one key away: the terminal behind the panel cannot be typed into anyway
        panel.visibleProperty().addListener((obs, was, shown) -> {
            if (shown && isSelected()) {
                javafx.application.Platform.runLater(retry::requestFocus);
            }
        });
        return panel;
    }
}
