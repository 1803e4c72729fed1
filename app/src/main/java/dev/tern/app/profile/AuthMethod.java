package dev.tern.app.profile;

/** How the SSH login proves who the user is. */
public enum AuthMethod {
    AGENT("SSH agent"),
    KEY_FILE("Key file"),
    PASSWORD("Password"),
    KEYBOARD_INTERACTIVE("Keyboard-interactive");

    private final String label;

    AuthMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
