package dev.tern.app.session;

import dev.tern.app.profile.AppSettings;
import dev.tern.app.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;

/**
 * One running tab session as the app sees it. All properties change on the JavaFX thread only. The terminal widget
 * ({@code dev.tern.widget.TerminalView}) is wired in behind this interface by a {@link SessionLauncher}.
 */
public interface SessionHandle {

    /** The terminal node shown in the tab. */
    Node view();

    ReadOnlyObjectProperty<SessionState> state();

    /** The title the remote side set (OSC 0/2); empty when none. */
    ReadOnlyStringProperty remoteTitle();

    /** The current connect step ("Authenticating", ...) while connecting; empty otherwise. */
    ReadOnlyStringProperty progress();

    /** Smoothed round-trip time; null when not known (local tabs, before the first reply). */
    ReadOnlyObjectProperty<Duration> rtt();

    /** When the server was last heard from; null when not known. */
    ReadOnlyObjectProperty<Instant> lastContact();

    /** Why the session failed, for the tab's error panel; empty unless {@link SessionState#FAILED}. */
    ReadOnlyStringProperty failure();

    /**
     * The id of the journal this tab's Mosh session is kept in, so that the next start of the app resumes it; empty
     * when there is none (other kinds of tab, or before the server started).
     */
    ReadOnlyStringProperty sessionId();

    /**
     * True while the tab's connection takes up a saved session rather than a new one, including when that failed
     * (then {@link #reconnect()} starts a new session).
     */
    ReadOnlyBooleanProperty resuming();

    /** Whether {@link #reconnect()} makes sense now (SSH and failed tabs). */
    boolean canReconnect();

    /** Connects again in the same tab. */
    void reconnect();

    /**
     * The tab's profile or the app settings were saved while the tab is open ({@code profile} is the profile as
     * saved now): applies what can change on a live session, which is the terminal's look (font, colour scheme,
     * cursor) and a Mosh tab's local echo mode and overwrite (the profile's own choices, or the app's defaults where
     * the profile has none); the rest applies when the tab next connects. Called on the JavaFX thread.
     */
    default void settingsChanged(Profile profile, AppSettings settings) {
    }

    /** Gives keyboard focus to the terminal. */
    void focus();

    /** True while the terminal has the keyboard focus. */
    default boolean hasFocus() {
        return true;
    }

    /**
     * Delivers a key event that reached another control while the terminal was about to take the focus (a tab
     * just opened): the person was already typing into the terminal.
     */
    default void typeKey(javafx.scene.input.KeyEvent event) {
    }

    /** Ends the session and frees everything (remote servers included). Idempotent. */
    void close();

    /**
     * Lets go of the session without ending it, where it can be resumed (a Mosh session that keeps a journal: its
     * server stays, for the next start of the app); other sessions are closed. Idempotent.
     */
    default void detach() {
        close();
    }
}
