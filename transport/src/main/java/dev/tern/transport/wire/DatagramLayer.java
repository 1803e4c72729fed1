package dev.tern.transport.wire;

import dev.tern.transport.crypto.DatagramAuthenticationException;
import dev.tern.transport.crypto.DatagramCipher;
import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.Nonce;
import dev.tern.transport.crypto.OpenedDatagram;
import dev.tern.transport.crypto.SequenceCounter;
import dev.tern.transport.crypto.SessionKey;

/**
 * mosh's {@code Connection} without sockets: seals outgoing fragments with sequence numbers and timestamps,
 * opens incoming datagrams, keeps the expected sequence number, the timestamp to echo and the RTT estimate.
 * Times are milliseconds of one monotonic clock, frozen by the caller for each event-loop turn.
 */
public final class DatagramLayer {
    /** A saved peer timestamp is echoed only if it is fresher than this. */
    static final int MAX_TIMESTAMP_HOLD = 1000;
    /** Added to the echo of a congestion-marked datagram, inflating the peer's RTT estimate. */
    static final int CONGESTION_TIMESTAMP_PENALTY = 500;

    private final DatagramCipher cipher;
    private final Direction sendDirection;
    private final SequenceCounter sequence;
    private final RttEstimator rtt = new RttEstimator();
    private long expectedSequence;
    private int savedTimestamp = -1;
    private long savedTimestampReceivedAt;

    public DatagramLayer(SessionKey key, Direction sendDirection, SequenceCounter sequence) {
        this.cipher = new DatagramCipher(key);
        this.sendDirection = sendDirection;
        this.sequence = sequence;
    }

    public byte[] seal(Fragment fragment, long now) {
        int reply = Packet.NO_TIMESTAMP;
        if (savedTimestamp >= 0 && now - savedTimestampReceivedAt < MAX_TIMESTAMP_HOLD) {
            reply = (savedTimestamp + (int) (now - savedTimestampReceivedAt)) & 0xFFFF;
            savedTimestamp = -1; // each peer timestamp is echoed once
        }
        Packet packet = new Packet(Timestamp16.of(now), reply, fragment);
        return cipher.seal(new Nonce(sendDirection, sequence.next()), packet.encode());
    }

    /** Opens a datagram of {@code length} bytes received at {@code now}; never changes state on failure. */
    public ReceivedFragment open(byte[] datagram, int length, long now) throws DroppedInputException {
        return open(datagram, length, now, false);
    }

    public ReceivedFragment open(byte[] datagram, int length, long now, boolean congestionExperienced)
            throws DroppedInputException {
        if (length > Mtu.RECEIVE_DATAGRAM) {
            throw new DroppedInputException(DropReason.OVERSIZE_DATAGRAM, length + " bytes");
        }
        OpenedDatagram opened;
        try {
            opened = cipher.open(datagram, length);
        } catch (DatagramAuthenticationException e) {
            throw new DroppedInputException(DropReason.AUTHENTICATION_FAILED, e.getMessage());
        }
        if (opened.nonce().direction() == sendDirection) {
            throw new DroppedInputException(DropReason.WRONG_DIRECTION, "datagram sent in our own direction");
        }
        Packet packet = Packet.decode(opened.plaintext());
        long seq = opened.nonce().sequence();
        boolean inOrder = seq >= expectedSequence;
        if (inOrder) {
            expectedSequence = seq + 1;
            if (packet.timestamp() != Packet.NO_TIMESTAMP) {
                int saved = packet.timestamp();
                if (congestionExperienced) {
                    saved = (saved - CONGESTION_TIMESTAMP_PENALTY) & 0xFFFF;
                }
                savedTimestamp = saved;
                savedTimestampReceivedAt = now;
            }
            if (packet.timestampReply() != Packet.NO_TIMESTAMP) {
                rtt.sample(Timestamp16.difference(Timestamp16.of(now), packet.timestampReply()));
            }
        }
        return new ReceivedFragment(seq, inOrder, packet.fragment());
    }

    public RttEstimator rtt() {
        return rtt;
    }

    public long nextSequence() {
        return sequence.peek();
    }
}
