package dev.tern.app.ui.dialogs;

import dev.tern.app.secret.SecretStore;
import dev.tern.app.session.LoginPrompts;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * {@link PasswordMemory} in the system keychain: one entry per profile (under its id) holding a password per hop,
 * read only for profiles whose "remember" flag is set.
 */
public final class KeychainPasswordMemory implements PasswordMemory {
    private final SecretStore secrets;
    private final Predicate<String> profileExists;
    private final Predicate<String> remembers;
    private final Consumer<String> markRemembering;

    /**
     * @param profileExists   whether a profile id belongs to a saved profile (quick-connect tabs remember nothing)
     * @param remembers       whether a profile's "remember" flag is set
     * @param markRemembering sets that flag, after a password was remembered from a login dialog
     */
    public KeychainPasswordMemory(SecretStore secrets, Predicate<String> profileExists, Predicate<String> remembers,
                                  Consumer<String> markRemembering) {
        this.secrets = secrets;
        this.profileExists = profileExists;
        this.remembers = remembers;
        this.markRemembering = markRemembering;
    }

    @Override
    public Optional<String> recall(String profileId, LoginPrompts.Hop hop) {
        if (hop.key() == null || !remembers.test(profileId)) {
            return Optional.empty();
        }
        return HopSecrets.decode(secrets.load(profileId)).secretFor(hop);
    }

    @Override
    public boolean remember(String profileId, LoginPrompts.Hop hop, String password) {
        if (hop.key() == null) {
            return false;
        }
        // read whatever the entry holds even before the flag is set: the flag is set a moment later on the FX
        // thread, and a second hop remembered in the same login must not drop the first one's password
        HopSecrets kept = HopSecrets.decode(secrets.load(profileId));
        if (!secrets.store(profileId, kept.with(hop, password).encode())) {
            return false;
        }
        if (!remembers.test(profileId)) {
            markRemembering.accept(profileId);
        }
        return true;
    }

    @Override
    public String rememberNote(String profileId) {
        if (!profileExists.test(profileId)) {
            return null;
        }
        return secrets.available() ? "" : secrets.unavailableReason();
    }
}
