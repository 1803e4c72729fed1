package dev.tern.transport.ssp;

/** The round-trip figures the sender paces itself by (backed by the datagram layer's RTT estimate). */
public interface TimingSource {
    /** Retransmission timeout, 50–1000 ms. */
    int rto();

    /** The shortest gap between two sends of new data: half the smoothed RTT, 20–250 ms. */
    int frameInterval();
}
