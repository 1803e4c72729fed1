package dev.tern.app.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything in the profiles file: its schema version, the app settings and the profiles, in sidebar order. */
public record ProfilesDocument(int schemaVersion, AppSettings settings, List<Profile> profiles) {
    public static final int CURRENT_SCHEMA = 3;

    public ProfilesDocument {
        settings = settings == null ? AppSettings.DEFAULTS : settings;
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }

    public static ProfilesDocument empty() {
        return new ProfilesDocument(CURRENT_SCHEMA, AppSettings.DEFAULTS, List.of());
    }

    public Optional<Profile> find(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** This document with {@code profile} replacing the one of the same id, or appended. */
    public ProfilesDocument withProfile(Profile profile) {
        List<Profile> next = new ArrayList<>(profiles);
        int index = indexOf(profile.id());
        if (index >= 0) {
            next.set(index, profile);
        } else {
            next.add(profile);
        }
        return new ProfilesDocument(CURRENT_SCHEMA, settings, next);
    }

    public ProfilesDocument without(String id) {
        return new ProfilesDocument(CURRENT_SCHEMA, settings, profiles.stream().filter(p -> !p.id().equals(id))
                .toList());
    }

    public ProfilesDocument withSettings(AppSettings newSettings) {
        return new ProfilesDocument(CURRENT_SCHEMA, newSettings, profiles);
    }

    private int indexOf(String id) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
