package dev.tern.widget.pipeline;

import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Row;

import java.util.List;

/**
 * What a {@link ScreenSource} has to show now.
 *
 * @param screen          an immutable snapshot
 * @param scrolledOff     rows that left the top of the screen since the previous frame, oldest first (exact history;
 *                        empty for sources that only know frames)
 * @param clearHistory    the program asked to clear the scrollback before those rows
 * @param alternateScreen a full-screen program is using the alternate screen
 * @param applicationCursorKeys send arrow keys in their application (SS3) form
 */
public record SourceFrame(Framebuffer screen, List<Row> scrolledOff, boolean clearHistory, boolean alternateScreen,
                          boolean applicationCursorKeys) {
    public SourceFrame {
        scrolledOff = List.copyOf(scrolledOff);
    }
}
