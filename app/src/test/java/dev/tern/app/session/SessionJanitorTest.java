package dev.tern.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tern.app.profile.AuthMethod;
import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.MoshOptions;
import dev.tern.app.profile.PredictionMode;
import dev.tern.app.profile.Profile;
import dev.tern.app.profile.TerminalOptions;
import dev.tern.testbed.SshServer;
import dev.tern.testbed.TestBed;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.session.CloseReason;
import dev.tern.transport.session.MoshSession;
import dev.tern.transport.session.MoshSessionListener;
import dev.tern.transport.session.SessionJournal;
import dev.tern.transport.session.SessionJournals;
import dev.tern.transport.session.SessionOptions;
import dev.tern.transport.ssh.ConnectProgress;
import dev.tern.transport.ssh.MoshBootstrap;
import dev.tern.transport.ssh.MoshEndpoint;
import dev.tern.transport.ssh.MoshServerProcesses;
import dev.tern.transport.ssh.Prompter;
import dev.tern.transport.ssh.SshConnection;
import dev.tern.transport.ssh.SshConnector;
import dev.tern.transport.ssh.SshEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session janitor against the test bed's sshd and real mosh-servers started from a Mosh profile: servers whose
 * clients vanished (with and without a journal of this machine), one still driven here; the janitor lists them with
 * pid, start time and standing, a resumable one resumes, ending one ends exactly it and forgets its journal. The
 * sshd runs as this user on this machine, so the host's processes are checked here directly.
 */
@ExtendWith(TestBed.class)
class SessionJanitorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private final List<Long> started = new ArrayList<>();
    private final List<MoshSession> sessions = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        sessions.forEach(MoshSession::close);
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Profile profile(SshServer sshd) throws Exception {
        Files.createDirectories(home.resolve(".ssh"));
        Files.copy(sshd.knownHosts(), home.resolve(".ssh/known_hosts"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        int low = freePorts(20);
        return new Profile(null, "Lab box", "", ConnectionKind.MOSH, sshd.host(), sshd.port(), sshd.user(),
                AuthMethod.KEY_FILE, sshd.ed25519Key().toString(), "", false,
                new MoshOptions("", low + ":" + (low + 19), "", null, PredictionMode.NEVER, false, "C.UTF-8"), "",
                TerminalOptions.DEFAULTS);
    }

    /** The first of {@code count} free UDP ports outside mosh's default range, which other programs here use. */
    private static int freePorts(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int low = java.util.concurrent.ThreadLocalRandom.current().nextInt(40_000, 59_000);
            boolean free = true;
            for (int port = low; port < low + count && free; port++) {
                try (java.net.DatagramSocket probe = new java.net.DatagramSocket(port,
                        java.net.InetAddress.getLoopbackAddress())) {
                    free = probe.isBound();
                } catch (java.net.SocketException taken) {
                    free = false;
                }
            }
            if (free) {
                return low;
            }
        }
        throw new IllegalStateException("no free UDP port range found");
    }

    private SshEnvironment environment() {
        return SshEnvironment.isolated(home, "tern-janitor-test");
    }

    /** A server started as a Mosh tab of {@code profile} starts it, its session connected. */
    private MoshSession connected(Profile profile, SessionJournals journals, boolean journaled, long[] pidOut)
            throws Exception {
        MoshEndpoint endpoint;
        try (SshConnection connection = SshConnector.connect(WidgetSessionLauncher.sshTarget(profile), environment(),
                Prompter.refusing(), ConnectProgress.silent())) {
            endpoint = MoshBootstrap.start(connection, WidgetSessionLauncher.moshOptions(profile),
                    ConnectProgress.silent());
        }
        long pid = endpoint.serverPid().orElseThrow();
        started.add(pid);
        pidOut[0] = pid;
        MoshSession session;
        if (journaled) {
            SessionJournal journal = journals.create(profile.name(), endpoint.udpTarget().getAddress()
                    .getHostAddress(), endpoint.udpTarget().getPort(), endpoint.serverPid());
            session = MoshSession.start(endpoint.udpTarget(), SessionKey.parse(endpoint.key()), 80, 24,
                    SessionOptions.GUI, new MoshSessionListener() { }, journal);
        } else {
            session = MoshSession.start(endpoint.udpTarget(), SessionKey.parse(endpoint.key()), 80, 24,
                    new MoshSessionListener() { });
        }
        sessions.add(session);
        await("the server answers", () -> session.screen() != null);
        return session;
    }

    /** The client vanishes without ending the session, as a killed client does; its journal stays. */
    private static void orphan(MoshSession session) throws InterruptedException {
        session.detach();
        assertTrue(session.awaitClosed(WAIT));
        assertEquals(CloseReason.Kind.DETACHED, session.closeReason().kind());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Runs and is no zombie (this machine's init may be slow to reap orphans). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    private static SessionJanitor.FoundServer found(List<SessionJanitor.FoundServer> servers, long pid) {
        return servers.stream().filter(s -> s.server().pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError(pid + " not found in " + servers));
    }

    @Test
    void findsTheHostsServersTellsWhichAreJournaledResumesOneAndEndsExactlyTheOneAskedFor(SshServer sshd)
            throws Exception {
        Profile profile = profile(sshd);
        SessionJournals journals = SessionJournals.in(home.resolve("config/sessions"));
        SessionJanitor janitor = new SessionJanitor(environment(), journals);
        long[] pid = new long[1];
        java.time.Instant before = java.time.Instant.now().minusSeconds(2);

        orphan(connected(profile, journals, true, pid));
        long journaled = pid[0];
        orphan(connected(profile, journals, false, pid));
        long unknown = pid[0];
        MoshSession live = connected(profile, journals, true, pid);
        long open = pid[0];
        java.time.Instant after = java.time.Instant.now().plusSeconds(2);

        // the sidebar's mark, from the journals alone: the orphan with a journal, not the session driven here
        assertEquals(Map.of(profile.id(), 1), janitor.detachedCounts(List.of(profile,
                Profile.remote("Other box", "", ConnectionKind.MOSH, "bob", "elsewhere.example", 22))));

        try (SessionJanitor.HostSessions host = janitor.survey(profile, Prompter.refusing(),
                ConnectProgress.silent())) {
            List<SessionJanitor.FoundServer> servers = host.servers();
            System.out.println("janitor found: " + servers);
            assertEquals(SessionJanitor.Standing.RESUMABLE, found(servers, journaled).standing());
            assertEquals(SessionJanitor.Standing.UNKNOWN, found(servers, unknown).standing());
            SessionJanitor.FoundServer driven = found(servers, open);
            assertEquals(SessionJanitor.Standing.OPEN, driven.standing());
            assertEquals(ProcessHandle.current().pid(), driven.openIn().getAsLong());
            for (long p : List.of(journaled, unknown, open)) {
                var start = found(servers, p).server().started();
                assertTrue(start.isAfter(before) && start.isBefore(after), p + " started " + start);
                // the profile's option reached each new server: abandoned ones end by themselves after 7 days
                String environ = Files.readString(Path.of("/proc", Long.toString(p), "environ"),
                        StandardCharsets.ISO_8859_1);
                assertTrue(List.of(environ.split("\0")).contains("MOSH_SERVER_NETWORK_TMOUT=604800"), environ);
            }
            String journalId = found(servers, journaled).journal().orElseThrow().id();

            assertThrows(IllegalStateException.class, () -> host.end(open), "a session driven here is not ended");
            assertTrue(running(open));

            // the orphan nobody here can resume: ending it ends exactly it
            assertEquals(MoshServerProcesses.EndOutcome.ENDED, host.end(unknown));
            await("the ended server exits", () -> !running(unknown));
            assertTrue(running(journaled) && running(open), "the others live on");
            assertTrue(host.refresh().stream().noneMatch(s -> s.server().pid() == unknown));

            // the resumable one resumes: the same shell answers through the journal
            MoshSession resumed = MoshSession.resume(journals.open(journalId), 80, 24, SessionOptions.GUI,
                    new MoshSessionListener() { });
            sessions.add(resumed);
            resumed.type("echo resumed-$((6*7))\r".getBytes(StandardCharsets.UTF_8));
            await("the resumed shell answers", () -> resumed.screen() != null
                    && resumed.screen().framebuffer().screenText().contains("resumed-42"));
            orphan(resumed);

            // ending a journaled one forgets its journal, whose session is over
            host.refresh();
            assertEquals(MoshServerProcesses.EndOutcome.ENDED, host.end(journaled));
            await("the ended server exits", () -> !running(journaled));
            assertTrue(journals.list().stream().noneMatch(e -> e.info().id().equals(journalId)));
        }
        live.close();
        assertFalse(live.closeReason().kind() == CloseReason.Kind.DETACHED);
    }

    @Test
    void aSavedSessionWhoseServerIsGoneIsNamedAndCanBeForgotten(SshServer sshd) throws Exception {
        Profile profile = profile(sshd);
        SessionJournals journals = SessionJournals.in(home.resolve("config/sessions"));
        SessionJanitor janitor = new SessionJanitor(environment(), journals);
        long[] pid = new long[1];
        orphan(connected(profile, journals, true, pid));
        long killed = pid[0];
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();  // the host restarted, or someone killed it
        await("the server is gone", () -> !running(killed));
        assertEquals(Map.of(profile.id(), 1), janitor.detachedCounts(List.of(profile)), "the journal is still there");

        try (SessionJanitor.HostSessions host = janitor.survey(profile, Prompter.refusing(),
                ConnectProgress.silent())) {
            assertTrue(host.servers().stream().noneMatch(s -> s.server().pid() == killed));
            assertEquals(1, host.endedSessions().size(), host.endedSessions().toString());
            var ended = host.endedSessions().getFirst();
            assertEquals(killed, ended.serverPid().getAsLong());
            host.forget(ended.id());
            assertEquals(List.of(), host.endedSessions());
        }
        assertEquals(Map.of(), janitor.detachedCounts(List.of(profile)), "forgotten: no mark any more");
        assertEquals(List.of(), journals.list());
    }
}
