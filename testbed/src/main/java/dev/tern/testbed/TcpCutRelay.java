package dev.tern.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback in front of a server (the test bed's sshd), whose connections a test can kill the way a
 * network change kills them: after {@link #blackout} every connection open then is silently dead for good (nothing
 * passes either way, nothing is closed: no FIN, no RST, as when the laptop roamed to another address or slept
 * through the server's timeouts), and new connections are turned away until the blackout ends. The UDP side of a
 * blackout is {@link UdpImpairmentProxy}'s.
 */
public final class TcpCutRelay implements AutoCloseable {
    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> dead = ConcurrentHashMap.newKeySet();
    private final AtomicLong refuseUntilNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean closed;

    private TcpCutRelay(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("tcp-relay-accept").start(this::acceptLoop);
    }

    public static TcpCutRelay start(InetSocketAddress target) {
        try {
            return new TcpCutRelay(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Every open connection goes silently dead for good, and new ones are turned away (closed at once) for
     * {@code duration}.
     */
    public void blackout(Duration duration) {
        refuseUntilNanos.set(System.nanoTime() + duration.toNanos());
        dead.addAll(open);
    }

    /** Connections that were let through (each login is one). */
    public long acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (System.nanoTime() < refuseUntilNanos.get()) {
                quietlyClose(client);
                continue;
            }
            try {
                Socket server = new Socket(target.getAddress(), target.getPort());
                accepted.incrementAndGet();
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                quietlyClose(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("tcp-relay-pump").start(() -> {
            byte[] buffer = new byte[32 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (dead.contains(from)) {
                        // a dead path: what is sent is lost, and nobody is told
                        parkUntilClosed();
                        return;
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException ignored) {
                // cut, or the other side went away
            } finally {
                quietlyClose(from);
                quietlyClose(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private void parkUntilClosed() {
        while (!closed) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket socket : open) {
            quietlyClose(socket);
        }
        dead.clear();
    }
}
