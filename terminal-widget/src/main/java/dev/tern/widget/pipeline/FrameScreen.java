package dev.tern.widget.pipeline;

import dev.tern.transport.screen.Framebuffer;

import java.util.List;

/**
 * The newest frame of a Mosh session (server state with prediction overlays already applied by the session).
 * Mosh never sends history, so the only scrollback is what the renderer's scroll detection pushes into the widget.
 */
public final class FrameScreen implements ScreenSource {
    private volatile Framebuffer latest;
    private final Runnable changed;

    public FrameScreen(int columns, int rows, Runnable changed) {
        this.latest = new Framebuffer(columns, rows);
        this.changed = changed;
    }

    /** Called on the session's thread with an immutable snapshot. */
    public void show(Framebuffer frame) {
        latest = frame;
        changed.run();
    }

    @Override
    public SourceFrame takeFrame() {
        // mosh-client puts the user's terminal in application cursor-key mode for the whole session and lets the
        // server translate (docs/TERMINAL.md §5.2), because the remote DECCKM state is never transmitted
        return new SourceFrame(latest, List.of(), false, false, true);
    }

    @Override
    public boolean exactHistory() {
        return false;
    }
}
