package dev.tern.app.ui.dialogs;

import java.util.Optional;

/** Remembered passwords of profiles (the keychain, plus the profile's "remember" flag). */
public interface PasswordMemory {
    /** The remembered password of a profile that asked for it to be remembered. */
    Optional<String> recall(String profileId);

    /** Stores it and marks the profile; false when the keychain refused. */
    boolean remember(String profileId, String password);

    /** Null: remembering is not offered (no saved profile); empty: offered; text: why it is not possible. */
    String rememberNote(String profileId);
}
