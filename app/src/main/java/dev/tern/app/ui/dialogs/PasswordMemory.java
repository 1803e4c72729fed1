package dev.tern.app.ui.dialogs;

import dev.tern.app.session.LoginPrompts;
import java.util.Optional;

/**
 * Remembered passwords of profiles (the keychain, plus the profile's "remember" flag), each kept for the one hop
 * (jump host or target, by {@code user@host:port}) it was typed for.
 */
public interface PasswordMemory {
    /** The password remembered for this hop of a profile that asked for passwords to be remembered. */
    Optional<String> recall(String profileId, LoginPrompts.Hop hop);

    /** Stores it for this hop only, and marks the profile; false when the keychain refused. */
    boolean remember(String profileId, LoginPrompts.Hop hop, String password);

    /** Null: remembering is not offered (no saved profile); empty: offered; text: why it is not possible. */
    String rememberNote(String profileId);
}
