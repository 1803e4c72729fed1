package dev.tern.transport.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {
    @TempDir
    Path dir;

    /** A syntactically valid ssh-ed25519 public key blob with seeded key bytes. */
    static byte[] ed25519Blob(long seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return blob("ssh-ed25519", key);
    }

    static byte[] blob(String type, byte[] key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeString(out, type.getBytes(StandardCharsets.US_ASCII));
        writeString(out, key);
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }

    private static String line(String host, byte[] blob) {
        return host + " " + HostKeyFingerprint.keyType(blob) + " " + Base64.getEncoder().encodeToString(blob);
    }

    @Test
    void plainPortAndHashedEntriesAreRead() throws Exception {
        byte[] a = ed25519Blob(1);
        byte[] b = ed25519Blob(2);
        byte[] c = ed25519Blob(3);
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, String.join("\n",
                "# comment",
                "garbage line",
                line("alpha.example.org,10.0.0.1", a),
                line("[127.0.0.1]:2222", b),
                line(KnownHostEntry.hashedHostField("[hashed.example.org]:2200", new byte[20]), c),
                ""));
        KnownHosts hosts = new KnownHosts(List.of(file), List.of(), false);
        assertInstanceOf(KnownHosts.Verdict.Known.class, hosts.check("10.0.0.1", a));
        assertInstanceOf(KnownHosts.Verdict.Known.class, hosts.check("[127.0.0.1]:2222", b));
        assertInstanceOf(KnownHosts.Verdict.Unknown.class, hosts.check("127.0.0.1", b),
                "port 22 and port 2222 are different hosts");
        assertInstanceOf(KnownHosts.Verdict.Known.class, hosts.check("[hashed.example.org]:2200", c));
        assertInstanceOf(KnownHosts.Verdict.Unknown.class, hosts.check("hashed.example.org", c));
    }

    @Test
    void aDifferentKeyOfTheSameTypeIsAChangeNamingTheLine() throws Exception {
        byte[] recorded = ed25519Blob(1);
        byte[] offered = ed25519Blob(9);
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# first line\n" + line("[host.example]:2222", recorded) + "\n");
        KnownHosts hosts = new KnownHosts(List.of(file), List.of(), false);
        KnownHosts.Verdict.Changed changed = assertInstanceOf(KnownHosts.Verdict.Changed.class,
                hosts.check("[host.example]:2222", offered));
        assertEquals(2, changed.recorded().line());
        assertEquals(file, changed.recorded().file());
        assertEquals(HostKeyFingerprint.sha256(recorded), changed.recorded().fingerprint());
    }

    @Test
    void aKeyOfAnotherTypeIsUnknownNotChanged() throws Exception {
        byte[] ed = ed25519Blob(1);
        byte[] ecdsa = blob("ecdsa-sha2-nistp256", new byte[40]);
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, line("h", ed) + "\n");
        assertInstanceOf(KnownHosts.Verdict.Unknown.class,
                new KnownHosts(List.of(file), List.of(), false).check("h", ecdsa));
    }

    @Test
    void revokedWinsAndGlobalFilesAreRead() throws Exception {
        byte[] key = ed25519Blob(4);
        Path user = dir.resolve("user_known_hosts");
        Path global = dir.resolve("global_known_hosts");
        Files.writeString(user, line("h", key) + "\n");
        Files.writeString(global, "@revoked * " + line("", key).strip() + "\n");
        assertInstanceOf(KnownHosts.Verdict.Revoked.class,
                new KnownHosts(List.of(user), List.of(global), false).check("h", key));
        Files.writeString(global, line("*.corp", ed25519Blob(5)) + "\n");
        assertInstanceOf(KnownHosts.Verdict.Known.class,
                new KnownHosts(List.of(dir.resolve("none")), List.of(global), false).check("x.corp",
                        ed25519Blob(5)));
    }

    @Test
    void recordingAppendsPlainOrHashedAndCreatesTheFile() throws Exception {
        byte[] first = ed25519Blob(6);
        byte[] second = ed25519Blob(7);
        Path file = dir.resolve("new/.ssh/known_hosts");
        KnownHosts plain = new KnownHosts(List.of(file), List.of(), false);
        plain.record("[127.0.0.1]:2222", first);
        assertEquals(line("[127.0.0.1]:2222", first) + "\n", Files.readString(file));

        Files.writeString(file, Files.readString(file).strip()); // a file without a final newline
        KnownHosts hashed = new KnownHosts(List.of(file), List.of(), true);
        hashed.record("example.org", second);
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("|1|"), lines.get(1));
        assertInstanceOf(KnownHosts.Verdict.Known.class, hashed.check("example.org", second));
        assertInstanceOf(KnownHosts.Verdict.Known.class, hashed.check("[127.0.0.1]:2222", first));
    }

    @Test
    void keyTypesAreReadFromTheBlob() {
        assertEquals("ssh-ed25519", HostKeyFingerprint.keyType(blob("ssh-ed25519", new byte[32])));
        assertEquals("unknown", HostKeyFingerprint.keyType(new byte[] {0, 0, 0, 99, 1}));
        assertEquals("unknown", HostKeyFingerprint.keyType(new byte[0]));
        assertTrue(HostKeyFingerprint.sha256(new byte[0]).startsWith("SHA256:"));
    }

    @Test
    void aByteThatIsNotUtf8SpoilsOnlyItsLine() throws Exception {
        byte[] key = ed25519Blob(7);
        String entry = "host.example.org ssh-ed25519 " + Base64.getEncoder().encodeToString(key) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("# caf".getBytes(StandardCharsets.US_ASCII));
        bytes.write(0xE9); // Latin-1 e-acute, not UTF-8
        bytes.writeBytes(("\nbad\u00ff".getBytes(StandardCharsets.ISO_8859_1)));
        bytes.writeBytes((" ssh-ed25519 AAAA\n" + entry).getBytes(StandardCharsets.US_ASCII));
        Path file = Files.write(dir.resolve("known_hosts"), bytes.toByteArray());
        KnownHosts hosts = new KnownHosts(List.of(file), List.of(), false);
        assertInstanceOf(KnownHosts.Verdict.Known.class, hosts.check("host.example.org", key));
    }
}
