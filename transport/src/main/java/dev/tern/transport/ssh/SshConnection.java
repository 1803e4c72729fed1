package dev.tern.transport.ssh;

import com.jcraft.jsch.Session;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A logged-in SSH connection (through its jump hosts, if any). Runs commands, opens shells, and is what
 * {@link MoshBootstrap} starts mosh-server over. Thread-safe; close it when the tab or bootstrap is done.
 */
public final class SshConnection implements AutoCloseable {
    private static final int OUTPUT_LIMIT = 1 << 20;

    private final ConnectSpec spec;
    private final List<Session> sessions;
    private final InetSocketAddress reached;

    SshConnection(ConnectSpec spec, List<Session> sessions, InetSocketAddress reached) {
        this.spec = spec;
        this.sessions = List.copyOf(sessions);
        this.reached = reached;
    }

    public ConnectSpec spec() {
        return spec;
    }

    /**
     * The address and port the TCP connection actually reached, when Tern connected directly; empty through jump
     * hosts (the last hop's address is only known to the jump host).
     */
    public Optional<InetSocketAddress> reachedAddress() {
        return Optional.ofNullable(reached);
    }

    /** The server's version string, e.g. {@code SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3}. */
    public String serverVersion() {
        return target().getServerVersion();
    }

    public boolean isConnected() {
        return sessions.stream().allMatch(Session::isConnected);
    }

    Session target() {
        return sessions.getLast();
    }

    /**
     * Runs a command (through the user's login shell, without a terminal, stdin closed) and waits for it to end,
     * at most {@code timeout}. Output beyond 1 MiB per stream is dropped.
     */
    public ExecResult exec(String command, Duration timeout) throws SshException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (RemoteProcess process = RemoteProcess.start(target(), command, timeout)) {
            StreamCollector out = StreamCollector.start(process.stdout(), OUTPUT_LIMIT, "ssh-exec-stdout");
            StreamCollector err = StreamCollector.start(process.stderr(), OUTPUT_LIMIT, "ssh-exec-stderr");
            boolean finished = out.awaitEnd(deadline - System.nanoTime())
                    && err.awaitEnd(deadline - System.nanoTime());
            // the exit status travels just before the channel closes; give it the remaining time
            while (finished && !process.isClosed() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            return new ExecResult(process.exitStatus(), out.text(), err.text(), !finished);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshException(SshFailure.PROTOCOL, "Interrupted while running '" + command + "'", e);
        }
    }

    /**
     * Opens an interactive shell on a terminal of type {@code term} (e.g. xterm-256color).
     *
     * @param environment variables the server may accept (AcceptEnv), typically LANG and LC_*
     */
    public SshShell openShell(String term, PtySize size, Map<String, String> environment) throws SshException {
        return SshShell.open(target(), term, size, environment, spec.connectTimeout());
    }

    /** Sends one keepalive now (e.g. after the machine woke up), to find out quickly whether the link is dead. */
    public void sendKeepAlive() throws SshException {
        try {
            target().sendKeepAliveMsg();
        } catch (Exception e) {
            throw new SshException(SshFailure.CONNECTION_CLOSED, "The SSH connection to " + spec.displayName()
                    + " is lost: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        SshConnector.disconnectAll(sessions);
    }

    @Override
    public String toString() {
        return "SshConnection[" + spec.displayName() + (spec.jumps().isEmpty() ? "" : " via "
                + spec.jumps().stream().map(ConnectSpec::displayName).toList()) + "]";
    }
}
