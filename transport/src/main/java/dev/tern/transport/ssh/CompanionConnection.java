package dev.tern.transport.ssh;

import java.io.InputStream;
import java.time.Duration;

/**
 * The SSH connection that stays beside a Mosh session: the login that started mosh-server is kept instead of being
 * dropped, and logged in again whenever it is lost (roaming, sleep, a dead link). One per Mosh session. Today it
 * carries the recorded output of the complete history ({@link RecordedOutputReader}); port and agent forwarding
 * and file transfer are meant to ride on it too, which is why it hands out plain channels and not a history API.
 *
 * <p>A login again uses the same {@link Login} as the first, so it asks the user only what that one would ask
 * (keys and agents ask nothing). Thread-safe.
 */
public final class CompanionConnection implements AutoCloseable {
    /** Logs in (again). Blocking. */
    @FunctionalInterface
    public interface Login {
        SshConnection connect() throws SshException;
    }

    private final Login login;
    private SshConnection current;
    private boolean closed;
    private long logins;

    /** @param first an already logged-in connection to start with, or null to log in on first use */
    public CompanionConnection(Login login, SshConnection first) {
        this.login = login;
        this.current = first;
    }

    /** The live connection, logging in again when there is none or it was lost. */
    public SshConnection connection() throws SshException {
        synchronized (this) {
            if (closed) {
                throw new SshException(SshFailure.CONNECTION_CLOSED, "The session's SSH connection was closed.");
            }
            if (current != null && current.isConnected()) {
                return current;
            }
            if (current != null) {
                current.close();
                current = null;
            }
        }
        SshConnection fresh = login.connect();
        synchronized (this) {
            if (closed) {
                fresh.close();
                throw new SshException(SshFailure.CONNECTION_CLOSED, "The session's SSH connection was closed.");
            }
            logins++;
            current = fresh;
            return fresh;
        }
    }

    /**
     * Drops {@code broken} (if it is still the current connection), so the next use logs in again: after a read on
     * it failed, or when the network changed under it and its TCP connection cannot be trusted.
     */
    public void drop(SshConnection broken) {
        SshConnection old;
        synchronized (this) {
            if (current != broken || broken == null) {
                return;
            }
            old = current;
            current = null;
        }
        old.close();
    }

    /** Drops whatever connection there is (the network changed). */
    public void dropCurrent() {
        SshConnection c;
        synchronized (this) {
            c = current;
        }
        drop(c);
    }

    /** How many times it logged in again after the first connection. */
    public synchronized long reconnects() {
        return logins;
    }

    /** A command whose output is read as a stream (stdin closed); closing it closes the channel. */
    public Stream stream(String command, Duration openTimeout) throws SshException {
        SshConnection c = connection();
        try {
            return new Stream(c, RemoteProcess.start(c.target(), command, openTimeout));
        } catch (SshException e) {
            drop(c);
            throw e;
        }
    }

    /** A running command on the companion connection. */
    public static final class Stream implements AutoCloseable {
        private final SshConnection connection;
        private final RemoteProcess process;

        private Stream(SshConnection connection, RemoteProcess process) {
            this.connection = connection;
            this.process = process;
        }

        public InputStream stdout() {
            return process.stdout();
        }

        /** The connection it runs on, to {@link #drop} when reading from it fails. */
        public SshConnection connection() {
            return connection;
        }

        @Override
        public void close() {
            process.close();
        }
    }

    @Override
    public void close() {
        SshConnection c;
        synchronized (this) {
            closed = true;
            c = current;
            current = null;
        }
        if (c != null) {
            c.close();
        }
    }
}
