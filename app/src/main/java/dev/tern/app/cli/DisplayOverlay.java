package dev.tern.app.cli;

import dev.tern.transport.screen.Framebuffer;
import java.time.Instant;

/**
 * What the client draws over the server's screen before showing it (predictions, the notification bar, the
 * title prefix), mosh's overlay step. The server frame is never modified: an overlay returns a new frame.
 */
interface DisplayOverlay {
    Framebuffer apply(Framebuffer serverFrame, Instant now);

    /** No overlay: show the server's screen as it is. */
    DisplayOverlay NONE = (frame, now) -> frame;
}
