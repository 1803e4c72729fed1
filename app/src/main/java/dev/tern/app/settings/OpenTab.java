package dev.tern.app.settings;

import dev.tern.app.profile.ConnectionKind;

/**
 * A tab to reopen on the next start: a saved profile by id, or an unsaved one (quick connect, new local tab) by its
 * kind and {@code user@host:port}; for a Mosh tab, the journal its session is kept in, so that the tab takes up the
 * same session again. Never a secret (the journal is sealed under a key of its own).
 *
 * @param profileId the saved profile's id, or null for an unsaved tab
 * @param kind      for unsaved tabs
 * @param target    for unsaved remote tabs: what was typed into quick connect
 * @param sessionId the session journal's id (see {@code SessionJournals}), or null to start a new session
 */
public record OpenTab(String profileId, ConnectionKind kind, String target, String sessionId) {
    public OpenTab {
        sessionId = sessionId == null || sessionId.isBlank() ? null : sessionId;
    }

    public OpenTab(String profileId, ConnectionKind kind, String target) {
        this(profileId, kind, target, null);
    }

    public static OpenTab saved(String profileId) {
        return new OpenTab(profileId, null, null);
    }

    public static OpenTab unsaved(ConnectionKind kind, String target) {
        return new OpenTab(null, kind, target == null ? "" : target);
    }

    /** The same tab, kept in the session journal {@code id} (none when null or empty). */
    public OpenTab withSessionId(String id) {
        return new OpenTab(profileId, kind, target, id);
    }
}
