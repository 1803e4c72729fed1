package dev.tern.app.profile;

import java.util.List;

/**
 * One change to the profiles, applied to the freshest document on disk at save time (so another Tern window's
 * edits to other profiles are kept). It may add notices, e.g. when it met a conflicting edit.
 */
@FunctionalInterface
public interface ProfileEdit {
    ProfilesDocument apply(ProfilesDocument fresh, List<String> notices);
}
