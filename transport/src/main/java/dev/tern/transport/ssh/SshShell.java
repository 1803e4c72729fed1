package dev.tern.transport.ssh;

import com.jcraft.jsch.ChannelShell;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An interactive shell on a server terminal (PTY), for plain SSH tabs. The widget reads {@link #output()} (the
 * terminal's output, stderr included since the PTY merges it), writes keystrokes to {@link #input()}, and calls
 * {@link #resize} when its size changes. Closing the shell leaves the connection open.
 */
public final class SshShell implements AutoCloseable {
    private final ChannelShell channel;
    private final InputStream output;
    private final OutputStream input;

    private SshShell(ChannelShell channel, InputStream output, OutputStream input) {
        this.channel = channel;
        this.output = output;
        this.input = input;
    }

    /**
     * @param environment variables to ask the server to set (e.g. LANG); servers only accept the names their
     *                    AcceptEnv allows, and silently drop the rest
     */
    static SshShell open(Session session, String term, PtySize size, Map<String, String> environment,
                         Duration timeout) throws SshException {
        try {
            ChannelShell channel = (ChannelShell) session.openChannel("shell");
            channel.setPty(true);
            channel.setPtyType(term, size.columns(), size.rows(), size.widthPixels(), size.heightPixels());
            environment.forEach(channel::setEnv);
            InputStream output = channel.getInputStream();
            OutputStream input = channel.getOutputStream();
            channel.connect((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return new SshShell(channel, output, input);
        } catch (JSchException | IOException e) {
            throw new SshException(session.isConnected() ? SshFailure.PROTOCOL : SshFailure.CONNECTION_CLOSED,
                    "Could not open a shell on " + session.getHost() + ": " + e.getMessage(), e);
        }
    }

    /** What the remote terminal prints; ends when the shell exits or the connection drops. */
    public InputStream output() {
        return output;
    }

    /** Keystrokes and pastes for the remote terminal; flush after writing. */
    public OutputStream input() {
        return input;
    }

    /** Tells the server the terminal's new size (SSH window-change). */
    public void resize(PtySize size) {
        channel.setPtySize(size.columns(), size.rows(), size.widthPixels(), size.heightPixels());
    }

    public boolean isOpen() {
        return channel.isConnected() && !channel.isClosed();
    }

    /** The shell's exit status, once it has exited and the server reported one. */
    public OptionalInt exitStatus() {
        int status = channel.getExitStatus();
        return channel.isClosed() && status >= 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }

    @Override
    public void close() {
        channel.disconnect();
    }
}
