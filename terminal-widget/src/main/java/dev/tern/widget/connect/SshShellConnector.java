package dev.tern.widget.connect;

import dev.tern.transport.ssh.ConnectProgress;
import dev.tern.transport.ssh.PtySize;
import dev.tern.transport.ssh.SshConnection;
import dev.tern.transport.ssh.SshException;
import dev.tern.transport.ssh.SshShell;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An interactive shell over SSH (a JSch shell channel on a server PTY). Logging in is the app's business (profiles,
 * prompts, known hosts): it hands over a {@link Login} that this connector runs on its own thread, reporting each
 * step of the connection as the tab's state.
 */
public final class SshShellConnector extends StreamConnector {
    /** Opens the SSH connection (blocking), reporting progress. */
    @FunctionalInterface
    public interface Login {
        SshConnection connect(ConnectProgress progress) throws SshException;
    }

    private final String name;
    private final Login login;
    private final Map<String, String> environment;
    private volatile SshConnection connection;
    private volatile SshShell shell;
    private volatile PtySize wantedSize;

    /** @param environment variables offered to the server (only those its AcceptEnv allows are set) */
    public SshShellConnector(String name, Login login, Map<String, String> environment) {
        this.name = name;
        this.login = login;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Streams open(int columns, int rows) throws IOException {
        ConnectorListener l = listener();
        SshConnection c = login.connect((stage, detail) ->
                l.state(ConnectionState.CONNECTING, stage.label() + (detail.isBlank() ? "" : " " + detail) + "…"));
        connection = c;
        PtySize size = wantedSize != null ? wantedSize : PtySize.of(columns, rows);
        SshShell s = c.openShell("xterm-256color", size, environment);
        shell = s;
        if (hasEnded()) {
            release();
        }
        PtySize wanted = wantedSize;
        if (wanted != null && !wanted.equals(size)) {
            s.resize(wanted);
        }
        return new Streams(s.output(), s.input());
    }

    @Override
    protected String endMessage() {
        SshShell s = shell;
        OptionalInt status = OptionalInt.empty();
        // the exit status arrives just before the channel closes
        for (int i = 0; s != null && i < 50 && status.isEmpty(); i++) {
            status = s.exitStatus();
            if (status.isEmpty()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return status.isPresent() ? "Remote shell exited with code " + status.getAsInt() + "."
                : "Connection to " + name + " closed.";
    }

    @Override
    protected void release() {
        SshShell s = shell;
        if (s != null) {
            s.close();
        }
        SshConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void resize(int columns, int rows) {
        if (columns < 1 || rows < 1) {
            return;
        }
        PtySize size = PtySize.of(columns, rows);
        wantedSize = size;
        SshShell s = shell;
        if (s != null && s.isOpen()) {
            try {
                s.resize(size);
            } catch (RuntimeException e) {
                // the channel is closing; the reader reports the end
            }
        }
    }
}
