package dev.tern.app.profile;

import java.util.List;

/**
 * What loading the profiles file found.
 *
 * @param notices  messages for the user, most important first (a file moved aside, an upgrade, ...); empty when all
 *                 was well
 * @param problem  true when something went wrong that the user must know about (show as a warning, not a note)
 * @param readOnly saving is refused, so nothing the user cannot see gets overwritten (file from a newer Tern, or
 *                 unreadable)
 */
public record LoadReport(ProfilesDocument document, List<String> notices, boolean problem, boolean readOnly) {
    public LoadReport {
        notices = List.copyOf(notices);
    }
}
