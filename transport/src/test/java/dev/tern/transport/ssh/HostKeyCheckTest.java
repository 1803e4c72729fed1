package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.connect;
import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestBed.class)
class HostKeyCheckTest {
    @TempDir
    Path home;

    private static String lookupName(SshServer server) {
        return "[" + server.host() + "]:" + server.port();
    }

    @Test
    void anUnknownKeyIsAcceptedThroughTheCallbackThenRecorded(SshServer server) throws Exception {
        Path knownHosts = home.resolve(".ssh/known_hosts");
        RecordingPrompter prompter = new RecordingPrompter().acceptHostKeys(true);
        SshTarget target = target(server).identityFile(server.ed25519Key()).knownHostsFile(knownHosts)
                .strictHostKeyChecking(StrictHostKeyChecking.ASK).build();
        try (SshConnection connection = connect(target, home, prompter)) {
            assertTrue(connection.isConnected());
        }
        assertEquals(1, prompter.hostKeysAsked.size());
        UnknownHostKey asked = prompter.hostKeysAsked.getFirst();
        assertEquals(lookupName(server), asked.host());
        assertTrue(server.hostKeyFingerprints().contains(asked.fingerprint()), asked.fingerprint());
        assertEquals(knownHosts, asked.recordIn());
        List<String> lines = Files.readAllLines(knownHosts);
        assertEquals(1, lines.size());
        assertTrue(lines.getFirst().startsWith(lookupName(server) + " " + asked.keyType() + " "), lines.getFirst());

        RecordingPrompter second = new RecordingPrompter();
        try (SshConnection connection = connect(target, home, second)) {
            assertTrue(connection.isConnected());
        }
        assertTrue(second.hostKeysAsked.isEmpty(), "a recorded key is not asked about again");
    }

    @Test
    void aDeclinedKeyIsNotConnectedNorRecorded(SshServer server) throws Exception {
        Path knownHosts = home.resolve(".ssh/known_hosts");
        RecordingPrompter prompter = new RecordingPrompter().acceptHostKeys(false);
        SshException e = assertThrows(SshException.class, () -> connect(target(server)
                .identityFile(server.ed25519Key()).knownHostsFile(knownHosts)
                .strictHostKeyChecking(StrictHostKeyChecking.ASK).build(), home, prompter));
        assertEquals(SshFailure.HOST_KEY_NOT_ACCEPTED, e.failure(), e.getMessage());
        assertEquals(1, prompter.hostKeysAsked.size());
        assertFalse(Files.exists(knownHosts), "nothing is written on failure");
    }

    @Test
    void strictCheckingRefusesUnknownKeysWithoutAsking(SshServer server) throws Exception {
        Path knownHosts = Files.writeString(home.resolve("known_hosts"), "");
        RecordingPrompter prompter = new RecordingPrompter().acceptHostKeys(true);
        SshException e = assertThrows(SshException.class, () -> connect(target(server)
                .identityFile(server.ed25519Key()).knownHostsFile(knownHosts).build(), home, prompter));
        assertEquals(SshFailure.HOST_KEY_NOT_ACCEPTED, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("strict host key checking"), e.getMessage());
        assertTrue(prompter.hostKeysAsked.isEmpty());
        assertEquals("", Files.readString(knownHosts));
    }

    @Test
    void hashedEntriesAreRecognised(SshServer server) throws Exception {
        List<String> hashed = new ArrayList<>();
        for (String line : Files.readAllLines(server.knownHosts())) {
            String[] words = line.split(" ");
            hashed.add(KnownHostEntry.hashedHostField(words[0], new byte[] {1, 2, 3, 4}) + " " + words[1] + " "
                    + words[2]);
        }
        Path knownHosts = Files.write(home.resolve("hashed_known_hosts"), hashed);
        try (SshConnection connection = connect(target(server).identityFile(server.ed25519Key())
                .knownHostsFile(knownHosts).build(), home, Prompter.refusing())) {
            assertTrue(connection.isConnected());
        }
    }

    @Test
    void aChangedKeyIsRefusedNamingBothFingerprintsAndTheLine(SshServer server) throws Exception {
        // a real ed25519 key that is not the server's, filed under the server's name on line 2
        String[] impostor = Files.readString(Path.of(server.unauthorizedKey() + ".pub")).strip().split(" ");
        Path knownHosts = Files.writeString(home.resolve("known_hosts"), "# pinned\n" + lookupName(server) + " "
                + impostor[0] + " " + impostor[1] + "\n");
        String recordedFingerprint = HostKeyFingerprint.sha256(Base64.getDecoder().decode(impostor[1]));
        RecordingPrompter prompter = new RecordingPrompter().acceptHostKeys(true);

        SshException e = assertThrows(SshException.class, () -> connect(target(server)
                .identityFile(server.ed25519Key()).knownHostsFile(knownHosts)
                .strictHostKeyChecking(StrictHostKeyChecking.ASK).build(), home, prompter));
        assertEquals(SshFailure.HOST_KEY_CHANGED, e.failure(), e.getMessage());
        ChangedHostKey changed = e.changedHostKey().orElseThrow();
        assertEquals(recordedFingerprint, changed.knownFingerprint());
        assertTrue(server.hostKeyFingerprints().contains(changed.offeredFingerprint()), changed.toString());
        assertEquals(knownHosts, changed.file());
        assertEquals(2, changed.line());
        assertTrue(e.getMessage().contains(recordedFingerprint) && e.getMessage().contains(
                changed.offeredFingerprint()) && e.getMessage().contains(knownHosts + " line 2"), e.getMessage());
        assertTrue(prompter.hostKeysAsked.isEmpty(), "a changed key is never offered for acceptance");
        assertEquals(2, Files.readAllLines(knownHosts).size(), "the file is left alone");
    }

    /**
     * An sshd with only an ECDSA host key, and a known_hosts that holds an ed25519 key for its name (a real key of
     * another server): the ECDSA key is no first contact, so Tern says a key of another type is known.
     */
    private static Path knownEd25519For(SshServer ecdsaOnly, SshServer other, Path file) throws Exception {
        String otherEd25519 = Files.readAllLines(other.knownHosts()).stream()
                .filter(line -> line.contains(" ssh-ed25519 ")).findFirst().orElseThrow().split(" ", 2)[1];
        return Files.writeString(file, lookupName(ecdsaOnly) + " " + otherEd25519 + "\n");
    }

    @Test
    void aKeyOfAnotherTypeIsAskedAboutSayingWhichTypeIsKnown(SshServer server) throws Exception {
        try (SshServer ecdsaOnly = SshServer.start(SshServer.Options.DEFAULT.withHostKeyTypes("ecdsa"))) {
            Path knownHosts = knownEd25519For(ecdsaOnly, server, home.resolve("known_hosts"));
            RecordingPrompter prompter = new RecordingPrompter().acceptHostKeys(false);
            SshException e = assertThrows(SshException.class, () -> connect(target(ecdsaOnly)
                    .identityFile(ecdsaOnly.ed25519Key()).knownHostsFile(knownHosts)
                    .strictHostKeyChecking(StrictHostKeyChecking.ASK).build(), home, prompter));
            assertEquals(SshFailure.HOST_KEY_NOT_ACCEPTED, e.failure(), e.getMessage());
            assertEquals(1, prompter.hostKeysAsked.size());
            UnknownHostKey asked = prompter.hostKeysAsked.getFirst();
            assertEquals(List.of("ssh-ed25519"), asked.otherKnownTypes());
            assertTrue(asked.keyType().startsWith("ecdsa-"), asked.keyType());
            assertTrue(asked.question().contains("another type") && asked.question().contains("ED25519"),
                    asked.question());
            assertFalse(asked.question().contains("can't be established"), "not worded as a first connection");
            assertEquals(1, Files.readAllLines(knownHosts).size(), "nothing recorded");
        }
    }

    @Test
    void acceptNewNeverTakesAKeyOfAnotherTypeSilently(SshServer server) throws Exception {
        try (SshServer ecdsaOnly = SshServer.start(SshServer.Options.DEFAULT.withHostKeyTypes("ecdsa"))) {
            Path knownHosts = knownEd25519For(ecdsaOnly, server, home.resolve("known_hosts"));
            SshTarget target = target(ecdsaOnly).identityFile(ecdsaOnly.ed25519Key()).knownHostsFile(knownHosts)
                    .strictHostKeyChecking(StrictHostKeyChecking.ACCEPT_NEW).build();
            SshException e = assertThrows(SshException.class, () -> connect(target, home, Prompter.refusing()));
            assertEquals(SshFailure.HOST_KEY_NOT_ACCEPTED, e.failure(), e.getMessage());
            assertTrue(e.getMessage().contains("another type (ED25519)"), e.getMessage());
            assertEquals(1, Files.readAllLines(knownHosts).size(), "nothing recorded");

            // a user who confirms gets connected, and the new key is recorded next to the old one
            RecordingPrompter confirming = new RecordingPrompter().acceptHostKeys(true);
            try (SshConnection connection = connect(target, home, confirming)) {
                assertTrue(connection.isConnected());
            }
            assertEquals(1, confirming.hostKeysAsked.size());
            assertEquals(2, Files.readAllLines(knownHosts).size());
        }
    }

    @Test
    void strictCheckingNamesTheKnownTypeWhenRefusing(SshServer server) throws Exception {
        try (SshServer ecdsaOnly = SshServer.start(SshServer.Options.DEFAULT.withHostKeyTypes("ecdsa"))) {
            Path knownHosts = knownEd25519For(ecdsaOnly, server, home.resolve("known_hosts"));
            RecordingPrompter prompter = new RecordingPrompter().acceptHostKeys(true);
            SshException e = assertThrows(SshException.class, () -> connect(target(ecdsaOnly)
                    .identityFile(ecdsaOnly.ed25519Key()).knownHostsFile(knownHosts).build(), home, prompter));
            assertEquals(SshFailure.HOST_KEY_NOT_ACCEPTED, e.failure(), e.getMessage());
            assertTrue(e.getMessage().contains("another type (ED25519)"), e.getMessage());
            assertTrue(prompter.hostKeysAsked.isEmpty());
        }
    }

    /** The profile leaves host keys to ~/.ssh/config, as an imported or hand-made profile does. */
    private static SshTarget configDecides(SshServer server) {
        return SshTarget.builder(server.host()).port(server.port()).user(server.user())
                .identityFile(server.ed25519Key()).identitiesOnly(true).useAgent(false).build();
    }

    @Test
    void aConfigWithALatin1CommentStillRefusesUnknownHostsStrictly(SshServer server) throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Path knownHosts = Files.writeString(home.resolve("empty_known_hosts"), "");
        java.io.ByteArrayOutputStream config = new java.io.ByteArrayOutputStream();
        config.writeBytes("# Server im B".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        config.write(0xFC); // Latin-1 u-umlaut: not UTF-8
        config.writeBytes(("ro\nHost *\n  StrictHostKeyChecking yes\n  UserKnownHostsFile " + knownHosts + "\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(ssh.resolve("config"), config.toByteArray());
        RecordingPrompter prompter = new RecordingPrompter().acceptHostKeys(true);

        SshException e = assertThrows(SshException.class, () -> connect(configDecides(server), home, prompter));
        assertEquals(SshFailure.HOST_KEY_NOT_ACCEPTED, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("strict host key checking"), e.getMessage());
        assertTrue(prompter.hostKeysAsked.isEmpty(), "refused without a question");
        assertEquals("", Files.readString(knownHosts));
    }

    @Test
    void aKnownHostsFileWithABadByteStillVouchesForItsKeys(SshServer server) throws Exception {
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
        lines.writeBytes("# Schl".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        lines.write(0xFC);
        lines.writeBytes("ssel\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        lines.writeBytes(Files.readAllBytes(server.knownHosts()));
        Path knownHosts = Files.write(home.resolve("known_hosts"), lines.toByteArray());
        try (SshConnection connection = connect(target(server).identityFile(server.ed25519Key())
                .knownHostsFile(knownHosts).build(), home, Prompter.refusing())) {
            assertTrue(connection.isConnected());
        }
    }
}
