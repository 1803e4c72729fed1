package dev.tern.transport.screen;

import java.util.List;

/**
 * What {@link FrameRenderer#render} produces.
 *
 * @param bytes       the terminal output (as a Java string of code points; encode as UTF-8) that turns a view
 *                    showing the old frame into one showing the new frame
 * @param scrolledOff rows of the old frame, top first, that the output pushes off the top of the screen by
 *                    scrolling (client role only; always empty in the server role). A view that keeps its own
 *                    scrollback appends these, in order, to its history; they are frozen and safe to keep.
 */
public record RenderResult(String bytes, List<Row> scrolledOff) {
    public RenderResult {
        scrolledOff = List.copyOf(scrolledOff);
    }
}
