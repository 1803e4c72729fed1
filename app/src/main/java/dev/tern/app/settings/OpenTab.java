package dev.tern.app.settings;

import dev.tern.app.profile.ConnectionKind;

/**
 * A tab to reopen on the next start: a saved profile by id, or an unsaved one (quick connect, new local tab) by its
 * kind and {@code user@host:port}. Never a secret.
 *
 * @param profileId the saved profile's id, or null for an unsaved tab
 * @param kind      for unsaved tabs
 * @param target    for unsaved remote tabs: what was typed into quick connect
 */
public record OpenTab(String profileId, ConnectionKind kind, String target) {

    public static OpenTab saved(String profileId) {
        return new OpenTab(profileId, null, null);
    }

    public static OpenTab unsaved(ConnectionKind kind, String target) {
        return new OpenTab(null, kind, target == null ? "" : target);
    }
}
