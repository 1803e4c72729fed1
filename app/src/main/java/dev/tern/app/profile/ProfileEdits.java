package dev.tern.app.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The edits the app makes. Each compares what the user started from ({@code base}) with what is on disk now, so
 * an edit made meanwhile in another Tern instance is never silently overwritten or deleted.
 */
public final class ProfileEdits {
    private ProfileEdits() {
    }

    /** Adds a new profile (or several: imports). */
    public static ProfileEdit add(List<Profile> profiles) {
        return (fresh, notices) -> {
            ProfilesDocument next = fresh;
            for (Profile profile : profiles) {
                Profile toAdd = next.find(profile.id()).isPresent() ? profile.withId(Profile.newId()) : profile;
                next = next.withProfile(toAdd);
            }
            return next;
        };
    }

    /**
     * Saves {@code edited}, which the user made from {@code base}. If the profile changed on disk since (another
     * instance), both versions are kept: the other one as it is, this one as a copy named so the user sees it.
     */
    public static ProfileEdit save(Profile base, Profile edited) {
        return (fresh, notices) -> {
            Optional<Profile> onDisk = fresh.find(edited.id());
            if (onDisk.isEmpty() || Objects.equals(onDisk.get(), base) || Objects.equals(onDisk.get(), edited)) {
                if (onDisk.isEmpty() && base != null) {
                    notices.add("'" + edited.name() + "' had been deleted in another Tern window; your edit "
                            + "brought it back.");
                }
                return fresh.withProfile(edited);
            }
            Profile copy = edited.withId(Profile.newId()).withName(edited.name() + " (conflicting edit)");
            notices.add("'" + edited.name() + "' was changed in another Tern window while you edited it. Both "
                    + "versions are kept: yours is '" + copy.name() + "'.");
            return fresh.withProfile(copy);
        };
    }

    /** Deletes the profile the user saw as {@code base}, unless another instance changed it since. */
    public static ProfileEdit delete(Profile base) {
        return (fresh, notices) -> {
            Optional<Profile> onDisk = fresh.find(base.id());
            if (onDisk.isEmpty()) {
                return fresh;
            }
            if (!onDisk.get().equals(base)) {
                notices.add("'" + base.name() + "' was not deleted: it was changed in another Tern window since. "
                        + "Delete it again if you still want to.");
                return fresh;
            }
            return fresh.without(base.id());
        };
    }

    public static ProfileEdit settings(AppSettings settings) {
        return (fresh, notices) -> fresh.withSettings(settings);
    }
}
