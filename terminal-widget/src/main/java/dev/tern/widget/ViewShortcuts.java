package dev.tern.widget;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.function.Predicate;

/**
 * The terminal view's own keys. Everything else a key press does goes to the remote program, byte for byte as in
 * xterm, so these use Ctrl+Shift (which xterm sends the same as Ctrl alone) or keys that xterm also keeps for
 * itself (Shift+PgUp/PgDn scroll, Shift+Insert pastes). Zoom takes Ctrl with +, − and 0, as browsers and other
 * terminals do.
 */
public final class ViewShortcuts {
    public static final KeyCombination COPY = ctrlShift(KeyCode.C);
    public static final KeyCombination PASTE_KEYS = ctrlShift(KeyCode.V);
    public static final KeyCombination PASTE_INSERT = new KeyCodeCombination(KeyCode.INSERT,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination SELECT_ALL = ctrlShift(KeyCode.A);
    public static final KeyCombination FIND = ctrlShift(KeyCode.F);
    public static final KeyCombination PAGE_UP = new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination PAGE_DOWN = new KeyCodeCombination(KeyCode.PAGE_DOWN,
            KeyCombination.SHIFT_DOWN);

    static final Predicate<KeyEvent> PASTE = e -> PASTE_KEYS.match(e) || PASTE_INSERT.match(e);
    /** Ctrl and = or + (Shift+= on most layouts). */
    static final Predicate<KeyEvent> ZOOM_IN = e -> zoomKey(e, KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD);
    /** Ctrl and − without Shift: Ctrl+Shift+− is Ctrl+_ (US, 0x1f), which programs such as emacs use. */
    static final Predicate<KeyEvent> ZOOM_OUT = e -> !e.isShiftDown() && zoomKey(e, KeyCode.MINUS, KeyCode.SUBTRACT);
    static final Predicate<KeyEvent> ZOOM_RESET = e -> !e.isShiftDown() && zoomKey(e, KeyCode.DIGIT0,
            KeyCode.NUMPAD0);

    private ViewShortcuts() {
    }

    private static KeyCombination ctrlShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private static boolean zoomKey(KeyEvent e, KeyCode... codes) {
        if (!e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        for (KeyCode code : codes) {
            if (e.getCode() == code) {
                return true;
            }
        }
        return false;
    }
}
