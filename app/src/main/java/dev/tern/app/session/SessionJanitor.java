package dev.tern.app.session;

import dev.tern.app.profile.ConnectionKind;
import dev.tern.app.profile.Profile;
import dev.tern.transport.session.JournalInfo;
import dev.tern.transport.session.SessionJournals;
import dev.tern.transport.ssh.ConnectProgress;
import dev.tern.transport.ssh.MoshServerProcesses;
import dev.tern.transport.ssh.Prompter;
import dev.tern.transport.ssh.RemoteMoshServer;
import dev.tern.transport.ssh.SshConnection;
import dev.tern.transport.ssh.SshConnector;
import dev.tern.transport.ssh.SshEnvironment;
import dev.tern.transport.ssh.SshException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The session janitor (docs/PROTOCOL.md §8.5): which Mosh sessions a host still runs for this user, which of them a
 * journal of this machine can take up again, and ending those nobody can.
 *
 * <p>Two views. Without the network, from the journals alone: how many saved sessions of each profile no process
 * has open ({@link #detachedCounts}), for the sidebar's mark. Over SSH ({@link #survey}): every mosh-server of the
 * user on the profile's host, each matched with the journal that holds it, if any.
 *
 * <p>A journal belongs to a profile when its label is the profile's name (desktop tabs label their journals so) or
 * the profile's {@code user@host} (the CLI's label). On the host a journal holds the server whose pid it saved, if
 * that journal belongs to the profile or was sent to the address SSH reached.
 */
public final class SessionJanitor {
    private final SshEnvironment environment;
    private final SessionJournals journals;

    public SessionJanitor(SshEnvironment environment, SessionJournals journals) {
        this.environment = environment;
        this.journals = journals;
    }

    public SessionJournals journals() {
        return journals;
    }

    /** Whether the janitor has anything to look at for {@code profile}: hosts reached over SSH. */
    public static boolean applies(Profile profile) {
        return profile.kind() == ConnectionKind.MOSH || profile.kind() == ConnectionKind.SSH;
    }

    /** Whether {@code journal} was kept for a session of {@code profile}. */
    public static boolean belongsTo(JournalInfo journal, Profile profile) {
        String label = journal.label();
        if (label.equals(profile.name())) {
            return true;
        }
        return !profile.user().isEmpty() && label.equalsIgnoreCase(profile.user() + "@" + profile.host());
    }

    /**
     * Per profile id, the saved sessions of that profile that no process has open: detached, and resumable from
     * here. Profiles without any are left out. Reads only local files.
     */
    public Map<String, Integer> detachedCounts(List<Profile> profiles) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (SessionJournals.Entry entry : journals.list()) {
            if (entry.openIn().isPresent()) {
                continue;
            }
            for (Profile profile : profiles) {
                if (applies(profile) && belongsTo(entry.info(), profile)) {
                    counts.merge(profile.id(), 1, Integer::sum);
                    break;
                }
            }
        }
        return counts;
    }

    /** Logs in to {@code profile}'s host and lists the user's mosh-servers there; the caller closes the result. */
    public HostSessions survey(Profile profile, Prompter prompter, ConnectProgress progress) throws SshException,
            IOException {
        SshConnection connection = SshConnector.connect(WidgetSessionLauncher.sshTarget(profile), environment,
                prompter, progress);
        try {
            return over(connection, profile, journals);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The mosh-servers on the host {@code connection} is logged in to, matched with {@code journals} as sessions of
     * {@code owner} (for the CLI, a stand-in profile named by its {@code user@host} label); listed once. The caller
     * closes the result, which closes the connection.
     */
    public static HostSessions over(SshConnection connection, Profile owner, SessionJournals journals)
            throws IOException {
        HostSessions sessions = new HostSessions(owner, connection, journals);
        sessions.refresh();
        return sessions;
    }

    /** Where a server found on the host stands from this machine's point of view. */
    public enum Standing {
        /** A journal here holds it and no process has it open: it can be resumed. */
        RESUMABLE,
        /** A journal here holds it and a process (this app or another) drives it now. */
        OPEN,
        /** No journal of this machine holds it: a session of another client, or one whose journal was lost. */
        UNKNOWN
    }

    /**
     * A mosh-server of the user on the host, and the journal of this machine that holds it.
     *
     * @param openIn the pid of the process that has the journal open, if one does
     */
    public record FoundServer(RemoteMoshServer server, Optional<JournalInfo> journal, OptionalLong openIn) {
        public Standing standing() {
            if (journal.isEmpty()) {
                return Standing.UNKNOWN;
            }
            return openIn.isPresent() ? Standing.OPEN : Standing.RESUMABLE;
        }
    }

    /** One host's mosh-servers over a live SSH connection, which {@link #close()} ends. */
    public static final class HostSessions implements AutoCloseable {
        private final Profile profile;
        private final SshConnection connection;
        private final SessionJournals journals;
        private List<FoundServer> servers = List.of();
        private List<JournalInfo> ended = List.of();

        HostSessions(Profile profile, SshConnection connection, SessionJournals journals) {
            this.profile = profile;
            this.connection = connection;
            this.journals = journals;
        }

        public Profile profile() {
            return profile;
        }

        /** The servers as of the last {@link #refresh()}, oldest first. */
        public List<FoundServer> servers() {
            return servers;
        }

        /** Lists the host's mosh-servers again and matches them with this machine's journals. */
        public List<FoundServer> refresh() throws SshException, IOException {
            List<RemoteMoshServer> found = MoshServerProcesses.list(connection);
            List<SessionJournals.Entry> saved = journals.list();
            String reached = connection.reachedAddress().map(a -> a.getAddress().getHostAddress()).orElse("");
            List<FoundServer> result = new ArrayList<>();
            for (RemoteMoshServer server : found) {
                Optional<SessionJournals.Entry> holder = saved.stream()
                        .filter(e -> e.info().serverPid().isPresent()
                                && e.info().serverPid().getAsLong() == server.pid())
                        .filter(e -> belongsTo(e.info(), profile) || e.info().serverHost().equals(reached))
                        .findFirst();
                result.add(new FoundServer(server, holder.map(SessionJournals.Entry::info),
                        holder.map(SessionJournals.Entry::openIn).orElse(OptionalLong.empty())));
            }
            servers = List.copyOf(result);
            // saved sessions of this host whose server no longer runs (it was killed, or the host restarted):
            // nothing can resume them, and without a word here the sidebar would count them for ever
            ended = saved.stream().filter(e -> e.openIn().isEmpty() && e.info().serverPid().isPresent())
                    .filter(e -> belongsTo(e.info(), profile) || e.info().serverHost().equals(reached))
                    .filter(e -> found.stream().noneMatch(f -> f.pid() == e.info().serverPid().getAsLong()))
                    .map(SessionJournals.Entry::info).toList();
            return servers;
        }

        /**
         * As of the last {@link #refresh()}: saved sessions of this host (no process has them open) whose mosh-server
         * no longer runs there, so they cannot be resumed.
         */
        public List<JournalInfo> endedSessions() {
            return ended;
        }

        /** Deletes the journal of a saved session whose server has ended (see {@link #endedSessions()}). */
        public void forget(String journalId) {
            ended.stream().filter(j -> j.id().equals(journalId)).findFirst().ifPresent(this::forget);
            ended = ended.stream().filter(j -> !j.id().equals(journalId)).toList();
        }

        /**
         * Ends the server {@code pid} on the host (only a mosh-server of this user; the host checks) and forgets the
         * journal that held it, whose session is then over. A session open in a process is not ended here.
         */
        public MoshServerProcesses.EndOutcome end(long pid) throws SshException {
            Optional<FoundServer> known = servers.stream().filter(s -> s.server().pid() == pid).findFirst();
            if (known.isPresent() && known.get().standing() == Standing.OPEN) {
                throw new IllegalStateException("session of server " + pid + " is open in process "
                        + known.get().openIn().getAsLong() + "; close it there");
            }
            MoshServerProcesses.EndOutcome outcome = MoshServerProcesses.end(connection, pid);
            boolean over = outcome == MoshServerProcesses.EndOutcome.ENDED
                    || outcome == MoshServerProcesses.EndOutcome.GONE;
            if (over) {
                known.flatMap(FoundServer::journal).ifPresent(this::forget);
                servers = servers.stream().filter(s -> s.server().pid() != pid).toList();
            }
            return outcome;
        }

        private void forget(JournalInfo journal) {
            try {
                journals.open(journal.id()).delete();
            } catch (IOException gone) {
                // opened meanwhile by another process, or already deleted: it will find out its server is gone
            }
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
