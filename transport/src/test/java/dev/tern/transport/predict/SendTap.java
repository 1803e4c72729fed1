package dev.tern.transport.predict;

import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.SequenceCounter;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.wire.DatagramLayer;
import dev.tern.transport.wire.DroppedInputException;
import dev.tern.transport.wire.InstructionDecoder;
import dev.tern.transport.wire.TransportInstruction;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * A loopback UDP relay between the client and the impairment proxy that reads the client's datagrams (it holds
 * the session key) to learn the number of the newest state the client has sent: mosh's {@code
 * get_sent_state_last()}, which the prediction engine needs and MoshSession does not expose yet.
 */
final class SendTap implements AutoCloseable {
    private final DatagramSocket clientSide;
    private final DatagramSocket serverSide;
    private final InetSocketAddress upstream;
    private final DatagramLayer reader;
    private final InstructionDecoder decoder = new InstructionDecoder();
    private volatile SocketAddress client;
    private volatile long lastSent;
    private volatile boolean closed;

    SendTap(InetSocketAddress upstream, SessionKey key) throws IOException {
        this.upstream = upstream;
        this.clientSide = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.serverSide = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.reader = new DatagramLayer(key, Direction.TO_CLIENT, new SequenceCounter());
        Thread.ofPlatform().daemon().name("tap-up").start(this::pumpUp);
        Thread.ofPlatform().daemon().name("tap-down").start(this::pumpDown);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) clientSide.getLocalSocketAddress();
    }

    /** Number of the newest client state seen going out. */
    long lastSent() {
        return lastSent;
    }

    private void pumpUp() {
        byte[] buf = new byte[65536];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                clientSide.receive(p);
                client = p.getSocketAddress();
                note(buf, p.getLength());
                serverSide.send(new DatagramPacket(buf, p.getLength(), upstream));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private synchronized void note(byte[] datagram, int length) {
        try {
            Optional<TransportInstruction> i = decoder.add(reader.open(datagram.clone(), length, 0).fragment());
            i.ifPresent(inst -> {
                if (inst.newNum() != TransportInstruction.SHUTDOWN && inst.newNum() > lastSent) {
                    lastSent = inst.newNum();
                }
            });
        } catch (DroppedInputException | RuntimeException e) {
            // not ours to judge; the datagram is relayed anyway
        }
    }

    private void pumpDown() {
        byte[] buf = new byte[65536];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                serverSide.receive(p);
                SocketAddress to = client;
                if (to != null) {
                    clientSide.send(new DatagramPacket(buf, p.getLength(), to));
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        clientSide.close();
        serverSide.close();
    }
}
