package dev.tern.widget;

import dev.tern.widget.connect.ConnectionState;
import javafx.application.Platform;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The view's state as written by background threads (connector, pipeline), handed to the FX thread in coalesced
 * batches: however often it changes, at most one {@link Platform#runLater} is pending, so a flood of titles or
 * bells cannot flood the FX event queue.
 */
final class ViewStatus {
    record Snapshot(ConnectionState state, String message, String title, long bellCount, Duration roundTrip,
                    Instant lastContact, int waitingKeys) {
    }

    private final Runnable publisher;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private ConnectionState state = ConnectionState.CONNECTING;
    private String message = "";
    private String title = "";
    private long bellCount;
    private Duration roundTrip;
    private Instant lastContact;
    private int waitingKeys;

    /** @param publisher runs on the FX thread and calls {@link #take()} */
    ViewStatus(Runnable publisher) {
        this.publisher = publisher;
    }

    void state(ConnectionState newState, String detail) {
        synchronized (this) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            state = newState;
            message = detail == null ? "" : detail;
        }
        schedule();
    }

    void message(String text) {
        synchronized (this) {
            message = text;
        }
        schedule();
    }

    void frame(String newTitle, long bells) {
        synchronized (this) {
            if (newTitle.equals(title) && bells == bellCount) {
                return;
            }
            title = newTitle;
            bellCount = bells;
        }
        schedule();
    }

    void link(Duration rtt, Instant contact, int keys) {
        synchronized (this) {
            roundTrip = rtt;
            lastContact = contact;
            waitingKeys = keys;
        }
        schedule();
    }

    synchronized Snapshot take() {
        scheduled.set(false);
        return new Snapshot(state, message, title, bellCount, roundTrip, lastContact, waitingKeys);
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(publisher);
        }
    }
}
