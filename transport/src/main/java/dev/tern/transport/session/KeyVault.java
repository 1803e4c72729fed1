package dev.tern.transport.session;

import java.util.Optional;

/**
 * A safer home than a file for the key that seals session journals: the OS keychain, where one is reachable. The
 * transport knows none; the app supplies it ({@link SessionJournals#in(java.nio.file.Path, KeyVault)}).
 */
public interface KeyVault {
    /** Whether the vault can be used now (it may be locked, or absent on this machine). */
    boolean available();

    /** The key stored earlier; empty when there is none or it cannot be read. */
    Optional<byte[]> load();

    /** Stores the key; false when it could not be stored. */
    boolean store(byte[] key);

    /** What the vault is, for messages ("the system keychain"). */
    String name();
}
