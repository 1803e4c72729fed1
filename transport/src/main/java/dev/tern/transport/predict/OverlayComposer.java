package dev.tern.transport.predict;

import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;

import java.util.Objects;
import java.util.Optional;

/**
 * Turns the newest server frame into the frame to display (guesses judged and drawn, expired messages dropped,
 * the notification bar if wanted, the title prefix) and routes typed bytes to the {@link EchoPredictor} with the
 * frame last displayed.
 *
 * <p>Use from the session's thread. A GUI that shows {@link #notice()} as a banner turns the drawn bar off
 * ({@link #setDrawBar}); a CLI keeps it, as mosh does.
 */
public final class OverlayComposer {
    /** Mosh's window-title prefix (unless {@code MOSH_TITLE_NOPREFIX} is set). */
    public static final String MOSH_TITLE_PREFIX = "[mosh] ";

    private final EchoPredictor predictions;
    private final NoticeBoard notices;
    private volatile boolean drawBar = true;
    private volatile String titlePrefix = MOSH_TITLE_PREFIX;
    private Framebuffer lastDrawn;

    public OverlayComposer(MillisClock clock, PredictionSettings settings) {
        this.predictions = new EchoPredictor(clock, settings);
        this.notices = new NoticeBoard(clock);
    }

    public EchoPredictor predictions() {
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
     * What a newly received server state tells the overlays.
     *
     * @param heardAt       receive time of the newest server state (clock millis)
     * @param ackedSentAt   send time of the newest client state the server acknowledged (clock millis)
     * @param ackedState    number of that client state (guesses wait for the echo ack instead, so unused here)
     * @param frameInterval the transport's frame interval in ms
     * @param echoAck       the newest server state's echo ack
     */
    public void serverUpdate(long heardAt, long ackedSentAt, long ackedState, int frameInterval, long echoAck) {
        notices.heardFromServer(heardAt);
        notices.serverAcknowledged(ackedSentAt);
        predictions.frameInterval(frameInterval);
        predictions.echoAck(echoAck);
    }

    /**
     * One read of typed bytes, before they are queued for the server.
     *
     * @param sentState number of the newest client state already sent (these bytes go in a later one)
     * @param serverFrame the newest server frame, used only if nothing has been displayed yet
     */
    public void userInput(byte[] bytes, long sentState, Framebuffer serverFrame) {
        predictions.lastSentState(sentState);
        predictions.typed(bytes, lastDrawn != null ? lastDrawn : serverFrame);
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
        predictions.judge(canvas.base());
        predictions.drawOn(canvas);
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

    /** Local window resize: guesses are dropped (the frame keeps its size until the server's arrives). */
    public void localResize() {
        predictions.startOver();
    }

    /** Milliseconds until the overlays need a redraw even without news, or {@link Integer#MAX_VALUE}. */
    public int millisUntilRedraw() {
        return Math.min(notices.millisUntilChange(), predictions.millisUntilRecheck());
    }
}
