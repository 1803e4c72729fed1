package dev.tern.transport.session;

import java.time.Duration;
import java.util.function.Predicate;

/** Waiting in tests for the session's screen to show something (generous limits: a miss is a failure, not a race). */
final class ScreenWait {
    private ScreenWait() {
    }

    static boolean screenContains(MoshSession session, String text) {
        RemoteScreen screen = session.screen();
        return screen != null && screen.framebuffer().screenText().contains(text);
    }

    static void awaitScreen(MoshSession session, Predicate<String> condition) throws InterruptedException {
        awaitScreen(session, condition, Duration.ofSeconds(30));
    }

    static void awaitScreen(MoshSession session, Predicate<String> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            RemoteScreen screen = session.screen();
            if (screen != null && condition.test(screen.framebuffer().screenText())) {
                return;
            }
            Thread.sleep(10);
        }
        RemoteScreen screen = session.screen();
        throw new AssertionError("screen never matched; last screen:\n"
                + (screen == null ? "(none)" : screen.framebuffer().screenText()) + "\nstats " + session.stats()
                + "\nclosed " + session.closeReason());
    }
}
