package dev.tern.transport.predict;

import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;

import java.util.Objects;
import java.util.Optional;

/**
 * Mosh's {@code OverlayManager} plus the client-loop glue around it: turns the newest server frame into the
 * frame to display (predictions judged and drawn, expired messages dropped, the notification bar if wanted, the
 * title prefix) and routes typed bytes to the prediction engine with the frame last displayed.
 *
 * <p>Use from the session's thread. A GUI that shows {@link #notice()} as a banner turns the drawn bar off
 * ({@link #setDrawBar}); a CLI keeps it, as mosh does.
 */
public final class OverlayComposer {
    /** Mosh's window-title prefix (unless {@code MOSH_TITLE_NOPREFIX} is set). */
    public static final String MOSH_TITLE_PREFIX = "[mosh] ";

    private final PredictionEngine predictions;
    private final NoticeBoard notices;
    private volatile boolean drawBar = true;
    private volatile String titlePrefix = MOSH_TITLE_PREFIX;
    private Framebuffer lastDrawn;

    public OverlayComposer(MillisClock clock, PredictionSettings settings) {
        this.predictions = new PredictionEngine(clock, settings);
        this.notices = new NoticeBoard(clock);
    }

    public PredictionEngine predictions() {
        return predictions;
    }

    public NoticeBoard notices() {
        return notices;
    }

    /** Changes prediction mode or overwrite while connected. */
    public void setSettings(PredictionSettings settings) {
        predictions.setSettings(settings);
    }

    public void setDrawBar(boolean drawBar) {
        this.drawBar = drawBar;
    }

    /** The window-title prefix; empty for none. */
    public void setTitlePrefix(String prefix) {
        this.titlePrefix = Objects.requireNonNull(prefix, "prefix");
    }

    /**
     * What a newly received server state tells the overlays (mosh stmclient after each receive).
     *
     * @param heardAt        receive time of the newest server state (clock millis)
     * @param ackedSentAt    send time of the newest client state the server acknowledged (clock millis)
     * @param ackedState     number of that client state
     * @param sendInterval   the transport's send interval in ms
     * @param echoAck        the newest server state's echo ack
     */
    public void serverUpdate(long heardAt, long ackedSentAt, long ackedState, int sendInterval, long echoAck) {
        notices.heardFromServer(heardAt);
        notices.serverAcknowledged(ackedSentAt);
        predictions.setLocalFrameAcked(ackedState);
        predictions.setSendInterval(sendInterval);
        predictions.setLocalFrameLateAcked(echoAck);
    }

    /**
     * One read of typed bytes, before they are queued for the server.
     *
     * @param sentState number of the newest client state already sent (these bytes go in a later one)
     * @param serverFrame the newest server frame, used only if nothing has been displayed yet
     */
    public void userInput(byte[] bytes, long sentState, Framebuffer serverFrame) {
        predictions.setLocalFrameSent(sentState);
        predictions.newUserInput(bytes, lastDrawn != null ? lastDrawn : serverFrame);
    }

    /** The frame to display for the newest server frame. */
    public Framebuffer compose(Framebuffer serverFrame) {
        return compose(FrameCanvas.over(serverFrame));
    }

    /** Like {@link #compose(Framebuffer)}, drawing on a copy of the server state's emulator (keeps row identity). */
    public Framebuffer compose(Emulator serverState) {
        return compose(FrameCanvas.over(serverState));
    }

    private Framebuffer compose(FrameCanvas canvas) {
        predictions.cull(canvas.base());
        predictions.apply(canvas);
        if (drawBar) {
            notices.notice().ifPresent(notice -> NoticeBar.draw(canvas, notice.text()));
        }
        if (!titlePrefix.isEmpty()) {
            canvas.prefixTitle(titlePrefix);
        }
        lastDrawn = canvas.result();
        return lastDrawn;
    }

    /** The connection notice as data, for a banner. */
    public Optional<Notice> notice() {
        return notices.notice();
    }

    /** Local window resize: predictions are dropped (the frame keeps its size until the server's arrives). */
    public void localResize() {
        predictions.reset();
    }

    /** Milliseconds until the overlays need a redraw even without news, or {@link Integer#MAX_VALUE}. */
    public int waitTime() {
        return Math.min(notices.millisUntilChange(), predictions.waitTime());
    }
}
