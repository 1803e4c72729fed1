package dev.tern.transport.ssh;

import java.time.Instant;
import java.util.Objects;

/**
 * A mosh-server process of the logged-in user on a remote host, as its process list shows it.
 *
 * @param pid         the process id on that host
 * @param started     when it started, from its elapsed time and the local clock at the time of listing (so the
 *                    two hosts' clocks need not agree)
 * @param commandLine its arguments as {@code ps} printed them (for display; never run)
 */
public record RemoteMoshServer(long pid, Instant started, String commandLine) {
    public RemoteMoshServer {
        if (pid <= 1) {
            throw new IllegalArgumentException("not a server's pid: " + pid);
        }
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(commandLine, "commandLine");
    }
}
