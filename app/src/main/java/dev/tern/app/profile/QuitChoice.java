package dev.tern.app.profile;

/** What quitting Tern does with Mosh sessions that can be kept for the next start. */
public enum QuitChoice {
    /** Ask each time (the question offers to remember the answer). */
    ASK("Ask each time"),
    /** Let go of them: their servers keep running, and the next start takes them up again. */
    KEEP("Keep sessions for next time"),
    /** End them, and their servers with them. */
    END("End all sessions");

    private final String label;

    QuitChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
