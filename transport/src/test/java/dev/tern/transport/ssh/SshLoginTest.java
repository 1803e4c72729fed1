package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.connect;
import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.testbed.Prerequisites;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestBed.class)
class SshLoginTest {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path home;

    private static void assertLoggedIn(SshConnection connection, SshServer server) throws SshException {
        ExecResult result = connection.exec("id -un", COMMAND_TIMEOUT);
        assertEquals(0, result.exitStatus(), result.stderr());
        assertEquals(server.user(), result.stdout().strip());
    }

    @Test
    void ed25519KeyInOpenSshFormat(SshServer server) throws Exception {
        List<ConnectStage> stages = Collections.synchronizedList(new ArrayList<>());
        ConnectSpec spec = TestTargets.resolve(target(server).identityFile(server.ed25519Key()).build(), home);
        try (SshConnection connection = SshConnector.connect(spec, Prompter.refusing(),
                (stage, detail) -> stages.add(stage))) {
            assertLoggedIn(connection, server);
            assertEquals(new InetSocketAddress("127.0.0.1", server.port()), connection.reachedAddress().orElseThrow());
            assertTrue(connection.serverVersion().startsWith("SSH-2.0-OpenSSH"), connection.serverVersion());
        }
        assertEquals(List.of(ConnectStage.RESOLVING, ConnectStage.CONNECTING, ConnectStage.AUTHENTICATING,
                ConnectStage.LOGGED_IN), stages);
    }

    @Test
    void rsaKeyInPemFormat(SshServer server) throws Exception {
        try (SshConnection connection = connect(target(server).identityFile(server.rsaPemKey()).build(), home,
                Prompter.refusing())) {
            assertLoggedIn(connection, server);
        }
    }

    @Test
    void ecdsaKeysInOpenSshAndPemFormat(SshServer server) throws Exception {
        Path keygen = Prerequisites.require("ssh-keygen", "openssh-client");
        // ssh-keygen writes the OpenSSH format by default and the old PEM format with "-m PEM"
        for (List<String> format : List.of(List.<String>of(), List.of("-m", "PEM"))) {
            Path key = home.resolve("id_ecdsa" + (format.isEmpty() ? "" : "_pem"));
            List<String> command = new ArrayList<>(List.of(keygen.toString(), "-q", "-t", "ecdsa", "-N", "",
                    "-C", "tern-test-ecdsa", "-f", key.toString()));
            command.addAll(format);
            Process keygenRun = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertTrue(keygenRun.waitFor(30, TimeUnit.SECONDS), "ssh-keygen hangs");
            assertEquals(0, keygenRun.exitValue(), new String(keygenRun.getInputStream().readAllBytes()));
            assertTrue(Files.readString(key).startsWith(format.isEmpty() ? "-----BEGIN OPENSSH PRIVATE KEY-----"
                    : "-----BEGIN EC PRIVATE KEY-----"), key + " is not in the expected format");
            server.authorize(Path.of(key + ".pub"));
            try (SshConnection connection = connect(target(server).identityFile(key)
                    .preferredAuthentications("publickey").build(), home, Prompter.refusing())) {
                assertLoggedIn(connection, server);
            }
        }
    }

    @Test
    void encryptedKeyAsksThePassphraseAgainAfterAWrongOne(SshServer server) throws Exception {
        RecordingPrompter prompter = new RecordingPrompter().passphrases("wrong one", server.encryptedKeyPassphrase());
        try (SshConnection connection = connect(target(server).identityFile(server.encryptedKey()).build(), home,
                prompter)) {
            assertLoggedIn(connection, server);
        }
        assertEquals(List.of(1, 2), prompter.passphraseAttempts);
    }

    @Test
    void aWrongKeyIsRejectedNamingMethodsAndKey(SshServer server) {
        SshException e = assertThrows(SshException.class, () -> connect(target(server)
                .identityFile(server.unauthorizedKey()).preferredAuthentications("publickey").build(), home,
                Prompter.refusing()));
        assertEquals(SshFailure.AUTH_FAILED, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("publickey (" + server.unauthorizedKey().getFileName() + ")"),
                e.getMessage());
        assertTrue(e.getMessage().contains("authorized_keys"), e.getMessage());
    }

    @Test
    void password(SshServer server) throws Exception {
        assumeTrue(server.password().isPresent(), "the test bed has a password only when sshd runs as root");
        RecordingPrompter prompter = new RecordingPrompter().passwords(server.password().get());
        try (SshConnection connection = connect(target(server).preferredAuthentications("password").build(), home,
                prompter)) {
            assertLoggedIn(connection, server);
        }
        assertEquals(List.of(server.user() + "@127.0.0.1:" + server.port()), prompter.passwordsAsked);
    }

    @Test
    void keyboardInteractive(SshServer server) throws Exception {
        assumeTrue(server.password().isPresent(),
                "keyboard-interactive (PAM) is enabled on the test bed only when sshd runs as root");
        RecordingPrompter prompter = new RecordingPrompter().keyboardAnswers(server.password().get());
        try (SshConnection connection = connect(target(server).preferredAuthentications("keyboard-interactive")
                .build(), home, prompter)) {
            assertLoggedIn(connection, server);
        }
        assertTrue(prompter.keyboardRequests.stream().flatMap(List::stream)
                .anyMatch(prompt -> !prompt.echo() && prompt.text().toLowerCase().contains("password")),
                prompter.keyboardRequests.toString());
    }

    @Test
    void aWrongPasswordIsRejectedWithAClearMessage(SshServer server) {
        assumeTrue(server.password().isPresent(), "the test bed has a password only when sshd runs as root");
        RecordingPrompter prompter = new RecordingPrompter().passwords("not-the-password");
        SshException e = assertThrows(SshException.class, () -> connect(target(server)
                .preferredAuthentications("password").build(), home, prompter));
        assertEquals(SshFailure.AUTH_FAILED, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("Tern tried: password"), e.getMessage());
        assertTrue(e.getMessage().contains("Check the user name (" + server.user() + ") and the password"),
                e.getMessage());
    }

    @Test
    void refusedPort(SshServer server) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SshException e = assertThrows(SshException.class, () -> connect(target(server).port(closedPort)
                .identityFile(server.ed25519Key()).build(), home, Prompter.refusing()));
        assertEquals(SshFailure.CONNECTION_REFUSED, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
    }

    @Test
    void aServerThatNeverSpeaksTimesOut(SshServer server) throws Exception {
        // the kernel completes the TCP handshake for the listen backlog; nobody ever answers the SSH greeting
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            SshException e = assertThrows(SshException.class, () -> connect(target(server)
                    .port(silent.getLocalPort()).connectTimeout(Duration.ofSeconds(1))
                    .identityFile(server.ed25519Key()).build(), home, Prompter.refusing()));
            assertEquals(SshFailure.CONNECTION_TIMED_OUT, e.failure(), e.getMessage());
            assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        }
    }

    @Test
    void unknownHostName(SshServer server) {
        SshException e = assertThrows(SshException.class, () -> connect(target(server)
                .host("no-such-host.invalid").identityFile(server.ed25519Key()).build(), home, Prompter.refusing()));
        assertEquals(SshFailure.UNKNOWN_HOST, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
    }

    @Test
    void aListenerThatIsNotSshClosesTheConnection(SshServer server) throws Exception {
        try (ServerSocket notSsh = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (var socket = notSsh.accept()) {
                    socket.getOutputStream().write("HTTP/1.0 400 Bad Request\r\n\r\n".getBytes());
                } catch (java.io.IOException ignored) {
                    // the test only needs the connection to end
                }
            });
            SshException e = assertThrows(SshException.class, () -> connect(target(server).port(notSsh.getLocalPort())
                    .identityFile(server.ed25519Key()).build(), home, Prompter.refusing()));
            assertTrue(e.failure() == SshFailure.CONNECTION_CLOSED || e.failure() == SshFailure.PROTOCOL,
                    e.failure() + ": " + e.getMessage());
        }
    }
}
