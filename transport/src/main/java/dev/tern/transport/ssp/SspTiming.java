package dev.tern.transport.ssp;

/** SSP's timing figures (docs/PROTOCOL.md §6.5), in milliseconds. */
public final class SspTiming {
    /** An idle sender still sends an empty instruction this often, so each side knows the other is there. */
    public static final int HEARTBEAT_INTERVAL = 3000;
    /**
     * How long an acknowledgement of the peer's data waits for our own data to travel with it. The peer holds its
     * acks as long, so an unacknowledged send is given one RTO plus this before it counts as possibly lost.
     */
    public static final int ACK_HOLD = 100;
    /** While we have heard from the peer this recently, unacknowledged data is resent at frame rate. */
    public static final int EAGER_RESEND_WINDOW = 10_000;
    /** A shutdown is given up after this many sends of the shutdown state ... */
    public static final int SHUTDOWN_ATTEMPTS = 16;
    /** ... or after this long without the peer acknowledging it. */
    public static final int SHUTDOWN_PATIENCE = 10_000;
    /** How long the client lets a change of its state collect further changes before sending (as mosh-client). */
    public static final int CLIENT_COLLECT_DELAY = 1;
    /** The same for a server, which batches its screen updates a little longer. */
    public static final int SERVER_COLLECT_DELAY = 8;
    static final int RECEIVED_QUEUE_CAP = 1024;
    static final int RECEIVER_QUENCH_INTERVAL = 15_000;
    /**
     * A diff from the acknowledged state is preferred to a shorter one from a state the peer may not have, when it is
     * under {@link #REBASE_LIMIT_BYTES} and fewer than this many bytes longer: it survives the loss of earlier sends.
     */
    static final int REBASE_SLACK_BYTES = 100;
    static final int REBASE_LIMIT_BYTES = 1000;
    /** Random padding per instruction, 0 to this many bytes, so equal diffs do not make equal datagrams. */
    static final int CHAFF_MAX = 16;

    public static final long NEVER = Long.MAX_VALUE;

    private SspTiming() {
    }
}
