package dev.tern.app;

import dev.tern.app.secret.KeychainKeyVault;
import dev.tern.app.secret.KeyringSecretStore;
import dev.tern.app.secret.SecretStore;
import dev.tern.app.session.PreviewSessionLauncher;
import dev.tern.app.session.SessionLauncher;
import dev.tern.app.session.WidgetSessionLauncher;
import dev.tern.app.settings.ConfigDirectory;
import dev.tern.app.ui.Confirmations;
import dev.tern.transport.ssh.SshEnvironment;
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

    /** Set to {@code preview} to open stand-in tabs instead of real sessions (demos, screenshots of the UI). */
    public static final String SESSIONS_PROPERTY = "tern.sessions";

    /** The real thing: platform config folder (or {@code -Dtern.config.dir}), OS keychain, terminal widget tabs. */
    public static AppServices defaults() {
        SecretStore keychain = KeyringSecretStore.openLater();
        SessionLauncher launcher = "preview".equals(System.getProperty(SESSIONS_PROPERTY))
                ? new PreviewSessionLauncher()
                : new WidgetSessionLauncher(SshEnvironment.system(), WidgetSessionLauncher.journalsIn(
                ConfigDirectory.resolve(), new KeychainKeyVault(keychain)));
        return new AppServices(ConfigDirectory.resolve(), keychain, launcher, null,
                Path.of(System.getProperty("user.home")));
    }
}
