package dev.tern.transport.ssp;

import static dev.tern.transport.ssp.SspTiming.NEVER;

/**
 * When the sender next has to put an instruction on the wire, worked out afresh from its state each time it is
 * consulted. Either deadline passing makes a send due.
 *
 * @param ackBy  the peer must hear from us by then even if our state has not changed: the heartbeat, the delayed
 *               acknowledgement of data it sent, or the pace of the shutdown handshake
 * @param dataBy our state should go out by then, because it changed or because the peer may not have it;
 *               {@link SspTiming#NEVER} when the peer has (or is believed to have) everything
 */
record SendSchedule(long ackBy, long dataBy) {
    boolean anythingDue(long now) {
        return now >= ackBy || now >= dataBy;
    }

    boolean ackDue(long now) {
        return now >= ackBy;
    }

    /** Milliseconds from {@code now} to the earlier deadline (0 if one has passed), or {@link SspTiming#NEVER}. */
    long millisUntilDue(long now) {
        long next = Math.min(ackBy, dataBy);
        return next == NEVER ? NEVER : Math.max(0, next - now);
    }
}
