package dev.tern.transport.ssh;

/** The steps of bringing a session up, in order, for a progress display. */
public enum ConnectStage {
    RESOLVING("Resolving host name"),
    CONNECTING("Connecting"),
    AUTHENTICATING("Authenticating"),
    STARTING_MOSH_SERVER("Starting mosh-server"),
    /** Reported by the Mosh session code, after the bootstrap: the UDP path is being tried. */
    WAITING_FOR_UDP_REPLY("Waiting for the first UDP reply"),
    /** The SSH login is done (a Mosh tab goes on with STARTING_MOSH_SERVER). */
    LOGGED_IN("Logged in");

    private final String label;

    ConnectStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
