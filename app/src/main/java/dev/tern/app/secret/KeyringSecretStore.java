package dev.tern.app.secret;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The OS keychain through java-keyring: macOS Keychain, Windows Credential Manager, the freedesktop Secret Service
 * (GNOME Keyring, KWallet) on Linux. Opening it may talk to D-Bus, so it is opened in the background and given a few
 * seconds; a machine without any keychain service degrades to {@link UnavailableSecretStore} behaviour.
 */
public final class KeyringSecretStore implements SecretStore {
    private static final String SERVICE = "Tern";
    private static final long OPEN_TIMEOUT_SECONDS = 5;

    private final CompletableFuture<Keyring> keyring = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean opening = new java.util.concurrent.atomic.AtomicBoolean();

    private KeyringSecretStore() {
    }

    /** Starts opening the keychain in the background; returns at once. */
    public static KeyringSecretStore openInBackground() {
        KeyringSecretStore store = new KeyringSecretStore();
        store.warmUp();
        return store;
    }

    /**
     * A keychain opened on first use, or by {@link #warmUp()}: the desktop app opens it once its window is shown, so
     * that the fork and the D-Bus classes it costs do not compete with the first frame.
     */
    public static KeyringSecretStore openLater() {
        return new KeyringSecretStore();
    }

    @Override
    public void warmUp() {
        if (opening.compareAndSet(false, true)) {
            Thread.ofVirtual().name("tern-keyring-open").start(() -> {
                try {
                    keyring.complete(Keyring.create());
                } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                    keyring.completeExceptionally(e);
                }
            });
        }
    }

    private Optional<Keyring> keyring() {
        warmUp();
        try {
            return Optional.of(keyring.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean available() {
        return keyring().isPresent();
    }

    @Override
    public String unavailableReason() {
        if (available()) {
            return "";
        }
        return "No system keychain is available on this machine (on Linux: GNOME Keyring or KWallet through the "
                + "Secret Service), so Tern cannot remember passwords and asks for them each time.";
    }

    @Override
    public Optional<String> load(String profileId) {
        return keyring().flatMap(k -> {
            try {
                return Optional.ofNullable(k.getPassword(SERVICE, profileId));
            } catch (PasswordAccessException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public boolean store(String profileId, String secret) {
        return keyring().map(k -> {
            try {
                k.setPassword(SERVICE, profileId, secret);
                return true;
            } catch (PasswordAccessException | RuntimeException e) {
                return false;
            }
        }).orElse(false);
    }

    @Override
    public void delete(String profileId) {
        keyring().ifPresent(k -> {
            try {
                k.deletePassword(SERVICE, profileId);
            } catch (PasswordAccessException | RuntimeException ignored) {
                // nothing stored, or the keychain refused: either way there is nothing left to use
            }
        });
    }
}
