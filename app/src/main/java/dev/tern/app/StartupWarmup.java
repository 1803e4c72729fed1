package dev.tern.app;

import dev.tern.app.profile.ProfileJson;
import dev.tern.app.profile.ProfilesDocument;
import dev.tern.app.settings.WindowStateStore;

/**
 * Work on the path to the first window that needs no FX thread, begun on a thread of its own before JavaFX starts:
 * the JSON mappers' first use (their set-up and the readers of the window state and of the profiles), which the FX
 * thread otherwise pays for while reading the settings, runs on the other core while the toolkit connects to the
 * display. It only warms what the real reads use; its results are thrown away, and the FX thread does the work
 * itself if it gets there first.
 */
final class StartupWarmup {
    private StartupWarmup() {
    }

    static void start() {
        Thread.ofPlatform().daemon().name("tern-warmup").start(StartupWarmup::run);
    }

    private static void run() {
        try {
            ProfileJson.read(ProfileJson.write(ProfilesDocument.empty()));
            WindowStateStore.warmUp();
        } catch (Exception | LinkageError e) {
            // a warm-up that fails costs nothing: the real reads report their own problems
        }
    }
}
