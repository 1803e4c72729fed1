package dev.tern.app.person;

import java.nio.file.Path;

/** Where the real-window tests leave their screenshots: target/screenshots/person under the app module. */
final class Screens {
    private Screens() {
    }

    static Path file(String name) {
        return Path.of("target", "screenshots", "person", name + ".png").toAbsolutePath();
    }
}
