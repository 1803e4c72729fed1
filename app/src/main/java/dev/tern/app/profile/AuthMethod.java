package dev.tern.app.profile;

/** How the SSH login proves who the user is. */
public enum AuthMethod {
    /**
     * What OpenSSH does with no options: the agent's keys when one runs, then ~/.ssh/config's or the default key
     * files (asking for a passphrase), then keyboard-interactive and password. The default: a new user's host
     * works as it does with {@code ssh}, without choosing anything.
     */
    AUTOMATIC("Automatic"),
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
