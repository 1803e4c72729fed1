package dev.tern.transport.session;

/** Why a session ended, with a sentence for the user. */
public record CloseReason(Kind kind, String message) {
    public enum Kind {
        /** We asked to quit and the server acknowledged: the server has exited. */
        USER_QUIT,
        /** We asked to quit but the server never acknowledged; it may still be running. */
        USER_QUIT_UNACKNOWLEDGED,
        /** The server ended the session, normally because the remote shell exited. */
        SERVER_ENDED,
        /** No server state ever arrived. */
        NEVER_CONNECTED,
        /** A local failure (sockets, cipher limits). */
        ERROR,
        /** We let go of the session on purpose: the server runs on and the journal is kept for a resume. */
        DETACHED,
        /** A saved session could not be taken up again: the server is gone or no longer has our states. */
        RESUME_FAILED
    }

    public boolean clean() {
        return kind == Kind.USER_QUIT || kind == Kind.SERVER_ENDED || kind == Kind.DETACHED;
    }

    static CloseReason detached() {
        return new CloseReason(Kind.DETACHED, "Detached; the session goes on on the server.");
    }

    static CloseReason serverSilentOnResume(String server, int port) {
        return new CloseReason(Kind.RESUME_FAILED, "The saved session's server (" + server + ", UDP port " + port
                + ") did not answer: it has most likely ended (its mosh-server was stopped, or the host restarted). "
                + "If the network is down, try again later; otherwise start a new session.");
    }

    static CloseReason serverForgotOurState(String server, int port) {
        return new CloseReason(Kind.RESUME_FAILED, "The server (" + server + ", UDP port " + port + ") answered, but "
                + "it no longer has the screen this journal saved, so the session cannot be taken up again. Start a "
                + "new session (the old mosh-server may still be running there).");
    }

    static CloseReason userQuit() {
        return new CloseReason(Kind.USER_QUIT, "Session closed.");
    }

    static CloseReason userQuitUnacknowledged() {
        return new CloseReason(Kind.USER_QUIT_UNACKNOWLEDGED,
                "mosh did not shut down cleanly. The mosh-server process may still be running on the server.");
    }

    static CloseReason serverEnded() {
        return new CloseReason(Kind.SERVER_ENDED, "The remote session ended (the shell exited).");
    }

    static CloseReason neverConnected(String server, int port) {
        // nearly always a firewall or a missing UDP forward, since SSH (TCP) got through to start the server
        return new CloseReason(Kind.NEVER_CONNECTED, "Nothing received from server on UDP port " + port + " (" + server
                + "). Open UDP port " + port + " in the server's firewall (e.g. 'sudo ufw allow " + port
                + "/udp'), and if the server is behind NAT or a relay, forward that UDP port to it and set the "
                + "profile's UDP host/port to the forwarded address.");
    }

    static CloseReason error(String what) {
        return new CloseReason(Kind.ERROR, what);
    }
}
