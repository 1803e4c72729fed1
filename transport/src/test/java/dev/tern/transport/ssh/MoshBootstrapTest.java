package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.connect;
import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** mosh-server started over real SSH by the test bed's user; every server started here is killed by pid. */
@ExtendWith(TestBed.class)
class MoshBootstrapTest {
    private static final int RANGE = 10;

    @TempDir
    Path home;

    private SshConnection connection;
    private final List<Long> started = new ArrayList<>();

    /** A run of free UDP ports outside mosh's default 60001-60999, which other programs here use. */
    static UdpPortRange freePorts(int count) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int low = ThreadLocalRandom.current().nextInt(40000, 59000);
            boolean free = true;
            for (int port = low; port < low + count && free; port++) {
                try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), port))) {
                    free = probe.isBound();
                } catch (java.net.SocketException taken) {
                    free = false;
                }
            }
            if (free) {
                return new UdpPortRange(low, low + count - 1);
            }
        }
        throw new IllegalStateException("no free UDP port range found");
    }

    @BeforeEach
    void login(SshServer server) throws Exception {
        connection = connect(target(server).identityFile(server.ed25519Key()).build(), home, Prompter.refusing());
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (long pid : started) {
            MoshBootstrap.stopServer(connection, pid);
        }
        connection.close();
    }

    private MoshEndpoint start(MoshServerOptions options) throws SshException {
        MoshEndpoint endpoint = MoshBootstrap.start(connection, options, ConnectProgress.silent());
        endpoint.serverPid().ifPresent(started::add);
        return endpoint;
    }

    /** Starting with {@code options} fails with {@code expected}; the exception, for checks of its message. */
    private SshException failsWith(SshFailure expected, MoshServerOptions options) {
        SshException e = assertThrows(SshException.class, () -> start(options));
        assertEquals(expected, e.failure(), e.getMessage());
        return e;
    }

    @Test
    void startsMoshServerAndReportsWhereToSendUdp(SshServer server) throws Exception {
        UdpPortRange ports = freePorts(RANGE);
        List<ConnectStage> stages = Collections.synchronizedList(new ArrayList<>());
        MoshEndpoint endpoint = MoshBootstrap.start(connection, MoshServerOptions.defaults().withServerPorts(ports),
                (stage, detail) -> stages.add(stage));
        endpoint.serverPid().ifPresent(started::add);

        assertTrue(endpoint.serverPort() >= ports.low() && endpoint.serverPort() <= ports.high(),
                endpoint.toString());
        assertEquals(22, endpoint.key().length());
        assertEquals(16, endpoint.keyBytes().length);
        assertEquals(new InetSocketAddress("127.0.0.1", endpoint.serverPort()), endpoint.udpTarget());
        assertEquals(MoshEndpoint.UdpTargetSource.SSH_CONNECTION, endpoint.targetSource());
        assertEquals("C.UTF-8", endpoint.locale());
        assertEquals(List.of(ConnectStage.STARTING_MOSH_SERVER), stages);
        long pid = endpoint.serverPid().orElseThrow();
        assertEquals(0, connection.exec("kill -0 " + pid, Duration.ofSeconds(20)).exitStatus(), "server is alive");
        assertTrue(endpoint.serverMessages().stream().anyMatch(line -> line.startsWith("mosh-server (mosh")),
                endpoint.serverMessages().toString());

        assertTrue(MoshBootstrap.stopServer(connection, pid));
        started.remove(pid);
    }

    @Test
    void udpHostAndPortOverrideForARelay() throws Exception {
        UdpPortRange ports = freePorts(RANGE);
        MoshEndpoint endpoint = start(MoshServerOptions.defaults().withServerPorts(ports)
                .withUdpHost("127.0.0.2").withUdpPort(45001));
        assertEquals(new InetSocketAddress("127.0.0.2", 45001), endpoint.udpTarget());
        assertEquals(MoshEndpoint.UdpTargetSource.OVERRIDE, endpoint.targetSource());
        assertTrue(endpoint.serverPort() >= ports.low() && endpoint.serverPort() <= ports.high());

        MoshEndpoint v6 = start(MoshServerOptions.defaults().withServerPorts(freePorts(RANGE))
                .withUdpHost("[::1]"));
        assertEquals(new InetSocketAddress("::1", v6.serverPort()), v6.udpTarget(), "an IPv6 relay address");

        failsWith(SshFailure.UNKNOWN_HOST, MoshServerOptions.defaults()
                .withServerPorts(freePorts(RANGE)).withUdpHost("relay.invalid"));
    }

    @Test
    void noiseBeforeTheConnectLineIsSkipped() throws Exception {
        // what a chatty shell startup file does, on both streams, before mosh-server runs
        MoshEndpoint endpoint = start(MoshServerOptions.defaults().withServerPorts(freePorts(RANGE))
                .withServerCommand("echo 'Welcome to the test bed'; echo 'MOSH CONNECT is next' >&2; mosh-server"));
        assertEquals(22, endpoint.key().length());
        assertTrue(endpoint.serverMessages().containsAll(List.of("Welcome to the test bed", "MOSH CONNECT is next")),
                endpoint.serverMessages().toString());
    }

    @Test
    void aMissingMoshServerSaysWhatToDo() {
        SshException e = failsWith(SshFailure.MOSH_SERVER_NOT_FOUND, MoshServerOptions.defaults()
                .withServerCommand("tern-no-such-mosh-server"));
        assertTrue(e.getMessage().contains("'tern-no-such-mosh-server' was not found"), e.getMessage());
        assertTrue(e.getMessage().contains("full path"), e.getMessage());
    }

    @Test
    void noConnectLineShowsWhatTheServerPrinted() {
        // a server command that runs but never starts mosh-server ('true' ignores the arguments appended to it)
        SshException e = failsWith(SshFailure.MOSH_NO_CONNECT_LINE, MoshServerOptions.defaults()
                .withServerCommand("echo 'wrapper noise on stdout'; echo 'and on stderr' >&2; true"));
        assertTrue(e.getMessage().contains("without printing MOSH CONNECT"), e.getMessage());
        assertTrue(e.getMessage().contains("wrapper noise on stdout") && e.getMessage().contains("and on stderr"),
                e.getMessage());
    }

    @Test
    void aMissingLocaleSaysWhatToDo() throws Exception {
        // LC_ALL=C makes the server's own locale non-UTF-8, so mosh-server must use the one we pass
        MoshServerOptions options = MoshServerOptions.defaults().withServerPorts(freePorts(RANGE))
                .withServerCommand("env LC_ALL=C LANG=C mosh-server").withLocale("xx_YY.UTF-8");
        SshException e = failsWith(SshFailure.MOSH_LOCALE, options.withLocalePreflight(false));
        assertTrue(e.getMessage().contains("LANG=xx_YY.UTF-8") && e.getMessage().contains("locale-gen"),
                e.getMessage());

        MoshEndpoint endpoint = start(options);
        assertEquals("C.UTF-8", endpoint.locale(), "the preflight replaced the locale the server lacks");
    }

    @Test
    void aPortRangeThatIsTakenSaysSo() throws Exception {
        UdpPortRange port = UdpPortRange.single(freePorts(1).low());
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", port.low()))) {
            SshException e = failsWith(SshFailure.MOSH_PORT, MoshServerOptions.defaults()
                    .withServerPorts(port));
            assertTrue(e.getMessage().contains("could not bind a UDP port in " + port.argument())
                    && e.getMessage().contains("widen the port range"), e.getMessage());
            assertTrue(taken.isBound());
        }
    }
}
