package dev.tern.widget.connect;

import dev.tern.transport.session.SessionJournals;

/**
 * Whether a Mosh tab keeps a journal of its session, so that Tern can take the session up again after it quit,
 * crashed or the machine restarted; and which saved session, if any, the tab takes up instead of starting one.
 *
 * @param journals where journals are kept; null for a tab that keeps none
 * @param resumeId the saved session to take up again; null to start a new one
 */
public record SessionKeeping(SessionJournals journals, String resumeId) {
    /** No journal: the session ends with the process that drives it. */
    public static final SessionKeeping NONE = new SessionKeeping(null, null);

    public SessionKeeping {
        if (resumeId != null && journals == null) {
            throw new IllegalArgumentException("a session is resumed from a folder of journals");
        }
    }

    public static SessionKeeping in(SessionJournals journals) {
        return new SessionKeeping(journals, null);
    }

    public SessionKeeping resuming(String id) {
        return new SessionKeeping(journals, id);
    }

    /** The same folder, starting a new session (the saved one was given up). */
    public SessionKeeping fresh() {
        return new SessionKeeping(journals, null);
    }

    public boolean resumes() {
        return resumeId != null;
    }
}
