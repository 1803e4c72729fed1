package dev.tern.transport.ssh;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The logged-in user's mosh-server processes on a host, found and ended over SSH (docs/PROTOCOL.md §8.5).
 *
 * <p>The process list is the portable way to find them (the utmp entries mosh-server writes need libutempter on
 * the host): {@code ps} with the real user id, which Linux (procps) and the BSDs and macOS read alike. A process
 * counts as a mosh-server when the first word of its command line is {@code mosh-server} or ends in
 * {@code /mosh-server}. Ending one is done by a script on the host that checks, right before the signal, that the
 * pid is still a mosh-server of this user; anything else is refused there, and the pid is checked here to be a
 * plain number before it goes into the script. Both scripts run under {@code sh}, whatever the login shell is.
 */
public final class MoshServerProcesses {
    static final String LIST_SCRIPT = "LC_ALL=C ps -ww -o pid= -o etime= -o args= -U \"$(id -u)\"";
    /**
     * How long the host waits for a server told to end (SIGTERM) before it kills it (SIGKILL): mosh-server first tries
     * its shutdown handshake with the vanished client, which takes it a few seconds.
     */
    static final Duration EXIT_PATIENCE = Duration.ofSeconds(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);
    private static final String SERVER_NAME = "mosh-server";

    /** What became of a request to end a server, with a sentence for the user. */
    public enum EndOutcome {
        ENDED("The mosh-server has ended."),
        GONE("There is no such process any more: the mosh-server had already ended."),
        NOT_YOURS("That process belongs to another user; Tern ends only your own mosh-servers."),
        NOT_A_MOSH_SERVER("That process is not a mosh-server; Tern ends nothing else."),
        STILL_RUNNING("The mosh-server is still running after it was told to end and then killed; end it by hand."),
        FAILED("The host could not be asked to end the mosh-server.");

        private final String sentence;

        EndOutcome(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    private MoshServerProcesses() {
    }

    /** The command that lists this user's processes (pid, elapsed time, arguments). */
    static String listCommand() {
        return "sh -c " + MoshServerCommand.quote(LIST_SCRIPT);
    }

    /**
     * The command that ends {@code pid} if, and only if, it is a mosh-server of this user: SIGTERM, and SIGKILL if it
     * still runs after {@link #EXIT_PATIENCE}. Its exit status says what happened: 0 ended, 3 no such process, 4
     * another user's, 5 not a mosh-server, 6 the signal failed, 7 still running after both.
     */
    static String endCommand(long pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("not a server's pid: " + pid);
        }
        int tenths = (int) (EXIT_PATIENCE.toMillis() / 100);
        // "running": it exists and is no zombie (a zombie has ended; only its parent's reaping is left)
        String running = "{ s=$(ps -o stat= -p $p 2>/dev/null | tr -d \" \"); "
                + "[ -n \"$s\" ] && [ \"${s#Z}\" = \"$s\" ]; }";
        String script = "p=" + pid + "; "
                + running + " || exit 3; "
                + "u=$(ps -o uid= -p $p 2>/dev/null | tr -d \" \"); "
                + "[ \"$u\" = \"$(id -u)\" ] || exit 4; "
                + "a=$(LC_ALL=C ps -ww -o args= -p $p 2>/dev/null); "
                + "set -f; set -- $a; "
                + "case \"$1\" in " + SERVER_NAME + "|*/" + SERVER_NAME + ") ;; *) exit 5;; esac; "
                + "kill -TERM $p 2>/dev/null || exit 6; "
                + "i=0; while " + running + "; do "
                + "i=$((i+1)); [ $i -le " + tenths + " ] || break; sleep 0.1 2>/dev/null || sleep 1; done; "
                + running + " || exit 0; "
                + "kill -KILL $p 2>/dev/null; sleep 1; " + running + " && exit 7; exit 0";
        return "sh -c " + MoshServerCommand.quote(script);
    }

    /** This user's mosh-servers on the host {@code connection} is logged in to, oldest first. */
    public static List<RemoteMoshServer> list(SshConnection connection) throws SshException {
        Instant now = Instant.now();
        ExecResult result = connection.exec(listCommand(), COMMAND_TIMEOUT);
        if (!result.succeeded()) {
            throw new SshException(SshFailure.PROTOCOL, "Could not list the processes on the host ("
                    + (result.timedOut() ? "no answer" : "ps exited with " + result.exitStatus()
                    + firstLine(result.stderr())) + ").", null);
        }
        return parse(result.stdout(), now);
    }

    /**
     * Ends {@code pid} on the host if it is a mosh-server of this user, and waits a moment for it to exit.
     *
     * @throws IllegalArgumentException if {@code pid} is not positive
     */
    public static EndOutcome end(SshConnection connection, long pid) throws SshException {
        ExecResult result = connection.exec(endCommand(pid), COMMAND_TIMEOUT.plus(EXIT_PATIENCE));
        if (result.timedOut()) {
            return EndOutcome.FAILED;
        }
        EndOutcome outcome = switch (result.exitStatus()) {
            case 0 -> EndOutcome.ENDED;
            case 3 -> EndOutcome.GONE;
            case 4 -> EndOutcome.NOT_YOURS;
            case 5 -> EndOutcome.NOT_A_MOSH_SERVER;
            case 7 -> EndOutcome.STILL_RUNNING;
            default -> EndOutcome.FAILED;
        };
        if (outcome == EndOutcome.ENDED || outcome == EndOutcome.GONE) {
            removeOrphanedRecordings(connection);
        }
        return outcome;
    }

    /**
     * Removes the complete-history recordings (docs/ARCHITECTURE.md §13) whose session is gone: an ended server's
     * own is normally removed by its wrapper on the hang-up, but a session killed outright leaves its folder.
     * Returns the folders removed; a failure to look is no failure of the end.
     */
    public static List<String> removeOrphanedRecordings(SshConnection connection) {
        try {
            ExecResult result = connection.exec(OutputRecorder.sweepCommand(), COMMAND_TIMEOUT);
            return result.succeeded() ? result.stdout().lines().filter(l -> !l.isBlank()).toList() : List.of();
        } catch (SshException e) {
            return List.of();
        }
    }

    /** The mosh-servers in the output of {@link #LIST_SCRIPT}, listed at {@code now}; other lines are skipped. */
    static List<RemoteMoshServer> parse(String psOutput, Instant now) {
        List<RemoteMoshServer> servers = new ArrayList<>();
        for (String line : psOutput.split("\r?\n")) {
            String[] words = line.strip().split("\\s+", 3);
            if (words.length < 3 || !isServer(words[2])) {
                continue;
            }
            Optional<Duration> elapsed = elapsed(words[1]);
            long pid;
            try {
                pid = Long.parseLong(words[0]);
            } catch (NumberFormatException notAPid) {
                continue;
            }
            if (pid > 1 && elapsed.isPresent()) {
                servers.add(new RemoteMoshServer(pid, now.minus(elapsed.get()), words[2]));
            }
        }
        servers.sort(java.util.Comparator.comparing(RemoteMoshServer::started));
        return servers;
    }

    private static boolean isServer(String commandLine) {
        String program = commandLine.split("\\s+", 2)[0];
        return program.equals(SERVER_NAME) || program.endsWith("/" + SERVER_NAME);
    }

    /** {@code ps}'s elapsed time, {@code [[dd-]hh:]mm:ss}. */
    static Optional<Duration> elapsed(String text) {
        String days = "0";
        String clock = text;
        int dash = text.indexOf('-');
        if (dash >= 0) {
            days = text.substring(0, dash);
            clock = text.substring(dash + 1);
        }
        String[] parts = clock.split(":");
        if (parts.length < 2 || parts.length > 3) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(days) * 86_400;
            long unit = 1;
            for (int i = parts.length - 1; i >= 0; i--) {
                long value = Long.parseLong(parts[i]);
                if (value < 0) {
                    return Optional.empty();
                }
                seconds += value * unit;
                unit *= 60;
            }
            return Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "" : ": " + line;
    }
}
