package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    void aFailingJumpHostIsNamed(SshServer server) {
        SshException e = assertThrows(SshException.class, () -> TestTargets.connect(target(server)
                .identityFile(server.unauthorizedKey()).preferredAuthentications("publickey")
                .jumpHosts(List.of(TestTargets.hop(server))).build(), home, Prompter.refusing()));
        assertEquals(SshFailure.AUTH_FAILED, e.failure(), e.getMessage());
        assertTrue(e.getMessage().contains("jump host"), e.getMessage());
    }
}
