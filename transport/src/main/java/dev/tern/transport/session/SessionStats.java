package dev.tern.transport.session;

import dev.tern.transport.wire.DropReason;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters of a session, readable from any thread. */
public final class SessionStats {
    private final AtomicLongArray drops = new AtomicLongArray(DropReason.values().length);
    private final AtomicLongArray counters = new AtomicLongArray(Counter.values().length);

    public enum Counter {
        DATAGRAMS_SENT, DATAGRAMS_RECEIVED, INSTRUCTIONS_SENT, INSTRUCTIONS_RECEIVED, STATES_APPLIED,
        DUPLICATE_STATES, SEND_ERRORS, RECEIVE_ERRORS, PORT_HOPS,
        /** Journal saves (a resumable session), and saves that failed (the session then goes on without one). */
        JOURNAL_SAVES, JOURNAL_FAILURES,
        /** Sleeps of the machine (or stops of the process) the loop noticed; each hopped at once (§8.4). */
        WAKES
    }

    void drop(DropReason reason) {
        drops.incrementAndGet(reason.ordinal());
    }

    void count(Counter counter) {
        counters.incrementAndGet(counter.ordinal());
    }

    public long dropped(DropReason reason) {
        return drops.get(reason.ordinal());
    }

    public long droppedTotal() {
        long sum = 0;
        for (int i = 0; i < drops.length(); i++) {
            sum += drops.get(i);
        }
        return sum;
    }

    public long get(Counter counter) {
        return counters.get(counter.ordinal());
    }

    public Map<DropReason, Long> drops() {
        Map<DropReason, Long> m = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            if (dropped(r) > 0) {
                m.put(r, dropped(r));
            }
        }
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SessionStats[");
        for (Counter c : Counter.values()) {
            sb.append(c.name().toLowerCase()).append('=').append(get(c)).append(' ');
        }
        return sb.append("drops=").append(drops()).append(']').toString();
    }
}
