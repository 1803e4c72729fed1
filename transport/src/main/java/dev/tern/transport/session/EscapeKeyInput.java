package dev.tern.transport.session;

import dev.tern.transport.predict.EscapeKey;

import java.io.ByteArrayOutputStream;

/**
 * The escape key's rules for typed input, the one owner for the CLI and the widget's Mosh tabs: by default Ctrl-^,
 * then {@code .} quits, Ctrl-Z suspends, {@code ^} sends a literal Ctrl-^ and any other byte sends the escape byte
 * followed by that byte. {@code MOSH_ESCAPE_KEY} can choose another key (one ASCII character) or disable it (empty
 * string). A printable escape key only counts right after CR or LF. A client that can resume its sessions turns on
 * {@link #withDetach()}: then the escape key followed by {@code d} detaches. Not thread-safe: one input thread feeds
 * it.
 */
public final class EscapeKeyInput {
    private static final int DEFAULT_KEY = EscapeKey.DEFAULT.key();
    private static final int CTRL_Z = 0x1A;

    /** What the client should do with a chunk of typed bytes. */
    public enum Action { NONE, QUIT, SUSPEND, DETACH }

    /** Bytes to send to the server, and an action the escape key asked for (at most one per chunk). */
    public record Result(byte[] toSend, Action action, boolean helpShown) {
    }

    private final int key;          // -1 when disabled
    private final int passKey;
    private boolean detachKey;
    private boolean pending;
    private boolean afterNewline = true;

    private EscapeKeyInput(int key) {
        this.key = key;
        this.passKey = key < 0 ? -1 : key < 32 ? key + 64 : key;
    }

    /** Mosh's default, Ctrl-^. */
    public static EscapeKeyInput standard() {
        return new EscapeKeyInput(DEFAULT_KEY);
    }

    /** The escape key chosen by {@code MOSH_ESCAPE_KEY} (null: not set), following mosh's rules. */
    public static EscapeKeyInput fromEnvironment(String value) {
        if (value == null) {
            return new EscapeKeyInput(DEFAULT_KEY);
        }
        if (value.isEmpty()) {
            return new EscapeKeyInput(-1);
        }
        if (value.length() != 1) {
            return new EscapeKeyInput(DEFAULT_KEY);
        }
        int c = value.charAt(0);
        boolean refused = c == 0x03 || c == 0x04 || c == '\n' || c == 0x0C || c == '\r';
        return new EscapeKeyInput(c < 1 || c > 127 || refused ? DEFAULT_KEY : c);
    }

    /** This input, where the escape key followed by {@code d} detaches (the session stays on the server). */
    public EscapeKeyInput withDetach() {
        detachKey = true;
        return this;
    }

    /** How the quit hint names the key: {@code Ctrl-^} for a control key, {@code "x"} for a printable one. */
    public String name() {
        return key < 0 ? "" : forNotices().name();
    }

    /** The key as the notification engine names it (the default key when the escape key is disabled). */
    public EscapeKey forNotices() {
        return key < 0 ? EscapeKey.DEFAULT : new EscapeKey(key);
    }

    public boolean enabled() {
        return key >= 0;
    }

    /** The help text shown while the escape key is pending. */
    public String helpText() {
        return detachKey ? forNotices().help() + ", \"d\" detaches" : forNotices().help();
    }

    public boolean pending() {
        return pending;
    }

    /** Feeds typed bytes through the escape-key logic. */
    public Result feed(byte[] typed, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 1);
        Action action = Action.NONE;
        for (int i = 0; i < length; i++) {
            int b = typed[i] & 0xFF;
            if (pending) {
                pending = false;
                if (b == '.') {
                    return new Result(out.toByteArray(), Action.QUIT, false);
                } else if (b == 'd' && detachKey) {
                    return new Result(out.toByteArray(), Action.DETACH, false);
                } else if (b == CTRL_Z) {
                    action = Action.SUSPEND;
                } else if (b == passKey || (Character.isUpperCase(passKey) && b == Character.toLowerCase(passKey))
                        || b == key) {
                    out.write(key);
                } else {
                    out.write(key);
                    out.write(b);
                }
            } else if (key >= 0 && b == key && (key < 32 || afterNewline)) {
                pending = true;
            } else {
                out.write(b);
            }
            afterNewline = b == '\r' || b == '\n';
        }
        return new Result(out.toByteArray(), action, pending);
    }
}
