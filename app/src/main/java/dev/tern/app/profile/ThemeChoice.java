package dev.tern.app.profile;

/** The app's light/dark look. */
public enum ThemeChoice {
    FOLLOW_SYSTEM("Follow the system"),
    DARK("Dark"),
    LIGHT("Light");

    private final String label;

    ThemeChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
