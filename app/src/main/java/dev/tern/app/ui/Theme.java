package dev.tern.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tern.app.profile.ThemeChoice;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;

/** The AtlantaFX base theme (dark or light, or following the OS) plus Tern's own stylesheet. */
public final class Theme {
    public static final String STYLESHEET = Objects.requireNonNull(Theme.class.getResource("tern.css"))
            .toExternalForm();

    private Theme() {
    }

    public static void apply(ThemeChoice choice, Scene scene) {
        boolean dark = switch (choice) {
            case DARK -> true;
            case LIGHT -> false;
            case FOLLOW_SYSTEM -> systemIsDark();
        };
        Application.setUserAgentStylesheet(baseStylesheet(dark));
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        scene.getRoot().getStyleClass().removeAll("dark", "light");
        scene.getRoot().getStyleClass().add(dark ? "dark" : "light");
    }

    /**
     * Sets the base theme a "follow the system" window would get, before the first control is made: the first control
     * otherwise makes JavaFX parse its own default stylesheet (Modena), which {@link #apply} then replaces, a cost
     * paid before the first frame. {@link #apply} with the user's choice follows.
     */
    public static void preset() {
        Application.setUserAgentStylesheet(baseStylesheet(systemIsDark()));
    }

    private static String baseStylesheet(boolean dark) {
        return dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** Re-applies the theme when the OS switches between light and dark while "follow the system" is chosen. */
    public static void followSystem(java.util.function.Supplier<ThemeChoice> choice, Scene scene) {
        Platform.getPreferences().colorSchemeProperty().addListener((obs, old, scheme) -> {
            if (choice.get() == ThemeChoice.FOLLOW_SYSTEM) {
                apply(ThemeChoice.FOLLOW_SYSTEM, scene);
            }
        });
    }

    private static boolean systemIsDark() {
        try {
            // a terminal app looks best dark; only an OS that says "light" gets light
            return Platform.getPreferences().getColorScheme() != ColorScheme.LIGHT;
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }
}
