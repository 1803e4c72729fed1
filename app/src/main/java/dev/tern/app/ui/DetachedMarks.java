package dev.tern.app.ui;

import dev.tern.app.profile.Profile;
import dev.tern.app.session.SessionJanitor;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import dev.tern.widget.FxClock;
import java.time.Duration;
import javafx.application.Platform;

/**
 * Keeps the sidebar's marks of detached sessions current: the journals are read off the FX thread now and then
 * (sessions detach when tabs close or a Tern quits, and resume elsewhere), and at once after the janitor changed
 * something. Reading the journal folder decrypts a few small files; nothing goes over the network.
 */
public final class DetachedMarks {
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final ProfileSidebar sidebar;
    private final SessionJanitor janitor;
    private final Supplier<List<Profile>> profiles;
    private final AtomicBoolean reading = new AtomicBoolean();
    /** Not an animation: a running one keeps JavaFX's pulse going all day ({@link FxClock}). */
    private FxClock clock;

    private DetachedMarks(ProfileSidebar sidebar, SessionJanitor janitor, Supplier<List<Profile>> profiles) {
        this.sidebar = sidebar;
        this.janitor = janitor;
        this.profiles = profiles;
    }

    /**
     * Marks {@code sidebar}'s profiles from now on (FX thread); {@code profiles} is read on the FX thread. The first
     * look comes after one interval, once the tabs restored at start have taken their sessions up again.
     */
    public static DetachedMarks follow(ProfileSidebar sidebar, SessionJanitor janitor,
                                       Supplier<List<Profile>> profiles) {
        DetachedMarks marks = new DetachedMarks(sidebar, janitor, profiles);
        marks.clock = FxClock.every(INTERVAL, "tern-detached-marks", marks::refresh);
        return marks;
    }

    /** Reads the journals again (FX thread), unless a read is under way. */
    public void refresh() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        List<Profile> current = List.copyOf(profiles.get());
        Thread.ofVirtual().start(() -> {
            Map<String, Integer> counts;
            try {
                counts = janitor.detachedCounts(current);
            } catch (IOException | RuntimeException unreadable) {
                counts = Map.of(); // no marks rather than stale ones; the janitor's dialog says what is wrong
            }
            Map<String, Integer> found = counts;
            Platform.runLater(() -> {
                reading.set(false);
                var shown = sidebar.detachedSessions();
                if (!shown.equals(found)) {
                    shown.keySet().retainAll(found.keySet());
                    shown.putAll(found);
                }
            });
        });
    }

    public void stop() {
        clock.close();
    }
}
