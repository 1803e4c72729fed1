package dev.tern.app.ui;

import dev.tern.app.AppServices;
import dev.tern.app.InMemorySecretStore;
import dev.tern.app.TernApp;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.ProfileEdits;
import dev.tern.app.profile.ProfileStore;
import dev.tern.app.session.PreviewSessionLauncher;
import dev.tern.app.session.SessionLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;

/** Starts the app on a temp config folder with an in-memory keychain and scripted confirmations. */
final class AppHarness {
    final Path configDir;
    final InMemorySecretStore secrets = new InMemorySecretStore();
    final List<String> confirmationsAsked = new ArrayList<>();
    boolean confirmAnswer = true;
    SessionLauncher launcher = new PreviewSessionLauncher();

    AppHarness(Path configDir) {
        this.configDir = configDir;
    }

    /** Writes profiles into the config folder before the app starts. */
    void seed(Profile... profiles) throws IOException {
        ProfileStore store = new ProfileStore(configDir);
        store.load();
        store.update(ProfileEdits.add(List.of(profiles)));
    }

    MainWindow start(Stage stage) {
        TernApp app = new TernApp(new AppServices(configDir, secrets, launcher, (title, message, confirm) -> {
            confirmationsAsked.add(title + ": " + message);
            return confirmAnswer;
        }, configDir.resolve("home")));
        app.start(stage);
        return app.window();
    }
}
