package dev.tern.app;

import dev.tern.app.secret.SecretStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A keychain for tests: nothing leaves memory. */
public final class InMemorySecretStore implements SecretStore {
    private final Map<String, String> secrets = new HashMap<>();

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String unavailableReason() {
        return "";
    }

    @Override
    public synchronized Optional<String> load(String profileId) {
        return Optional.ofNullable(secrets.get(profileId));
    }

    @Override
    public synchronized boolean store(String profileId, String secret) {
        secrets.put(profileId, secret);
        return true;
    }

    @Override
    public synchronized void delete(String profileId) {
        secrets.remove(profileId);
    }
}
