package dev.tern.transport.wire;

import dev.tern.transport.crypto.DatagramCipher;

import java.net.Inet6Address;
import java.net.InetAddress;

/** mosh 1.4.0's datagram size limits (docs/PROTOCOL.md §4.3). */
public final class Mtu {
    /** Largest UDP payload sent towards an IPv4 server: 1280 minus 20 IP and 8 UDP header bytes. */
    public static final int IPV4_DATAGRAM = 1280 - 28;
    /** Largest UDP payload sent towards an IPv6 server: 1280 minus 40 IPv6, 16 extension and 8 UDP bytes. */
    public static final int IPV6_DATAGRAM = 1280 - 64;
    /** Used after the network refused a datagram as too large. */
    public static final int FALLBACK_DATAGRAM = 500;
    /** Receive buffer; anything larger is rejected as oversize. */
    public static final int RECEIVE_DATAGRAM = 2048;
    /** Bytes a datagram adds around a fragment payload: nonce, tag, timestamps and fragment header. */
    public static final int OVERHEAD = DatagramCipher.OVERHEAD + Packet.TIMESTAMPS_LENGTH + Fragment.HEADER_LENGTH;

    private Mtu() {
    }

    public static int datagramFor(InetAddress server) {
        return server instanceof Inet6Address ? IPV6_DATAGRAM : IPV4_DATAGRAM;
    }

    public static int fragmentPayload(int datagramMtu) {
        return datagramMtu - OVERHEAD;
    }
}
