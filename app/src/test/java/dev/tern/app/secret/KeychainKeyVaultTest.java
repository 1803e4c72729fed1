package dev.tern.app.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.InMemorySecretStore;
import dev.tern.transport.session.SessionJournal;
import dev.tern.transport.session.SessionJournals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journals' key goes to the keychain the app keeps passwords in, under an entry of its own. */
class KeychainKeyVaultTest {
    @TempDir
    Path config;

    @Test
    void theJournalKeyIsAKeychainEntryAndNoFileHoldsIt() throws Exception {
        InMemorySecretStore keychain = new InMemorySecretStore();
        SessionJournals journals = SessionJournals.in(config.resolve("sessions"), new KeychainKeyVault(keychain));
        try (SessionJournal journal = journals.create("a@b", "127.0.0.1", 60001, OptionalLong.empty())) {
            assertTrue(journal.id().matches("[0-9a-f]+"));
        }
        String entry = keychain.load(KeychainKeyVault.ENTRY).orElseThrow();
        assertEquals(32, Base64.getDecoder().decode(entry).length);
        assertFalse(Files.exists(config.resolve("sessions/journal.key")), "the key also went to a file");
        assertTrue(Files.exists(config.resolve("sessions/journal.key.vault")));
    }
}
