package dev.tern.transport.ssh;

import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Carries the next hop's SSH connection inside a {@code direct-tcpip} channel of the jump host's session, which is
 * what OpenSSH's ProxyJump does ({@code ssh -W}); nothing listens on a local port.
 */
final class JumpChannelProxy implements Proxy {
    private final Session jump;
    private final String jumpName;
    private final ConnectProgress progress;
    private ChannelDirectTCPIP channel;
    private InputStream in;
    private OutputStream out;

    JumpChannelProxy(Session jump, String jumpName, ConnectProgress progress) {
        this.jump = jump;
        this.jumpName = jumpName;
        this.progress = progress;
    }

    @Override
    public void connect(SocketFactory ignored, String host, int port, int timeout) throws Exception {
        String target = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        progress.stage(ConnectStage.CONNECTING, target + " via jump host " + jumpName);
        try {
            channel = (ChannelDirectTCPIP) jump.openChannel("direct-tcpip");
            channel.setHost(host);
            channel.setPort(port);
            in = channel.getInputStream();
            out = channel.getOutputStream();
            channel.connect(timeout);
        } catch (JSchException e) {
            throw new SshException(SshFailure.JUMP_FAILED, "The jump host " + jumpName + " could not connect to "
                    + target + " (" + e.getMessage() + "). Check the target's address and port as seen from the "
                    + "jump host, and that the jump host allows TCP forwarding (AllowTcpForwarding).", e);
        }
        progress.stage(ConnectStage.AUTHENTICATING, target + " via jump host " + jumpName);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
    }
}
