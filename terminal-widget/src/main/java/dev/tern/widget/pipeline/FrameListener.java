package dev.tern.widget.pipeline;

import dev.tern.transport.screen.Framebuffer;

/** Told about every frame handed to the widget, on the pipeline's thread (title, bell, focus-event mode). */
public interface FrameListener {
    void frameShown(Framebuffer frame);

    /** Drawing a frame failed (a bug, not bad input); the pipeline carries on with a full redraw. */
    default void frameFailed(RuntimeException error) {
    }
}
