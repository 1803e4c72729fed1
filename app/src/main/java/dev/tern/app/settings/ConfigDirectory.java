package dev.tern.app.settings;

import dev.dirs.ProjectDirectories;
import java.nio.file.Path;

/**
 * Where Tern keeps its files: {@code -Dtern.config.dir=...} or {@code TERN_CONFIG_DIR} when set (tests, portable
 * installs), else the platform's config folder from the directories library (XDG on Linux, {@code %APPDATA%} on
 * Windows, {@code ~/Library/Application Support} on macOS).
 */
public final class ConfigDirectory {
    public static final String PROPERTY = "tern.config.dir";
    public static final String ENVIRONMENT = "TERN_CONFIG_DIR";

    private ConfigDirectory() {
    }

    public static Path resolve() {
        String override = System.getProperty(PROPERTY);
        if (override == null || override.isBlank()) {
            override = System.getenv(ENVIRONMENT);
        }
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        return Path.of(ProjectDirectories.from("dev", "tern", "Tern").configDir);
    }
}
