package dev.tern.app.secret;

import java.util.Optional;

/**
 * Where remembered passwords live: the OS keychain, never the profiles file. Keys are profile ids. Calls may block
 * (the keychain may ask the user to unlock it), so call them off the JavaFX thread where possible.
 */
public interface SecretStore {

    /** Whether secrets can be remembered at all on this machine. */
    boolean available();

    /** Why not, for a note next to the "remember" box; empty when available. */
    String unavailableReason();

    Optional<String> load(String profileId);

    /** Stores the secret; false when it could not be stored (the caller then asks each time). */
    boolean store(String profileId, String secret);

    void delete(String profileId);

    /** Starts whatever opening the store takes, in the background (the app calls it once its window is shown). */
    default void warmUp() {
    }
}
