package dev.tern.transport.ssp;

import java.util.ArrayList;
import java.util.List;

/**
 * Our states the peer may build on, oldest first. The first is the newest state the peer has acknowledged (state 0
 * until it acknowledges one); the rest went out after it and are not acknowledged yet, the last being the state
 * sent most recently.
 *
 * <p>Send times never decrease along the window, because they all come from the session's one monotonic clock. So
 * "did every unacknowledged state go out recently?" is answered by the oldest of them alone.
 */
final class SentWindow<S> {
    /** More states than this and one is forgotten. */
    static final int CAPACITY = 32;
    /** The most recent states are never the one forgotten: a peer is most likely to be building on them. */
    static final int RECENT_KEPT = 15;

    /** One state as it went out: its number, its content and when it was last put on the wire. */
    record Sent<S>(long number, S state, long sentAt) {
    }

    private final List<Sent<S>> entries = new ArrayList<>();

    SentWindow(S initial, long createdAt) {
        entries.add(new Sent<>(0, initial, createdAt));
    }

    /**
     * A window taken over from an earlier process: the acknowledged state, and (when its number differs) the newest
     * state the peer may hold, both counted as sent long ago so nothing is believed about the unacknowledged one.
     */
    SentWindow(long acknowledgedNumber, S acknowledged, long newestNumber, S newest, long longAgo) {
        entries.add(new Sent<>(acknowledgedNumber, acknowledged, longAgo));
        if (newestNumber != acknowledgedNumber) {
            entries.add(new Sent<>(newestNumber, newest, longAgo));
        }
    }

    Sent<S> acknowledged() {
        return entries.getFirst();
    }

    Sent<S> newest() {
        return entries.getLast();
    }

    int size() {
        return entries.size();
    }

    /**
     * The peer acknowledged state {@code number}: it becomes the base and everything sent before it is dropped.
     *
     * @return false when the number is not in the window or is already the base (a stale or duplicate ack)
     */
    boolean acknowledge(long number) {
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).number() == number) {
                entries.subList(0, i).clear();
                return true;
            }
        }
        return false;
    }

    /**
     * The newest state the peer can be assumed to hold at {@code now}: everything sent, as long as the oldest
     * unacknowledged state went out less than {@code trust} ms ago (its ack may still be on the way); otherwise only
     * what it acknowledged.
     */
    Sent<S> believedHeld(long now, long trust) {
        if (entries.size() > 1 && now - entries.get(1).sentAt() >= trust) {
            return acknowledged();
        }
        return newest();
    }

    /**
     * Notes that state {@code number} went out at {@code at}. Sending the newest number again only refreshes its
     * time (the content is the same by construction); a new number is appended, and past {@link #CAPACITY} the
     * newest state older than the {@link #RECENT_KEPT} most recent ones is forgotten. The acknowledged base always
     * stays, so the peer can always be sent a diff it can apply.
     */
    void recordSend(long number, S state, long at) {
        Sent<S> newest = newest();
        if (number == newest.number()) {
            entries.set(entries.size() - 1, new Sent<>(number, newest.state(), at));
            return;
        }
        entries.add(new Sent<>(number, state, at));
        if (entries.size() > CAPACITY) {
            entries.remove(entries.size() - 1 - RECENT_KEPT);
        }
    }
}
