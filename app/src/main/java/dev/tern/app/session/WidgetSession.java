package dev.tern.app.session;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.Profile;
import dev.tern.transport.predict.PredictionSettings;
import dev.tern.widget.ShownWatch;
import dev.tern.widget.TerminalSettings;
import dev.tern.widget.TerminalView;
import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.MoshConnector;
import dev.tern.widget.connect.TerminalConnector;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A tab session backed by a {@link TerminalView}. The view's state becomes the tab's: a view that closes before it
 * ever connected is a failed connection (its message goes to the tab's error panel). Reconnecting builds a fresh
 * view with a fresh connector in the same place, from the profile and settings as saved last: an edit made while the
 * tab is open applies to its next connection, while the look (font, colour scheme, cursor) and a Mosh tab's local
 * echo change on the open view at once.
 *
 * <p>A Mosh tab may begin by taking up a saved session (its journal id given at creation); only the first
 * connection does that: a reconnect (after a failed resume, "Start a new session") starts a new one.
 *
 * <p>A session made to start when shown ({@link SessionState#WAITING}) builds no view and opens no connection until
 * its tab is first shown, given the focus or typed into: a window restored with thirty local tabs starts one shell,
 * not thirty.
 */
final class WidgetSession extends ObservableSession {
    private Profile profile;
    private AppSettings appSettings;
    private final Connectors connectors;
    private final BiFunction<Profile, AppSettings, TerminalSettings> looks;
    private final StackPane holder = new StackPane();
    /** Null while the session waits to be shown. */
    private TerminalView view;
    private ShownWatch waitingForSight;
    private final String firstResumeId;
    private boolean everConnected;
    private boolean closed;

    /** Makes the connector of each connection: {@code resumeId} names a saved session to take up, or is null. */
    @FunctionalInterface
    interface Connectors {
        TerminalConnector connector(Profile profile, AppSettings settings, String resumeId);
    }

    /** @param whenShown wait to be shown before building the view and connecting (see the class comment) */
    WidgetSession(Profile profile, AppSettings appSettings, Connectors connectors,
                  BiFunction<Profile, AppSettings, TerminalSettings> looks, String resumeId, boolean whenShown) {
        this.profile = profile;
        this.appSettings = appSettings;
        this.connectors = connectors;
        this.looks = looks;
        this.firstResumeId = resumeId;
        holder.getStyleClass().add("terminal-holder");
        if (whenShown) {
            setState(SessionState.WAITING);
            // (a window restores its tabs before it is shown, selecting each in turn: none of them is in sight then,
            // and once the window shows, only the selected one is)
            waitingForSight = ShownWatch.install(holder, sight -> {
                if (sight == ShownWatch.Sight.SHOWN) {
                    startIfWaiting();
                }
            });
        } else {
            start(resumeId);
        }
    }

    /** Builds the view and connects, if the session still waits to be shown. */
    private void startIfWaiting() {
        if (view != null || closed) {
            return;
        }
        if (waitingForSight != null) {
            waitingForSight.stop();
            waitingForSight = null;
        }
        start(firstResumeId);
    }

    private void start(String resumeId) {
        everConnected = false;
        setState(SessionState.CONNECTING);
        setSessionId(resumeId);
        setResuming(resumeId != null);
        TerminalConnector connector = connectors.connector(profile, appSettings, resumeId);
        TerminalView fresh = new TerminalView(connector, looks.apply(profile, appSettings));
        view = fresh;
        holder.getChildren().setAll(fresh);
        if (connector instanceof MoshConnector mosh) {
            mosh.setSessionIdListener(id -> Platform.runLater(() -> {
                if (fresh == view && !closed) {
                    setSessionId(id);
                }
            }));
        }
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
            case RESUMING -> setState(SessionState.RESUMING);
            case CONNECTED -> {
                everConnected = true;
                setResuming(false);
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
        return view == null
                || WidgetSessionLauncher.reconnectsInPlace(profile.kind())
                || state().get() == SessionState.FAILED
                || state().get() == SessionState.CLOSED;
    }

    @Override
    public void reconnect() {
        if (closed) {
            return;
        }
        if (view == null) {
            startIfWaiting();
            return;
        }
        TerminalView old = view;
        start(null);
        old.close();
    }

    @Override
    public void settingsChanged(Profile updated, AppSettings updatedSettings) {
        profile = updated;
        appSettings = updatedSettings;
        if (closed || view == null) {
            return;  // a waiting session's view is built from the settings as they are when it starts
        }
        // a look the user changed shows on the open view now, not only after a reconnect (the scrollback size
        // still applies to the next view: the history already kept is not cut or grown)
        TerminalSettings look = looks.apply(updated, updatedSettings);
        if (!look.equals(view.settings())) {
            view.setSettings(look);
        }
        if (!(view.connector() instanceof MoshConnector mosh)) {
            return;
        }
        PredictionSettings wanted = WidgetSessionLauncher.predictionSettings(updated.mosh(), updatedSettings);
        if (!wanted.equals(mosh.predictionSettings())) {
            mosh.setPredictionSettings(wanted);
        }
    }

    @Override
    public void focus() {
        startIfWaiting();  // the focus goes to the tab in front, which is about to be shown
        if (view != null) {  // (a tab closed before it was ever shown has none)
            view.requestTerminalFocus();
        }
    }

    @Override
    public boolean hasFocus() {
        return view != null && view.terminalHasFocus();
    }

    @Override
    public void typeKey(javafx.scene.input.KeyEvent event) {
        startIfWaiting();  // keys go only to the tab in front (SessionTabs), which is about to be shown
        if (view != null) {
            view.typeKey(event);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (waitingForSight != null) {
            waitingForSight.stop();
        }
        if (view != null) {
            view.close();
        }
        setState(SessionState.CLOSED);
    }

    @Override
    public void detach() {
        if (!closed && view != null && view.connector() instanceof MoshConnector mosh) {
            mosh.keepSessionOnClose();
        }
        close();
    }
}
