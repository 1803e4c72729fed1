package dev.tern.widget.pipeline;

import dev.tern.transport.screen.Framebuffer;

import java.util.List;

/**
 * The newest frame of a Mosh session (server state with prediction overlays already applied by the session).
 * Mosh never sends history: the scrollback is what the renderer's scroll detection pushes into the widget, merged by
 * {@link MoshHistory} with the session's recording.
 */
public final class FrameScreen implements ScreenSource {
    private volatile Framebuffer latest;
    private final Runnable changed;
    private final MoshHistory history;

    public FrameScreen(int columns, int rows, Runnable changed) {
        this(columns, rows, MoshHistory.unrecorded("no recording"), changed);
    }

    /** @param history where the tab's history comes from (see {@link MoshHistory}) */
    public FrameScreen(int columns, int rows, MoshHistory history, Runnable changed) {
        this.latest = new Framebuffer(columns, rows);
        this.history = history;
        this.changed = changed;
    }

    /** The session's recording moved on: a frame is due even if the screen did not change, to merge it. */
    public void recordingChanged() {
        changed.run();
    }

    @Override
    public MoshHistory moshHistory() {
        return history;
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
