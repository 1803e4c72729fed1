package dev.tern.widget.keys;

import javafx.scene.Node;
import javafx.scene.input.KeyEvent;

import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Turns the window's key events into the bytes a terminal sends, with {@link KeyEncoder}, before JediTermFX sees
 * them: its own key handling sends NUL for a modifier pressed alone and misses most modified keys.
 *
 * <p>Installed as an event filter on a parent of JediTermFX's canvas, so it runs first. A press that the view's
 * shortcuts claim (copy, paste, search…) goes to them; every other press and typed character is consumed here.
 * JavaFX reports a character key twice, as a press and then as typed text: a press that already sent bytes (Ctrl
 * and Alt combinations, named keys) swallows the typed event that follows it; a plain character is sent from the
 * typed event, which is the one that carries dead keys and input-method text.
 */
public final class TerminalKeys {
    private final Supplier<KeyEncoder.Modes> modes;
    private final Predicate<KeyEvent> shortcuts;
    private final Consumer<byte[]> sink;
    private boolean swallowTyped;

    /**
     * @param modes     the key modes the remote program set last
     * @param shortcuts runs the view's shortcut for a key press and says whether there was one
     * @param sink      where the encoded bytes go (the FX thread calls it; it must not block)
     */
    public TerminalKeys(Supplier<KeyEncoder.Modes> modes, Predicate<KeyEvent> shortcuts, Consumer<byte[]> sink) {
        this.modes = modes;
        this.shortcuts = shortcuts;
        this.sink = sink;
    }

    /**
     * @param parentOfCanvas a parent of the canvas, whose filters run before JediTermFX's own on the canvas
     * @param canvas         the terminal's canvas: keys aimed elsewhere (the search bar's field) pass untouched
     */
    public void installOn(Node parentOfCanvas, Node canvas) {
        parentOfCanvas.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() == canvas) {
                pressed(e);
            }
        });
        parentOfCanvas.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (e.getTarget() == canvas) {
                typed(e);
            }
        });
        parentOfCanvas.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getTarget() == canvas) {
                e.consume();
            }
        });
    }

    private void pressed(KeyEvent e) {
        swallowTyped = false;
        if (shortcuts.test(e)) {
            swallowTyped = true;
            e.consume();
            return;
        }
        KeyEncoder.Stroke stroke = new KeyEncoder.Stroke(e.getCode(), e.getText(), e.isShiftDown(),
                e.isControlDown(), e.isAltDown());
        byte[] bytes = KeyEncoder.pressed(stroke, modes.get());
        if (bytes != null) {
            swallowTyped = true;
            if (bytes.length > 0) {
                sink.accept(bytes);
            }
        }
        e.consume();
    }

    private void typed(KeyEvent e) {
        e.consume();
        if (swallowTyped) {
            swallowTyped = false;
            return;
        }
        if (e.isControlDown() != e.isAltDown() || (e.isShortcutDown() && !e.isControlDown())) {
            // the text of a Ctrl, Alt or (macOS) Command combination whose press went elsewhere (a window shortcut
            // such as Ctrl+Shift+T); Ctrl and Alt together are AltGr on Windows, which types characters; Super
            // on Linux changes nothing, as in xterm
            return;
        }
        byte[] bytes = KeyEncoder.typed(e.getCharacter());
        if (bytes.length > 0) {
            sink.accept(bytes);
        }
    }
}
