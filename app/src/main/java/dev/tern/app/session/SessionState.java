package dev.tern.app.session;

/** Where a tab's session is, for its icon, its status dot in the sidebar and the close confirmation. */
public enum SessionState {
    /**
     * A tab restored in the background whose session starts the first time the tab is shown (local and SSH tabs:
     * a new shell either way, so nothing is lost by waiting, and nothing is paid for a tab never looked at).
     */
    WAITING("Starts when shown"),
    CONNECTING("Connecting"),
    /** A Mosh session taken up again from its journal: its saved screen shows until the server answers. */
    RESUMING("Resuming"),
    CONNECTED("Connected"),
    CONTACT_LOST("Contact lost"),
    FAILED("Failed"),
    CLOSED("Closed");

    private final String label;

    SessionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Closing the tab would end something the user may still want. */
    public boolean isLive() {
        return this == CONNECTING || this == RESUMING || this == CONNECTED || this == CONTACT_LOST;
    }
}
