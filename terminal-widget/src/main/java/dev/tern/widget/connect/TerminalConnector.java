package dev.tern.widget.connect;

import dev.tern.transport.screen.Framebuffer;
import dev.tern.widget.keys.KeyEncoder;

/**
 * One tab's link to a program: a local shell, an SSH shell channel or a Mosh session. Connectors never touch
 * JavaFX; they report through a {@link ConnectorListener} from their own threads.
 */
public interface TerminalConnector extends AutoCloseable {
    /** Shown in thread names and as the first title of the tab. */
    String name();

    /** Whether a frame connector's history is filled from a recording of the session (docs/ARCHITECTURE.md §13). */
    default boolean recordsHistory() {
        return false;
    }

    /** True if the connector delivers whole screens ({@link ConnectorListener#frame}) instead of a byte stream. */
    default boolean deliversFrames() {
        return false;
    }

    /**
     * The key modes to encode keys with, given the screen shown last: the modes the remote program set, as a
     * terminal directly attached to it sees them.
     */
    default KeyEncoder.Modes keyModes(Framebuffer shown) {
        return new KeyEncoder.Modes(shown.applicationCursorKeys(), shown.applicationKeypad());
    }

    /**
     * Starts connecting in the background and returns at once. The initial size is a hint; a {@link #resize}
     * follows as soon as the view is laid out.
     */
    void start(int columns, int rows, ConnectorListener listener);

    /** User input (keys, paste, mouse and focus reports). May block while the remote side is slow to read. */
    void send(byte[] input) throws java.io.IOException;

    /** The view now has this many cells. */
    void resize(int columns, int rows);

    /** Ends the connection; {@link ConnectorListener#ended} follows. Idempotent. */
    @Override
    void close();
}
