package dev.tern.transport.predict;

/**
 * How notices name the escape key (mosh stmclient): control keys as {@code Ctrl-X}, printable keys in double
 * quotes. Gives the quit hint and the escape-key help text.
 */
public record EscapeKey(int key) {
    /** Mosh's default, Ctrl-^ (0x1E). */
    public static final EscapeKey DEFAULT = new EscapeKey(0x1E);

    public EscapeKey {
        if (key < 1 || key > 127) {
            throw new IllegalArgumentException("escape key must be an ASCII character 1..127: " + key);
        }
    }

    /** The key typed after the escape key to send the escape key itself: the control's letter, or the key. */
    public char passKey() {
        return key < 32 ? (char) (key + '@') : (char) key;
    }

    public String name() {
        return key < 32 ? "Ctrl-" + passKey() : "\"" + (char) key + "\"";
    }

    /** {@code " [To quit: Ctrl-^ .]"}, with its leading space. */
    public String quitHint() {
        return " [To quit: " + name() + " .]";
    }

    /** The message shown while the escape key is pending (without quit hint). */
    public String help() {
        return "Commands: Ctrl-Z suspends, \".\" quits, \"" + passKey() + "\" gives literal " + name();
    }
}
