package dev.tern.transport.ssp;

/** SSP's timing constants (docs/mosh-protocol.md §5.4), in milliseconds. */
public final class SspTiming {
    public static final int ACK_INTERVAL = 3000;
    public static final int ACK_DELAY = 100;
    public static final int SHUTDOWN_RETRIES = 16;
    public static final int ACTIVE_RETRY_TIMEOUT = 10_000;
    /** mosh-client's minimum delay between the first change of its state and sending it. */
    public static final int CLIENT_SEND_MINDELAY = 1;
    /** mosh-server's minimum delay. */
    public static final int SERVER_SEND_MINDELAY = 8;
    static final int SENT_QUEUE_CAP = 32;
    static final int RECEIVED_QUEUE_CAP = 1024;
    static final int RECEIVER_QUENCH_INTERVAL = 15_000;
    /** The prospective-resend optimisation accepts a diff from the acked state up to this much longer. */
    static final int RESEND_SLACK_BYTES = 100;
    static final int RESEND_SMALL_DIFF = 1000;
    static final int CHAFF_MAX = 16;

    public static final long NEVER = Long.MAX_VALUE;

    private SspTiming() {
    }
}
