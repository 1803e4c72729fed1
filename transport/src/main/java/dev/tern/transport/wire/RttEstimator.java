package dev.tern.transport.wire;

/**
 * Smoothed round-trip time as mosh computes it (RFC 6298 constants, floating point), and the two figures
 * derived from it: the retransmission timeout and SSP's frame interval.
 */
public final class RttEstimator {
    public static final double INITIAL_SRTT = 1000;
    public static final double INITIAL_RTTVAR = 500;
    public static final int MIN_RTO = 50;
    public static final int MAX_RTO = 1000;
    public static final int FRAME_INTERVAL_MIN = 20;
    public static final int FRAME_INTERVAL_MAX = 250;
    /** Samples this large are assumed to be stale echoes and ignored. */
    public static final int SAMPLE_CEILING = 5000;

    private double srtt = INITIAL_SRTT;
    private double rttvar = INITIAL_RTTVAR;
    private boolean sampled;

    /** Feeds one measurement; returns false if it was ignored as implausible. */
    public boolean sample(int rttMillis) {
        if (rttMillis < 0 || rttMillis >= SAMPLE_CEILING) {
            return false;
        }
        if (!sampled) {
            sampled = true;
            srtt = rttMillis;
            rttvar = rttMillis / 2.0;
        } else {
            rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - rttMillis);
            srtt = 0.875 * srtt + 0.125 * rttMillis;
        }
        return true;
    }

    public double srtt() {
        return srtt;
    }

    public double rttvar() {
        return rttvar;
    }

    public boolean hasSample() {
        return sampled;
    }

    public int rto() {
        long rto = (long) Math.ceil(srtt + 4 * rttvar);
        return Math.clamp(rto, MIN_RTO, MAX_RTO);
    }

    /** SSP's frame interval: half the smoothed RTT, between 20 and 250 ms. */
    public int frameInterval() {
        long interval = (long) Math.ceil(srtt / 2);
        return Math.clamp(interval, FRAME_INTERVAL_MIN, FRAME_INTERVAL_MAX);
    }
}
