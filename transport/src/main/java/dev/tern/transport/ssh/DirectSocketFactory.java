package dev.tern.transport.ssh;

import com.jcraft.jsch.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Opens the TCP connection for JSch itself, so that Tern reports resolving and connecting separately, tries every
 * address of the host (IPv4 and IPv6) within the timeout, and knows which address was actually reached: that is
 * where mosh-server's UDP port is, too.
 */
final class DirectSocketFactory implements SocketFactory {
    private final Duration timeout;
    private final ConnectProgress progress;
    private volatile InetSocketAddress reached;

    DirectSocketFactory(Duration timeout, ConnectProgress progress) {
        this.timeout = timeout;
        this.progress = progress;
    }

    /** The address the connection went to, once connected. */
    InetSocketAddress reached() {
        return reached;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        progress.stage(ConnectStage.RESOLVING, host);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new SshException(SshFailure.UNKNOWN_HOST, "The host name '" + host + "' could not be resolved. "
                    + "Check its spelling, the HostName in ~/.ssh/config, and your DNS or network connection.", e);
        }
        IOException last = null;
        InetAddress lastAddress = addresses[0];
        for (InetAddress address : addresses) {
            InetSocketAddress target = new InetSocketAddress(address, port);
            progress.stage(ConnectStage.CONNECTING, describe(host, target));
            Socket socket = new Socket();
            try {
                socket.connect(target, (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
                socket.setTcpNoDelay(true);
                reached = target;
                progress.stage(ConnectStage.AUTHENTICATING, describe(host, target));
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
                lastAddress = address;
            }
        }
        throw explain(host, new InetSocketAddress(lastAddress, port), last);
    }

    private static String describe(String host, InetSocketAddress target) {
        String address = target.getAddress().getHostAddress();
        String shown = address.contains(":") ? "[" + address + "]" : address;
        return (host.equals(address) ? "" : host + " ") + shown + ":" + target.getPort();
    }

    private SshException explain(String host, InetSocketAddress target, IOException e) {
        String where = describe(host, target);
        boolean unreachable = e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT)
                .contains("unreachable");
        return switch (e) {
            case NoRouteToHostException noRoute -> unreachable(where, e);
            case ConnectException refused when unreachable -> unreachable(where, e);
            case ConnectException refused -> new SshException(SshFailure.CONNECTION_REFUSED, "Connection refused "
                    + "by " + where + ". No SSH server listens on that port: check the port number, and that sshd "
                    + "is running on the server.", e);
            case SocketTimeoutException timedOut -> new SshException(SshFailure.CONNECTION_TIMED_OUT,
                    "No answer from " + where + " within " + timeout.toSeconds() + " s. The host may be down, or a "
                    + "firewall drops the connection; check the address and port.", e);
            default -> unreachable ? unreachable(where, e) : new SshException(SshFailure.CONNECTION_REFUSED,
                    "Could not connect to " + where + ": " + e.getMessage() + ".", e);
        };
    }

    private static SshException unreachable(String where, IOException e) {
        return new SshException(SshFailure.NETWORK_UNREACHABLE, "No route to " + where + ". Check your network "
                + "connection (and VPN) and the address.", e);
    }

    @Override
    public InputStream getInputStream(Socket socket) throws IOException {
        return socket.getInputStream();
    }

    @Override
    public OutputStream getOutputStream(Socket socket) throws IOException {
        return socket.getOutputStream();
    }
}
