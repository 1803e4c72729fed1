package dev.tern.transport.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key that seals session journals lives: the OS keychain when the app has one, else a private file. */
class KeyVaultTest {
    @TempDir
    Path folder;

    /** A keychain in memory: one entry, and a switch for "locked / not on this machine". */
    static final class MemoryVault implements KeyVault {
        byte[] stored;
        boolean reachable = true;
        final AtomicInteger stores = new AtomicInteger();

        @Override
        public boolean available() {
            return reachable;
        }

        @Override
        public Optional<byte[]> load() {
            return reachable ? Optional.ofNullable(stored).map(byte[]::clone) : Optional.empty();
        }

        @Override
        public boolean store(byte[] key) {
            stores.incrementAndGet();
            stored = key.clone();
            return true;
        }

        @Override
        public String name() {
            return "the test keychain";
        }
    }

    private String saveOne(SessionJournals journals) throws IOException {
        try (SessionJournal journal = journals.create("bob@example.org", "127.0.0.1", 60001, OptionalLong.empty())) {
            journal.save(new JournalRecord(journal.info(), new byte[16], 4096, 1024, 1024, 7, 0,
                    new dev.tern.transport.screen.Framebuffer(80, 24), 1, 0, java.util.List.of()));
            return journal.id();
        }
    }

    @Test
    void withAKeychainTheKeyIsKeptThereAndNoKeyFileIsWritten() throws IOException {
        MemoryVault vault = new MemoryVault();
        String id = saveOne(SessionJournals.in(folder, vault));
        assertFalse(Files.exists(folder.resolve(SessionJournals.KEY_FILE)), "a key file next to the keychain's key");
        assertTrue(Files.exists(folder.resolve(SessionJournals.VAULT_MARKER)));
        assertEquals(32, vault.stored.length);
        // another process with the same keychain opens it; the key is made once
        try (SessionJournal again = SessionJournals.in(folder, vault).open(id)) {
            assertTrue(again.hasSavedSession());
        }
        assertEquals(1, SessionJournals.in(folder, vault).list().size());
        assertEquals(1, vault.stores.get());
    }

    @Test
    void aProcessThatCannotReachTheKeychainSaysSoAndMakesNoSecondKey() throws IOException {
        MemoryVault vault = new MemoryVault();
        String id = saveOne(SessionJournals.in(folder, vault));
        vault.reachable = false;
        IOException refused = assertThrows(IOException.class, () -> SessionJournals.in(folder, vault).open(id));
        assertTrue(refused.getMessage().contains("kept in the test keychain, which this process cannot reach"),
                refused.getMessage());
        assertThrows(IOException.class, () -> SessionJournals.in(folder).create("x", "127.0.0.1", 1,
                OptionalLong.empty()));
        assertFalse(Files.exists(folder.resolve(SessionJournals.KEY_FILE)), "a second key was made");
        vault.reachable = true;
        try (SessionJournal again = SessionJournals.in(folder, vault).open(id)) {
            assertTrue(again.hasSavedSession(), "readable again once the keychain is back");
        }
    }

    @Test
    void withoutAKeychainTheKeyIsAPrivateFileAndAFolderKeepsItsFirstHome() throws IOException {
        MemoryVault vault = new MemoryVault();
        vault.reachable = false;
        String id = saveOne(SessionJournals.in(folder, vault));
        assertTrue(Files.exists(folder.resolve(SessionJournals.KEY_FILE)));
        byte[] fileKey = Files.readAllBytes(folder.resolve(SessionJournals.KEY_FILE));
        // the keychain turning up later does not move the key: journals sealed under the file stay readable
        vault.reachable = true;
        try (SessionJournal again = SessionJournals.in(folder, vault).open(id)) {
            assertTrue(again.hasSavedSession());
        }
        assertEquals(0, vault.stores.get());
        assertArrayEquals(fileKey, Files.readAllBytes(folder.resolve(SessionJournals.KEY_FILE)));
        assertFalse(Files.exists(folder.resolve(SessionJournals.VAULT_MARKER)));
    }
}
