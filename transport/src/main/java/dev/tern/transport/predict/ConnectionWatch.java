package dev.tern.transport.predict;

import java.util.Objects;

/**
 * Mosh-client's connecting notices: "Nothing received from server on UDP port N." once 250 ms pass without any
 * server state (refreshed every loop, so it lasts while the silence does), cleared by the first state, and
 * "Timed out waiting for server..." (permanent) after 15 s, when the session should shut down.
 */
public final class ConnectionWatch {
    static final long NOTICE_AFTER = 250;
    public static final long CONNECT_TIMEOUT = 15_000;

    private final NoticeBoard notices;
    private final String connectingMessage;

    public ConnectionWatch(NoticeBoard notices, int serverPort) {
        this.notices = Objects.requireNonNull(notices, "notices");
        this.connectingMessage = "Nothing received from server on UDP port " + serverPort + ".";
    }

    /**
     * Run once per loop iteration.
     *
     * @param now                 the notice board's clock
     * @param anyStateReceived    whether a server state (number ≠ 0) has arrived
     * @param sinceTime           receive time of the newest server state, or the session start before any
     * @param shuttingDown        the session is already shutting down
     * @return true when the session has waited too long and should shut down
     */
    public boolean check(long now, boolean anyStateReceived, long sinceTime, boolean shuttingDown) {
        if (!anyStateReceived && !shuttingDown && now - sinceTime > NOTICE_AFTER) {
            if (now - sinceTime > CONNECT_TIMEOUT) {
                notices.show("Timed out waiting for server...", true, true);
                return true;
            }
            notices.show(connectingMessage);
        } else if (anyStateReceived && notices.messageShown().equals(connectingMessage)) {
            notices.clear();
        }
        return false;
    }

    public String connectingMessage() {
        return connectingMessage;
    }
}
