package dev.tern.transport.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A command running on the server in an exec channel without a terminal, with its stdin already closed: mosh-server
 * and {@code locale -a} must see end-of-file at once, or the channel would stay open until stdin closes.
 */
final class RemoteProcess implements AutoCloseable {
    private final ChannelExec channel;
    private final InputStream stdout;
    private final InputStream stderr;

    private RemoteProcess(ChannelExec channel, InputStream stdout, InputStream stderr) {
        this.channel = channel;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static RemoteProcess start(Session session, String command, Duration timeout) throws SshException {
        try {
            ChannelExec channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command);
            channel.setPty(false);
            InputStream stdout = channel.getInputStream();
            InputStream stderr = channel.getExtInputStream();
            channel.connect((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            channel.getOutputStream().close();
            return new RemoteProcess(channel, stdout, stderr);
        } catch (JSchException | IOException e) {
            throw new SshException(session.isConnected() ? SshFailure.PROTOCOL : SshFailure.CONNECTION_CLOSED,
                    "Could not run a command on " + session.getHost() + ": " + e.getMessage()
                            + (session.isConnected() ? "" : " (the SSH connection is closed)"), e);
        }
    }

    InputStream stdout() {
        return stdout;
    }

    InputStream stderr() {
        return stderr;
    }

    boolean isClosed() {
        return channel.isClosed();
    }

    /** The exit status once the channel has closed, -1 before or when the server sent none. */
    int exitStatus() {
        return channel.getExitStatus();
    }

    @Override
    public void close() {
        channel.disconnect();
    }
}
