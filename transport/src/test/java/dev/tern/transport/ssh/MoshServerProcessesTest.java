package dev.tern.transport.ssh;

import static dev.tern.transport.ssh.TestTargets.connect;
import static dev.tern.transport.ssh.TestTargets.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.session.CloseReason;
import dev.tern.transport.session.MoshSession;
import dev.tern.transport.session.MoshSessionListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session janitor's remote half against the test bed's sshd and real mosh-servers (docs/PROTOCOL.md §8.5). The
 * sshd runs as this user on this machine, so what the host's process list says is checked here with
 * {@link ProcessHandle}. Other tests may run mosh-servers of the same user meanwhile: only ours are asserted on.
 */
@ExtendWith(TestBed.class)
class MoshServerProcessesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private SshConnection connection;
    private final List<Long> started = new ArrayList<>();
    private final List<Process> locals = new ArrayList<>();

    @BeforeEach
    void login(SshServer server) throws Exception {
        connection = connect(target(server).identityFile(server.ed25519Key()).build(), home, Prompter.refusing());
    }

    @AfterEach
    void cleanUp() {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        locals.forEach(p -> p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly));
        locals.forEach(Process::destroyForcibly);
        connection.close();
    }

    /** A mosh-server whose client connected, then vanished without ending the session (as a killed client does). */
    private long orphanedServer(MoshServerOptions options) throws Exception {
        MoshEndpoint endpoint = MoshBootstrap.start(connection, options.withServerPorts(
                MoshBootstrapTest.freePorts(10)), ConnectProgress.silent());
        long pid = endpoint.serverPid().orElseThrow();
        started.add(pid);
        MoshSession session = MoshSession.start(endpoint.udpTarget(), SessionKey.parse(endpoint.key()), 80, 24,
                new MoshSessionListener() { });
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (session.screen() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(session.screen() != null, "the server answered");
        session.detach();
        assertTrue(session.awaitClosed(WAIT));
        assertEquals(CloseReason.Kind.DETACHED, session.closeReason().kind());
        return pid;
    }

    private static Optional<RemoteMoshServer> find(List<RemoteMoshServer> servers, long pid) {
        return servers.stream().filter(s -> s.pid() == pid).findFirst();
    }

    /** Whether {@code pid} runs: it exists and is no zombie (this machine's init may be slow to reap orphans). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (running(pid) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void listsOrphanedServersWithPidAndStartTimeAndEndsExactlyTheOneAskedFor() throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        long first = orphanedServer(MoshServerOptions.defaults());
        long second = orphanedServer(MoshServerOptions.defaults());
        Instant after = Instant.now().plusSeconds(2);

        List<RemoteMoshServer> servers = MoshServerProcesses.list(connection);
        System.out.println("mosh-servers of this user: " + servers);
        for (long pid : List.of(first, second)) {
            RemoteMoshServer server = find(servers, pid).orElseThrow(() -> new AssertionError(pid + " not listed"));
            assertTrue(server.started().isAfter(before) && server.started().isBefore(after), server.toString());
            assertTrue(server.commandLine().startsWith("mosh-server new"), server.commandLine());
        }
        assertTrue(find(servers, first).get().started().compareTo(find(servers, second).get().started()) <= 0);
        assertTrue(servers.stream().noneMatch(s -> s.commandLine().startsWith("sh ")
                || s.commandLine().startsWith("ps ")), "only mosh-servers: " + servers);

        long t0 = System.nanoTime();
        assertEquals(MoshServerProcesses.EndOutcome.ENDED, MoshServerProcesses.end(connection, first));
        System.out.println("ended in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        awaitGone(first);
        assertFalse(running(first), "the one asked for ended");
        assertTrue(running(second), "the other one lives on");
        List<RemoteMoshServer> afterwards = MoshServerProcesses.list(connection);
        assertTrue(find(afterwards, first).isEmpty());
        assertTrue(find(afterwards, second).isPresent());

        assertEquals(MoshServerProcesses.EndOutcome.GONE, MoshServerProcesses.end(connection, first));
        assertEquals(MoshServerProcesses.EndOutcome.ENDED, MoshServerProcesses.end(connection, second));
        awaitGone(second);
        assertFalse(running(second));
    }

    /**
     * A recording whose session was killed outright (its wrapper's pid names no process) is removed when the
     * janitor ends a server; one whose wrapper runs stays (docs/ARCHITECTURE.md §13).
     */
    @Test
    void endingAServerRemovesRecordingsLeftByDeadSessionsAndKeepsLiveOnes() throws Exception {
        long ended = orphanedServer(MoshServerOptions.defaults());
        long alive = orphanedServer(MoshServerOptions.defaults());
        String dead = OutputRecorder.fresh(OutputRecorder.DEFAULT_BOUND).token();
        String live = OutputRecorder.fresh(OutputRecorder.DEFAULT_BOUND).token();
        String root = connection.exec("sh -c " + MoshServerCommand.quote("u=$(id -u); r=/dev/shm/tern-history-$u;"
                + " mkdir -p -m 700 $r/" + dead + " $r/" + live + "; : > $r/" + dead + "/typescript;"
                + " : > $r/" + live + "/typescript; sh -c 'echo $$' > $r/" + dead + "/pid;"
                + " echo " + alive + " > $r/" + live + "/pid; printf '%s' $r"), WAIT).stdout();
        try {
            assertEquals(MoshServerProcesses.EndOutcome.ENDED, MoshServerProcesses.end(connection, ended));
            String left = connection.exec("ls " + root, WAIT).stdout();
            System.out.println("recordings after the end: " + left.strip().replace('\n', ' '));
            assertFalse(left.contains(dead), "the dead session's recording was removed: " + left);
            assertTrue(left.contains(live), "the live one stays: " + left);
        } finally {
            connection.exec("rm -rf " + root + "/" + dead + " " + root + "/" + live, WAIT);
        }
    }

    @Test
    void refusesAProcessOfThisUserThatIsNotAMoshServer() throws Exception {
        ExecResult sleeper = connection.exec("sh -c 'sleep 300 >/dev/null 2>&1 & echo $!'", WAIT);
        long pid = Long.parseLong(sleeper.stdout().strip());
        started.add(pid);
        assertEquals(MoshServerProcesses.EndOutcome.NOT_A_MOSH_SERVER, MoshServerProcesses.end(connection, pid));
        assertTrue(running(pid));
        assertTrue(find(MoshServerProcesses.list(connection), pid).isEmpty());
    }

    @Test
    void refusesAMoshServerOfAnotherUser() throws Exception {
        long pid;
        if ("0".equals(exec("id -u"))) {
            // as root: a process of "nobody" that calls itself mosh-server, so only the owner check can refuse it
            Process other = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    "bash", "-c", "exec -a mosh-server sleep 300").redirectErrorStream(true).start();
            locals.add(other);
            pid = other.pid();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!exec("ps -o args= -p " + pid).startsWith("mosh-server") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("65534", exec("ps -o uid= -p " + pid));
            assertTrue(exec("ps -o args= -p " + pid).startsWith("mosh-server"));
        } else {
            pid = 1; // init belongs to root
        }
        assertEquals(MoshServerProcesses.EndOutcome.NOT_YOURS, MoshServerProcesses.end(connection, pid));
        assertTrue(running(pid));
        assertTrue(find(MoshServerProcesses.list(connection), pid).isEmpty(), "another user's are not listed");
    }

    @Test
    void theNetworkTimeoutReachesTheServersEnvironment() throws Exception {
        long pid = orphanedServer(MoshServerOptions.defaults().withNetworkTimeout(Duration.ofDays(7)));
        String environ = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                StandardCharsets.UTF_8);
        assertTrue(List.of(environ.split("\0")).contains("MOSH_SERVER_NETWORK_TMOUT=604800"), environ);
    }

    private String exec(String command) throws SshException {
        return connection.exec(command, WAIT).stdout().strip();
    }
}
