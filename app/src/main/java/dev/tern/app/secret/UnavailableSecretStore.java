package dev.tern.app.secret;

import java.util.Optional;

/** The degraded mode on machines without a keychain service: nothing is remembered, passwords are asked for. */
public final class UnavailableSecretStore implements SecretStore {
    private final String reason;

    public UnavailableSecretStore(String reason) {
        this.reason = reason;
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public String unavailableReason() {
        return reason;
    }

    @Override
    public Optional<String> load(String profileId) {
        return Optional.empty();
    }

    @Override
    public boolean store(String profileId, String secret) {
        return false;
    }

    @Override
    public void delete(String profileId) {
        // nothing was ever stored
    }
}
