package dev.tern.app.cli;

import dev.tern.app.session.SessionJanitor;
import dev.tern.transport.session.JournalInfo;
import dev.tern.transport.session.SessionJournal;
import dev.tern.transport.session.SessionJournals;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** The CLI's side of session journals: {@code --sessions}, choosing what {@code --resume} takes up, new journals. */
final class SessionsCommand {
    /** What {@code --resume} without an id stands for. */
    static final String NEWEST = "newest";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final SessionJournals journals;
    private final PrintStream err;

    SessionsCommand(SessionJournals journals, PrintStream err) {
        this.journals = journals;
        this.err = err;
    }

    SessionJournals journals() {
        return journals;
    }

    /** {@code tern --sessions}: one line per saved session. */
    int list(PrintStream out, PrintStream err) {
        List<SessionJournals.Entry> entries;
        try {
            entries = journals.list();
        } catch (IOException e) {
            err.println("tern: cannot read the saved sessions in " + journals.folder() + ": " + e.getMessage());
            return 1;
        }
        if (entries.isEmpty()) {
            out.println("No saved sessions.");
            return 0;
        }
        out.printf("%-10s %-28s %-17s %-17s %s%n", "ID", "SESSION", "STARTED", "LAST CONTACT", "STATE");
        Instant now = Instant.now();
        for (SessionJournals.Entry entry : entries) {
            JournalInfo info = entry.info();
            String state = entry.openIn().isPresent()
                    ? "open in " + (entry.openIn().getAsLong() > 0 ? "process " + entry.openIn().getAsLong()
                    : "another process") : "resumable";
            out.printf("%-10s %-28s %-17s %-17s %s%n", info.id(), RemoteText.printable(info.label()),
                    WHEN.format(info.started()), info.lastContact().map(c -> ago(now, c)).orElse("never"), state);
        }
        out.println("Resume one with: tern --resume ID");
        return 0;
    }

    /**
     * {@code tern --sessions [user@]host}: the user's mosh-servers on that host, and which of them a journal of this
     * machine can take up again (docs/PROTOCOL.md §8.5).
     */
    static void listOnHost(String where, List<SessionJanitor.FoundServer> servers, PrintStream out) {
        if (servers.isEmpty()) {
            out.println("No mosh-server of yours runs on " + RemoteText.printable(where) + ".");
            return;
        }
        out.printf("%-8s %-17s %s%n", "PID", "STARTED", "STATE");
        for (SessionJanitor.FoundServer found : servers) {
            String state = switch (found.standing()) {
                case RESUMABLE -> "detached: tern --resume " + found.journal().orElseThrow().id();
                case OPEN -> "open in " + (found.openIn().getAsLong() > 0 ? "process " + found.openIn().getAsLong()
                        : "another process");
                case UNKNOWN -> "not known here (another computer's session, or its journal was lost)";
            };
            out.printf("%-8d %-17s %s%n", found.server().pid(), WHEN.format(found.server().started()), state);
        }
        out.println("The desktop app's \"Sessions on this host…\" (a profile's context menu) ends the ones not needed.");
    }

    /** A journal for a new session; null (after a warning) when none can be kept, and the session runs anyway. */
    SessionJournal create(String label, InetSocketAddress server, OptionalLong serverPid) {
        try {
            return journals.create(label, server.getAddress().getHostAddress(), server.getPort(), serverPid);
        } catch (IOException e) {
            err.println("tern: this session cannot be resumed after a crash: " + e.getMessage());
            return null;
        }
    }

    /** The journal {@code --resume} asked for, locked for this process; null after saying why not. */
    SessionJournal open(String id) {
        String chosen = id;
        if (NEWEST.equals(id)) {
            List<SessionJournals.Entry> entries;
            try {
                entries = journals.list();
            } catch (IOException e) {
                err.println("tern: cannot read the saved sessions in " + journals.folder() + ": " + e.getMessage());
                return null;
            }
            var free = entries.stream().filter(e -> e.openIn().isEmpty()).findFirst();
            if (free.isEmpty()) {
                err.println(entries.isEmpty() ? "tern: no saved session to resume."
                        : "tern: every saved session is open in another process (tern --sessions lists them).");
                return null;
            }
            chosen = free.get().info().id();
        }
        try {
            return journals.open(chosen);
        } catch (SessionJournals.InUseException e) {
            err.println("tern: " + e.getMessage() + ".");
        } catch (NoSuchFileException e) {
            err.println("tern: no saved session '" + RemoteText.printable(chosen) + "'; tern --sessions lists them.");
        } catch (IOException e) {
            err.println("tern: cannot resume session " + RemoteText.printable(chosen) + ": " + e.getMessage());
        }
        return null;
    }

    private static String ago(Instant now, Instant then) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86_400 + " days ago";
    }
}
