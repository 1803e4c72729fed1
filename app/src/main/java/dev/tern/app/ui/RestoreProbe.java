package dev.tern.app.ui;

import dev.tern.app.session.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.value.ChangeListener;

/**
 * For the resume benchmark ({@code bench/resume.sh}): with the system property {@code tern.startupProbe} set, prints
 * {@code restored-live-ms=N resumed=K tabs=T} once every tab restored at start is connected or waits to be shown (a
 * local or SSH tab in the background, {@link SessionState#WAITING}) (N: milliseconds from the process start; K of
 * the T tabs took a kept session up again), or {@code restored-failed=...} if one failed.
 */
final class RestoreProbe {
    private RestoreProbe() {
    }

    static void watch(List<SessionTab> restored) {
        if (System.getProperty("tern.startupProbe") == null || restored.isEmpty()) {
            return;
        }
        long resumed = restored.stream().filter(t -> t.record().sessionId() != null).count();
        AtomicBoolean printed = new AtomicBoolean();
        Runnable check = () -> {
            if (printed.get()) {
                return;
            }
            SessionTab failed = restored.stream()
                    .filter(t -> t.session().state().get() == SessionState.FAILED).findFirst().orElse(null);
            if (failed != null && printed.compareAndSet(false, true)) {
                System.out.println("restored-failed=" + failed.session().failure().get());
            } else if (restored.stream().allMatch(t -> t.session().state().get() == SessionState.CONNECTED
                    || t.session().state().get() == SessionState.WAITING)
                    && printed.compareAndSet(false, true)) {
                Instant start = ProcessHandle.current().info().startInstant().orElse(Instant.now());
                System.out.println("restored-live-ms=" + Duration.between(start, Instant.now()).toMillis()
                        + " resumed=" + resumed + " tabs=" + restored.size());
            }
            System.out.flush();
        };
        ChangeListener<SessionState> listener = (obs, old, state) -> check.run();
        restored.forEach(tab -> tab.session().state().addListener(listener));
        check.run();
    }
}
