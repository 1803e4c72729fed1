package dev.tern.app.secret;

import dev.tern.transport.session.KeyVault;
import java.util.Base64;
import java.util.Optional;

/**
 * The key that seals session journals, kept in the OS keychain (through the {@link SecretStore} that remembers
 * passwords) under an entry of its own, so that a copy of the settings folder alone cannot open a journal.
 */
public final class KeychainKeyVault implements KeyVault {
    /** The keychain entry's name beside the profiles' passwords (never a profile id: those are UUIDs). */
    static final String ENTRY = "tern-session-journals-key";

    private final SecretStore keychain;

    public KeychainKeyVault(SecretStore keychain) {
        this.keychain = keychain;
    }

    @Override
    public boolean available() {
        return keychain.available();
    }

    @Override
    public Optional<byte[]> load() {
        return keychain.load(ENTRY).flatMap(text -> {
            try {
                return Optional.of(Base64.getDecoder().decode(text.strip()));
            } catch (IllegalArgumentException damaged) {
                return Optional.empty();
            }
        });
    }

    @Override
    public boolean store(byte[] key) {
        return keychain.store(ENTRY, Base64.getEncoder().encodeToString(key));
    }

    @Override
    public String name() {
        return "the system keychain";
    }
}
