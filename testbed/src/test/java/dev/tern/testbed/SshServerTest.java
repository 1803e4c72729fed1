package dev.tern.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The test bed's sshd is a real OpenSSH server: it lets the right key in and keeps the wrong one out. */
@ExtendWith(TestBed.class)
class SshServerTest {

    @Test
    void acceptsTheAuthorizedKeyAndRunsACommand(SshServer sshd) {
        Processes.Result result = Processes.run(sshd.sshCommand("echo", "logged-in-as", "$(id", "-un)"),
                Duration.ofSeconds(30));
        assertEquals(0, result.exitCode(), () -> result.stderr() + "\n" + sshd.logFile());
        assertEquals("logged-in-as " + sshd.user(), result.stdout().trim());
    }

    @Test
    void acceptsThePemRsaKey(SshServer sshd) throws Exception {
        assertTrue(Files.readString(sshd.rsaPemKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        Processes.Result result = Processes.run(sshd.sshCommand(sshd.rsaPemKey(), "echo", "rsa-ok"),
                Duration.ofSeconds(30));
        assertEquals(0, result.exitCode(), result::stderr);
        assertEquals("rsa-ok", result.stdout().trim());
    }

    @Test
    void rejectsAKeyThatIsNotAuthorized(SshServer sshd) {
        Processes.Result result = Processes.run(sshd.sshCommand(sshd.unauthorizedKey(), "echo", "should-not-run"),
                Duration.ofSeconds(30));
        assertNotEquals(0, result.exitCode());
        assertTrue(result.stderr().contains("Permission denied"), result::stderr);
        assertTrue(result.stdout().isEmpty());
    }

    @Test
    void theKnownHostsFileNamesEveryHostKeyAndFingerprintsMatchOpenSsh(SshServer sshd) throws Exception {
        List<String> lines = Files.readAllLines(sshd.knownHosts());
        assertEquals(3, lines.size());
        assertTrue(lines.stream().allMatch(line -> line.startsWith("[127.0.0.1]:" + sshd.port() + " ")));
        Processes.Result keygen = Processes.runChecked(List.of(Prerequisites.require("ssh-keygen",
                "openssh-client").toString(), "-l", "-E", "sha256", "-f", sshd.knownHosts().toString()),
                Duration.ofSeconds(10));
        for (String fingerprint : sshd.hostKeyFingerprints()) {
            assertTrue(keygen.stdout().contains(fingerprint), () -> fingerprint + " not in " + keygen.stdout());
        }
    }

    @Test
    void theLoginUserHasAUtf8LocaleAndMoshServerOnThePath(SshServer sshd) {
        Processes.Result result = Processes.run(sshd.sshCommand("command", "-v", "mosh-server"),
                Duration.ofSeconds(30));
        assertEquals(0, result.exitCode(), result::stderr);
        assertTrue(result.stdout().trim().endsWith("mosh-server"), result::stdout);
    }
}
