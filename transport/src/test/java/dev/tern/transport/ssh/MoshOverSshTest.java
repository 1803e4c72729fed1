package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.connect;
import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.testbed.UdpImpairmentProxy;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.session.MoshSession;
import dev.tern.transport.session.MoshSessionListener;
import dev.tern.transport.session.RemoteScreen;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The bootstrap's endpoint drives a real Mosh session: directly, and through a relay standing in for a port forward. */
@ExtendWith(TestBed.class)
class MoshOverSshTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private static String screenText(MoshSession session) {
        RemoteScreen screen = session.screen();
        if (screen == null) {
            return "";
        }
        Framebuffer framebuffer = screen.framebuffer();
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < framebuffer.height(); y++) {
            text.append(framebuffer.row(y).text()).append('\n');
        }
        return text.toString();
    }

    /** Types a command whose output only the shell can produce, and waits for it on the Mosh screen. */
    private static void assertShellAnswers(MoshSession session) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (session.screen() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        session.type("echo mosh-$((6*7))-ok\r".getBytes(StandardCharsets.UTF_8));
        while (!screenText(session).contains("mosh-42-ok") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(screenText(session).contains("mosh-42-ok"), screenText(session));
    }

    @Test
    void aFullSessionOverTheBootstrappedServer(SshServer server) throws Exception {
        MoshEndpoint endpoint;
        try (SshConnection connection = connect(target(server).identityFile(server.ed25519Key()).build(), home,
                Prompter.refusing())) {
            endpoint = MoshBootstrap.start(connection, MoshServerOptions.defaults()
                    .withServerPorts(MoshBootstrapTest.freePorts(10)), ConnectProgress.silent());
        }
        // the SSH connection is gone: the detached server lives on its own, as with the official wrapper
        try (MoshSession session = MoshSession.start(endpoint.udpTarget(), SessionKey.parse(endpoint.key()), 80, 24,
                new MoshSessionListener() { })) {
            assertShellAnswers(session);
        }
    }

    @Test
    void theUdpOverrideReachesTheServerThroughARelay(SshServer server) throws Exception {
        // the relay forwards its public port to a fixed server port: mosh-server must bind exactly that one
        UdpPortRange serverPort = UdpPortRange.single(MoshBootstrapTest.freePorts(1).low());
        try (UdpImpairmentProxy relay = UdpImpairmentProxy.start(new InetSocketAddress("127.0.0.1",
                serverPort.low()), 42)) {
            InetSocketAddress publicAddress = relay.listenAddress();
            MoshEndpoint endpoint;
            try (SshConnection connection = connect(target(server).identityFile(server.ed25519Key()).build(), home,
                    Prompter.refusing())) {
                endpoint = MoshBootstrap.start(connection, MoshServerOptions.defaults().withServerPorts(serverPort)
                        .withUdpHost(publicAddress.getAddress().getHostAddress())
                        .withUdpPort(publicAddress.getPort()), ConnectProgress.silent());
            }
            assertEquals(publicAddress, endpoint.udpTarget());
            assertEquals(serverPort.low(), endpoint.serverPort());
            try (MoshSession session = MoshSession.start(endpoint.udpTarget(), SessionKey.parse(endpoint.key()), 80,
                    24, new MoshSessionListener() { })) {
                assertShellAnswers(session);
            }
            assertTrue(relay.stats().clientToServer().forwarded() > 0 && relay.stats().serverToClient().forwarded() > 0,
                    relay.stats().toString());
        }
    }
}
