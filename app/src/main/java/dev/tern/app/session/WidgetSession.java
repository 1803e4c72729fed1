package dev.tern.app.session;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.Profile;
import dev.tern.transport.predict.PredictionSettings;
import dev.tern.widget.TerminalSettings;
import dev.tern.widget.TerminalView;
import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.MoshConnector;
import dev.tern.widget.connect.TerminalConnector;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A tab session backed by a {@link TerminalView}. The view's state becomes the tab's: a view that closes before it
 * ever connected is a failed connection (its message goes to the tab's error panel). Reconnecting builds a fresh
 * view with a fresh connector in the same place. Local echo settings changed while the tab is open apply to the
 * running Mosh session and to every later connection of the tab.
 */
final class WidgetSession extends ObservableSession {
    private final Profile profile;
    private final Supplier<TerminalConnector> connectors;
    private final TerminalSettings settings;
    private final StackPane holder = new StackPane();
    private TerminalView view;
    /** Local echo saved since the tab opened; null: what the launcher's connectors start with. */
    private PredictionSettings prediction;
    private boolean everConnected;
    private boolean closed;

    WidgetSession(Profile profile, Supplier<TerminalConnector> connectors, TerminalSettings settings) {
        this.profile = profile;
        this.connectors = connectors;
        this.settings = settings;
        holder.getStyleClass().add("terminal-holder");
        start();
    }

    private void start() {
        everConnected = false;
        setState(SessionState.CONNECTING);
        TerminalConnector connector = connectors.get();
        if (prediction != null && connector instanceof MoshConnector mosh) {
            mosh.setPredictionSettings(prediction);
        }
        TerminalView fresh = new TerminalView(connector, settings);
        view = fresh;
        holder.getChildren().setAll(fresh);
        fresh.stateProperty().addListener((obs, old, state) -> follow(fresh, state));
        fresh.messageProperty().addListener((obs, old, message) -> {
            if (fresh != view || closed) {
                return;
            }
            if (fresh.stateProperty().get() == ConnectionState.CONNECTING) {
                setProgress(message);
            } else if (state().get() == SessionState.FAILED && message != null && !message.isBlank()) {
                // the view may publish its closing message just after its state
                fail(message);
            }
        });
        fresh.titleProperty().addListener((obs, old, title) -> {
            if (fresh == view) {
                setRemoteTitle(title.equals(profile.name()) ? "" : title);
            }
        });
        fresh.roundTripProperty().addListener((obs, old, rtt) -> {
            if (fresh == view) {
                setRtt(rtt);
            }
        });
        fresh.lastContactProperty().addListener((obs, old, contact) -> {
            if (fresh == view) {
                setLastContact(contact);
            }
        });
        follow(fresh, fresh.stateProperty().get());
    }

    private void follow(TerminalView source, ConnectionState state) {
        if (source != view || closed) {
            return;
        }
        switch (state) {
            case CONNECTING -> {
                setState(SessionState.CONNECTING);
                setProgress(source.messageProperty().get());
            }
            case CONNECTED -> {
                everConnected = true;
                setState(SessionState.CONNECTED);
            }
            case CONTACT_LOST -> setState(SessionState.CONTACT_LOST);
            case CLOSED -> {
                String message = source.messageProperty().get();
                if (everConnected) {
                    setState(SessionState.CLOSED);
                } else {
                    fail(message == null || message.isBlank() ? "The connection could not be opened." : message);
                }
            }
        }
    }

    @Override
    public Node view() {
        return holder;
    }

    @Override
    public boolean canReconnect() {
        return WidgetSessionLauncher.reconnectsInPlace(profile.kind())
                || state().get() == SessionState.FAILED
                || state().get() == SessionState.CLOSED;
    }

    @Override
    public void reconnect() {
        if (closed) {
            return;
        }
        TerminalView old = view;
        start();
        old.close();
    }

    @Override
    public void settingsChanged(Profile updated, AppSettings appSettings) {
        if (closed || !(view.connector() instanceof MoshConnector mosh)) {
            return;
        }
        PredictionSettings wanted = WidgetSessionLauncher.predictionSettings(updated.mosh(), appSettings);
        prediction = wanted;
        if (!wanted.equals(mosh.predictionSettings())) {
            mosh.setPredictionSettings(wanted);
        }
    }

    @Override
    public void focus() {
        view.requestTerminalFocus();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        view.close();
        setState(SessionState.CLOSED);
    }
}
