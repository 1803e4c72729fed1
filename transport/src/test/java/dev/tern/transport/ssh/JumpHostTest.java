package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** ProxyJump through the test bed's sshd to itself, so each hop is a real SSH login and a real forward. */
@ExtendWith(TestBed.class)
class JumpHostTest {
    @TempDir
    Path home;

    /** The sshd's own view of the session: SSH_CONNECTION's client side is the previous hop. */
    private static String sshConnection(SshConnection connection) throws SshException {
        return connection.exec("echo $SSH_CONNECTION", Duration.ofSeconds(20)).stdout().strip();
    }

    @Test
    void oneJumpHost(SshServer server) throws Exception {
        List<String> details = Collections.synchronizedList(new ArrayList<>());
        ConnectSpec spec = TestTargets.resolve(target(server).identityFile(server.ed25519Key())
                .jumpHosts(List.of(TestTargets.hop(server))).build(), home);
        assertEquals(1, spec.jumps().size());
        try (SshConnection connection = SshConnector.connect(spec, Prompter.refusing(),
                (stage, detail) -> details.add(stage + " " + detail))) {
            assertEquals(server.user(), connection.exec("id -un", Duration.ofSeconds(20)).stdout().strip());
            assertTrue(connection.reachedAddress().isEmpty(), "the last hop's address is known only to the jump");
            assertTrue(sshConnection(connection).endsWith(" " + server.port()), sshConnection(connection));
        }
        assertTrue(details.stream().anyMatch(d -> d.startsWith("CONNECTING") && d.contains("via jump host")),
                details.toString());
    }

    @Test
    void throughASecondPrivateSshd(SshServer server) throws Exception {
        try (SshServer jump = SshServer.start()) {
            jump.authorize(Path.of(server.ed25519Key() + ".pub"));
            Path knownHosts = Files.writeString(home.resolve("known_hosts_both"),
                    Files.readString(server.knownHosts()) + Files.readString(jump.knownHosts()));
            ConnectSpec spec = TestTargets.resolve(target(server).identityFile(server.ed25519Key())
                    .knownHostsFile(knownHosts).jumpHosts(List.of(jump.user() + "@" + jump.host() + ":" + jump.port()))
                    .build(), home);
            try (SshConnection connection = SshConnector.connect(spec, Prompter.refusing(), ConnectProgress.silent())) {
                assertEquals("via-second", connection.exec("echo via-second", Duration.ofSeconds(20)).stdout().strip());
                assertTrue(sshConnection(connection).endsWith(" " + server.port()), sshConnection(connection));
            }
            // the jump host really carried the connection: it logged the login and the forward to the target
            String jumpLog = Files.readString(jump.logFile());
            assertTrue(jumpLog.contains("Accepted publickey"), jumpLog);
        }
    }

    @Test
    void moshThroughAJumpHostTargetsTheLocallyResolvedName(SshServer server) throws Exception {
        try (SshConnection connection = TestTargets.connect(target(server).host("localhost")
                .identityFile(server.ed25519Key()).knownHostsFile(Files.writeString(home.resolve("kh"),
                        Files.readString(server.knownHosts()) + Files.readString(server.knownHosts())
                                .replace("[127.0.0.1]", "[localhost]"))).jumpHosts(List.of(TestTargets.hop(server)))
                .build(), home, Prompter.refusing())) {
            MoshEndpoint endpoint = MoshBootstrap.start(connection, MoshServerOptions.defaults()
                    .withServerPorts(MoshBootstrapTest.freePorts(10)), ConnectProgress.silent());
            try {
                assertEquals(MoshEndpoint.UdpTargetSource.LOCAL_RESOLUTION, endpoint.targetSource());
                assertEquals(java.net.InetAddress.getByName("localhost"), endpoint.udpTarget().getAddress());
                assertEquals(endpoint.serverPort(), endpoint.udpTarget().getPort());
            } finally {
                MoshBootstrap.stopServer(connection, endpoint.serverPid().orElseThrow());
            }
        }
    }

    @Test
    void aChainOfTwoJumpHostsFromTheSshConfig(SshServer server) throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), """
                Host first
                  HostName %s
                  Port %d
                  User %s
                Host target
                  HostName %s
                  Port %d
                  ProxyJump first,%s
                """.formatted(server.host(), server.port(), server.user(), server.host(), server.port(),
                TestTargets.hop(server)));
        SshTarget target = target(server).host("target").port(null).identityFile(server.ed25519Key()).build();
        ConnectSpec spec = TestTargets.resolve(target, home);
        assertEquals(2, spec.jumps().size());
        try (SshConnection connection = SshConnector.connect(spec, Prompter.refusing(), ConnectProgress.silent())) {
            assertEquals("hop-ok", connection.exec("echo hop-ok", Duration.ofSeconds(20)).stdout().strip());
        }
    }

    @Test
    void aJumpHostThatCannotReachTheTarget(SshServer server) throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SshException e = assertThrows(SshException.class, () -> TestTargets.connect(target(server).port(closedPort)
                .identityFile(server.ed25519Key()).jumpHosts(List.of(TestTargets.hop(server))).build(), home,
                Prompter.refusing()));
        assertEquals(SshFailure.JUMP_FAILED, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains(":" + closedPort), e.getMessage());
    }

    @Test
    void aFailingJumpHostIsNamed(SshServer server) throws Exception {
        // the jump host logs in by its own config block, so the key-only rule is written there
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host *\n  PreferredAuthentications publickey\n");
        SshException e = assertThrows(SshException.class, () -> TestTargets.connect(target(server)
                .identityFile(server.unauthorizedKey())
                .jumpHosts(List.of(TestTargets.hop(server))).build(), home, Prompter.refusing()));
        assertEquals(SshFailure.AUTH_FAILED, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("jump host"), e.getMessage());
    }

    @Test
    void aPasswordOnlyJumpHostIsAskedForItsOwnSecretAndNeverGetsTheTargets(SshServer server) throws Exception {
        assumeTrue(server.password().isPresent(), "the test bed has a password only when sshd runs as root");
        try (SshServer jump = SshServer.start(SshServer.Options.DEFAULT.passwordOnly())) {
            Path knownHosts = Files.writeString(home.resolve("known_hosts_both"),
                    Files.readString(server.knownHosts()) + Files.readString(jump.knownHosts()));
            String jumpKey = jump.user() + "@" + jump.host() + ":" + jump.port();
            String targetKey = server.user() + "@" + server.host() + ":" + server.port();
            // the target's saved secret is wrong on purpose: wherever it is sent, that sshd logs a failed password
            RecordingPrompter prompter = new RecordingPrompter().passwordsByHop(Map.of(
                    jumpKey, jump.password().orElseThrow(), targetKey, "the-targets-secret"));
            ConnectSpec spec = TestTargets.resolve(target(server).identityFile(server.ed25519Key())
                    .preferredAuthentications("password,publickey").knownHostsFile(knownHosts)
                    .jumpHosts(List.of(jumpKey)).build(), home);
            try (SshConnection connection = SshConnector.connect(spec, prompter, ConnectProgress.silent())) {
                assertEquals("in", connection.exec("echo in", Duration.ofSeconds(20)).stdout().strip());
            }
            List<RecordingPrompter.PasswordQuestion> asked = List.copyOf(prompter.passwordQuestions);
            assertEquals(List.of(jumpKey, targetKey, targetKey), asked.stream().map(q -> q.hop().key()).toList(),
                    asked.toString());
            assertEquals(List.of(false, true, true), asked.stream().map(q -> q.hop().target()).toList());
            assertEquals(List.of(1, 1, 2), asked.stream().map(RecordingPrompter.PasswordQuestion::attempt).toList(),
                    "each hop counts its own attempts");
            String jumpLog = Files.readString(jump.logFile());
            assertTrue(jumpLog.contains("Accepted password"), jumpLog);
            assertFalse(jumpLog.contains("Failed password"), "the jump host received a secret not its own:\n"
                    + jumpLog);
        }
    }

    @Test
    void aJumpHostLogsInByItsOwnRulesNotTheTargets(SshServer server) throws Exception {
        assumeTrue(server.password().isPresent(), "the test bed has a password only when sshd runs as root");
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), """
                Host bastion
                  HostName %s
                  Port %d
                  User %s
                  IdentityFile %s
                """.formatted(server.host(), server.port(), server.user(), server.ed25519Key()));
        RecordingPrompter prompter = new RecordingPrompter().passwords(server.password().get());
        // the profile asks for a password login on the target only; the bastion has a key in its own block
        SshTarget target = target(server).preferredAuthentications("password,keyboard-interactive")
                .jumpHosts(List.of("bastion")).build();
        try (SshConnection connection = TestTargets.connect(target, home, prompter)) {
            assertEquals("in", connection.exec("echo in", Duration.ofSeconds(20)).stdout().strip());
        }
        assertEquals(1, prompter.passwordsAsked.size(), "only the target is asked for a password: "
                + prompter.passwordsAsked);
    }
}
