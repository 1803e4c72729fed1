package dev.tern.transport.ssp;

import dev.tern.transport.wire.TransportInstruction;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static dev.tern.transport.ssp.SspTiming.ACK_DELAY;
import static dev.tern.transport.ssp.SspTiming.ACK_INTERVAL;
import static dev.tern.transport.ssp.SspTiming.ACTIVE_RETRY_TIMEOUT;
import static dev.tern.transport.ssp.SspTiming.NEVER;

/**
 * The sending half of SSP with mosh's timing (docs/mosh-protocol.md §5.1, §5.3): frame-rate pacing from the
 * RTT, a minimum delay that batches keystrokes, delayed acks, 3-second heartbeats, retransmission from the
 * state the peer is assumed to hold, and the shutdown state.
 *
 * <p>Invariants kept for the official server (§5.6): state numbers strictly increase and a number is never
 * reused for other content; {@code throwaway_num} is the newest acknowledged state and never exceeds
 * {@code old_num}; every send names a state the peer still holds or soon will.
 */
public final class SspSender<S extends OutgoingState<S>> {
    private final InstructionSink sink;
    private final TimingSource timing;
    private final Random chaffRandom;
    private final int sendMinDelay;
    private final Consumer<S> onAcknowledged;

    private S current;
    /** First entry: newest state the peer acknowledged. Last entry: the state sent most recently. */
    private final List<SentState<S>> sent = new ArrayList<>();
    private int assumed;

    private long ackNum;
    private boolean pendingDataAck;
    private long lastHeard = Long.MIN_VALUE;
    private long nextAckTime;
    private long nextSendTime;
    private long mindelayClock = -1;

    private boolean shutdownInProgress;
    private int shutdownTries;
    private long shutdownStart;
    private long lastAckSent;

    /**
     * @param initial        state number 0, which the peer holds from the start
     * @param onAcknowledged told the newest acknowledged state, so cumulative states can forget their prefix
     */
    public SspSender(S initial, long now, InstructionSink sink, TimingSource timing, int sendMinDelay,
                     Random chaffRandom, Consumer<S> onAcknowledged) {
        this.current = initial;
        this.sink = sink;
        this.timing = timing;
        this.sendMinDelay = sendMinDelay;
        this.chaffRandom = chaffRandom;
        this.onAcknowledged = onAcknowledged;
        sent.add(new SentState<>(now, 0, initial));
        nextAckTime = now;
        nextSendTime = now;
    }

    /** Replaces the current local state (no effect once a shutdown is in progress: the state is frozen). */
    public void setCurrentState(S state) {
        if (!shutdownInProgress) {
            current = state;
        }
    }

    public S currentState() {
        return current;
    }

    // ---- input from the receiving half ----

    /** The peer acknowledged our state {@code ackNum}: forget every older sent state. */
    public void processAcknowledgmentThrough(long ackNum) {
        int index = indexOf(ackNum);
        if (index <= 0) {
            return; // unknown or already the acked state
        }
        sent.subList(0, index).clear();
        assumed = Math.max(0, assumed - index);
        onAcknowledged.accept(sent.getFirst().state);
    }

    /** What our next instructions acknowledge: the newest peer state received in order. */
    public void setAckNum(long ackNum) {
        this.ackNum = ackNum;
    }

    public void setDataAck() {
        pendingDataAck = true;
    }

    public void remoteHeard(long when) {
        lastHeard = when;
    }

    // ---- shutdown ----

    public void startShutdown(long now) {
        if (!shutdownInProgress) {
            shutdownInProgress = true;
            shutdownStart = now;
        }
    }

    public boolean shutdownInProgress() {
        return shutdownInProgress;
    }

    /** The peer acknowledged our shutdown state. */
    public boolean shutdownAcknowledged() {
        return StateNumbers.isShutdown(sent.getFirst().num);
    }

    public boolean shutdownAckTimedOut(long now) {
        return shutdownInProgress
                && (shutdownTries >= SspTiming.SHUTDOWN_RETRIES || now - shutdownStart >= ACTIVE_RETRY_TIMEOUT);
    }

    /** We have sent an instruction acknowledging the peer's shutdown state. */
    public boolean counterpartyShutdownAckSent() {
        return StateNumbers.isShutdown(lastAckSent);
    }

    // ---- timing ----

    /** Milliseconds until {@link #tick} has something to do; {@link SspTiming#NEVER} if nothing is scheduled. */
    public long waitTime(long now) {
        calculateTimers(now);
        long next = Math.min(nextAckTime, nextSendTime);
        if (next == NEVER) {
            return NEVER;
        }
        return Math.max(0, next - now);
    }

    /** Sends whatever is due at {@code now}. */
    public void tick(long now) {
        calculateTimers(now);
        if (now < nextAckTime && now < nextSendTime) {
            return;
        }
        byte[] diff = current.diffFrom(assumedState().state);
        diff = prospectiveResend(diff);
        if (diff.length == 0) {
            if (now >= nextAckTime) {
                sendEmptyAck(now);
                mindelayClock = -1;
            }
            if (now >= nextSendTime) {
                nextSendTime = NEVER;
                mindelayClock = -1;
            }
        } else if (now >= nextSendTime || now >= nextAckTime) {
            sendToReceiver(diff, now);
            mindelayClock = -1;
        }
    }

    private void calculateTimers(long now) {
        updateAssumedReceiverState(now);
        if (pendingDataAck && nextAckTime > now + ACK_DELAY) {
            nextAckTime = now + ACK_DELAY;
        }
        SentState<S> last = sent.getLast();
        boolean heardRecently = lastHeard != Long.MIN_VALUE && lastHeard + ACTIVE_RETRY_TIMEOUT > now;
        if (!current.sameAs(last.state)) {
            if (mindelayClock == -1) {
                mindelayClock = now;
            }
            nextSendTime = Math.max(mindelayClock + sendMinDelay, last.sentAt + timing.sendInterval());
        } else if (!current.sameAs(assumedState().state) && heardRecently) {
            nextSendTime = last.sentAt + timing.sendInterval();
            if (mindelayClock != -1) {
                nextSendTime = Math.max(nextSendTime, mindelayClock + sendMinDelay);
            }
        } else if (!current.sameAs(sent.getFirst().state) && heardRecently) {
            nextSendTime = last.sentAt + timing.rto() + ACK_DELAY;
        } else {
            nextSendTime = NEVER;
        }
        if (shutdownInProgress || StateNumbers.isShutdown(ackNum)) {
            nextAckTime = last.sentAt + timing.sendInterval();
        }
    }

    /** Trust unacknowledged states only for about one RTO after they were sent. */
    private void updateAssumedReceiverState(long now) {
        assumed = 0;
        long horizon = timing.rto() + ACK_DELAY;
        for (int i = 1; i < sent.size(); i++) {
            if (now - sent.get(i).sentAt < horizon) {
                assumed = i;
            } else {
                break;
            }
        }
    }

    /** Diffing from the acked state is more robust against loss; take it when it costs little. */
    private byte[] prospectiveResend(byte[] diff) {
        if (assumed == 0) {
            return diff;
        }
        byte[] fromAcked = current.diffFrom(sent.getFirst().state);
        boolean notLonger = fromAcked.length <= diff.length;
        boolean slightlyLonger = fromAcked.length < SspTiming.RESEND_SMALL_DIFF
                && fromAcked.length - diff.length < SspTiming.RESEND_SLACK_BYTES;
        if (notLonger || slightlyLonger) {
            assumed = 0;
            return fromAcked;
        }
        return diff;
    }

    private void sendToReceiver(byte[] diff, long now) {
        SentState<S> last = sent.getLast();
        long newNum = current.sameAs(last.state) ? last.num : last.num + 1;
        if (shutdownInProgress) {
            newNum = TransportInstruction.SHUTDOWN;
        }
        if (newNum == last.num) {
            last.sentAt = now; // a retransmission keeps its number
        } else {
            addSentState(now, newNum);
        }
        sendInstruction(diff, newNum);
        assumed = sent.size() - 1;
        nextAckTime = now + ACK_INTERVAL;
        nextSendTime = NEVER;
    }

    private void sendEmptyAck(long now) {
        SentState<S> last = sent.getLast();
        long newNum = shutdownInProgress ? TransportInstruction.SHUTDOWN : last.num + 1;
        if (newNum == last.num) {
            last.sentAt = now;
        } else {
            addSentState(now, newNum);
        }
        sendInstruction(new byte[0], newNum);
        nextAckTime = now + ACK_INTERVAL;
        nextSendTime = NEVER;
    }

    private void addSentState(long now, long num) {
        sent.add(new SentState<>(now, num, current));
        if (sent.size() > SspTiming.SENT_QUEUE_CAP) {
            // forget a state in the middle: the acked first entry and the newest ones stay
            int victim = sent.size() - 16;
            sent.remove(victim);
            if (assumed >= victim) {
                assumed = Math.max(0, assumed - 1);
            }
        }
    }

    private void sendInstruction(byte[] diff, long newNum) {
        if (StateNumbers.isShutdown(newNum)) {
            shutdownTries++;
        }
        TransportInstruction instruction = new TransportInstruction(TransportInstruction.PROTOCOL_VERSION,
                assumedState().num, newNum, ackNum, sent.getFirst().num, diff, chaff());
        lastAckSent = ackNum;
        pendingDataAck = false;
        sink.send(instruction);
    }

    private byte[] chaff() {
        byte[] chaff = new byte[chaffRandom.nextInt(SspTiming.CHAFF_MAX + 1)];
        chaffRandom.nextBytes(chaff);
        return chaff;
    }

    private SentState<S> assumedState() {
        return sent.get(assumed);
    }

    private int indexOf(long num) {
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i).num == num) {
                return i;
            }
        }
        return -1;
    }

    // ---- read-only views for the session and tests ----

    /** When the newest state the peer acknowledged was sent: the last round-trip success. */
    public long ackedStateSentAt() {
        return sent.getFirst().sentAt;
    }

    /** The newest state the peer acknowledged (state 0 until then). */
    public S ackedState() {
        return sent.getFirst().state;
    }

    public long ackedStateNum() {
        return sent.getFirst().num;
    }

    public long lastSentNum() {
        return sent.getLast().num;
    }

    public long ackNum() {
        return ackNum;
    }

    int sentStateCount() {
        return sent.size();
    }
}
