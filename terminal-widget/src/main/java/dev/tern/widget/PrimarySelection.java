package dev.tern.widget;

import com.techsenger.jeditermfx.ui.TerminalPanel;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import java.awt.Toolkit;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.util.Optional;

/**
 * The X PRIMARY selection: what was last selected in any X program, pasted with a middle click. JavaFX has no API
 * for it, so it is read through AWT's system selection (null on Windows and macOS, which have none).
 */
final class PrimarySelection {
    private PrimarySelection() {
    }

    static Optional<String> read() {
        try {
            Clipboard selection = Toolkit.getDefaultToolkit().getSystemSelection();
            if (selection == null || !selection.isDataFlavorAvailable(DataFlavor.stringFlavor)) {
                return Optional.empty();
            }
            return Optional.ofNullable((String) selection.getData(DataFlavor.stringFlavor));
        } catch (Exception | LinkageError e) {
            // no X display, a headless JVM, or the owner went away mid-transfer: nothing to paste
            return Optional.empty();
        }
    }

    /** A middle click pastes, unless the remote program asked for mouse reports (it then gets the click). */
    static void pasteOnMiddleClick(TerminalPanel panel, Runnable paste) {
        panel.getCanvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.MIDDLE && panel.isLocalMouseAction(e)) {
                paste.run();
                e.consume();
            }
        });
    }
}
