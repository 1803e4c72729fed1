package dev.tern.app;

import dev.tern.app.secret.KeyringSecretStore;
import dev.tern.app.secret.SecretStore;
import dev.tern.app.session.PreviewSessionLauncher;
import dev.tern.app.session.SessionLauncher;
import dev.tern.app.settings.ConfigDirectory;
import dev.tern.app.ui.Confirmations;
import java.nio.file.Path;

/**
 * What the desktop app is built from; tests pass their own (a temp config folder, an in-memory keychain, a scripted
 * launcher, answers to confirmations).
 *
 * @param confirmations null for real dialogs
 * @param userHome      where {@code ~/.ssh/config} is imported from
 */
public record AppServices(Path configDir, SecretStore secrets, SessionLauncher launcher,
                          Confirmations confirmations, Path userHome) {

    /** The real thing: platform config folder (or {@code -Dtern.config.dir}), OS keychain. */
    public static AppServices defaults() {
        return new AppServices(ConfigDirectory.resolve(), KeyringSecretStore.openInBackground(),
                // the seam for the terminal widget: replace with the launcher that builds a TerminalView
                new PreviewSessionLauncher(), null, Path.of(System.getProperty("user.home")));
    }
}
