package dev.tern.app.session;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The observable half of a {@link SessionHandle}, with setters for the launcher that drives it. Setters must run on
 * the JavaFX thread (a real launcher hops there from its session's I/O thread).
 */
public abstract class ObservableSession implements SessionHandle {
    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>(SessionState.CONNECTING);
    private final ReadOnlyStringWrapper remoteTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Duration> rtt = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> lastContact = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sessionId = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resuming = new ReadOnlyBooleanWrapper(false);

    @Override
    public ReadOnlyObjectProperty<SessionState> state() {
        return state.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty remoteTitle() {
        return remoteTitle.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty progress() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<Duration> rtt() {
        return rtt.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<Instant> lastContact() {
        return lastContact.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty failure() {
        return failure.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty sessionId() {
        return sessionId.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty resuming() {
        return resuming.getReadOnlyProperty();
    }

    public void setSessionId(String id) {
        sessionId.set(id == null ? "" : id);
    }

    public void setResuming(boolean value) {
        resuming.set(value);
    }

    public void setState(SessionState newState) {
        state.set(newState);
        if (newState != SessionState.CONNECTING) {
            progress.set("");
        }
        if (newState != SessionState.FAILED) {
            failure.set("");
        }
    }

    public void setProgress(String step) {
        progress.set(step);
    }

    public void setRemoteTitle(String title) {
        remoteTitle.set(title == null ? "" : title);
    }

    public void setRtt(Duration value) {
        rtt.set(value);
    }

    public void setLastContact(Instant value) {
        lastContact.set(value);
    }

    /** Marks the session failed with a message for the user. */
    public void fail(String message) {
        state.set(SessionState.FAILED);
        progress.set("");
        failure.set(message);
    }
}
