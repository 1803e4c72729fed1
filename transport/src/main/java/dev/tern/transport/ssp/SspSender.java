package dev.tern.transport.ssp;

import dev.tern.transport.wire.TransportInstruction;

import java.util.Random;
import java.util.function.Consumer;

import static dev.tern.transport.ssp.SspTiming.ACK_HOLD;
import static dev.tern.transport.ssp.SspTiming.NEVER;

/**
 * The sending half of SSP (docs/PROTOCOL.md §6.3, §6.4): keeps the peer's copy of our state current.
 *
 * <p>What goes on the wire, and when:
 * <ul>
 *   <li>A changed state goes out once it has had {@code collectDelay} ms to gather further changes, and no sooner
 *       than one frame interval after the previous send. It is sent as a diff from the state the peer is believed
 *       to hold, or from the acknowledged state when that diff is barely longer.</li>
 *   <li>Data the peer may have lost is sent again at frame rate while the peer has been heard from lately; when it
 *       has gone quiet, only with the heartbeat.</li>
 *   <li>The peer's data is acknowledged {@link SspTiming#ACK_HOLD} ms after we notice it, unless our own data
 *       carries the acknowledgement first; an idle sender sends an empty instruction every
 *       {@link SspTiming#HEARTBEAT_INTERVAL} ms. Every empty instruction takes a new state number.</li>
 *   <li>During a shutdown (ours or the peer's) instructions go out at frame rate until the handshake completes.</li>
 * </ul>
 *
 * <p>The sender is consulted with the session's clock ({@link #millisUntilDue}, {@link #sendWhatIsDue}) and derives
 * its two deadlines from its state each time ({@link SendSchedule}). Its whole state is the fields below: the local
 * state, the window of sent states, what we owe the peer, two "noticed at" stamps and the shutdown progress.
 *
 * <p>Invariants the official server relies on (docs/PROTOCOL.md §6.7): state numbers strictly increase and a number
 * never names two contents; the throwaway number is the newest acknowledged state and never exceeds the base number;
 * every base named is a state the peer holds or was sent moments ago.
 */
public final class SspSender<S extends OutgoingState<S>> {
    private static final long NOT_YET = Long.MIN_VALUE;

    private final InstructionSink sink;
    private final TimingSource timing;
    private final Random chaffRandom;
    private final int collectDelay;
    private final Consumer<S> onAcknowledged;

    private S local;
    private final SentWindow<S> window;

    /** The peer's newest state, which every instruction we send acknowledges. */
    private long peerNewest;
    private long peerHeardAt = NOT_YET;
    /** The peer's newest state carried data we have not acknowledged yet. */
    private boolean ackOwed;
    /** When the sender first saw {@link #ackOwed} (the hold runs from then); NOT_YET before. */
    private long ackOwedSince = NOT_YET;
    /** When the sender first saw a local change not yet sent (the collection delay runs from then); NOT_YET if none. */
    private long collectingSince = NOT_YET;
    /** The peer must hear from us by then even if nothing happens; the first instruction may go at once. */
    private long heartbeatDue;

    private long shutdownStartedAt = NOT_YET;
    private int shutdownSends;
    /** The peer state number our most recent instruction acknowledged. */
    private long peerNewestLastSent;

    /**
     * @param initial        state number 0, which the peer holds from the start
     * @param collectDelay   ms a change waits for more changes before it is sent
     * @param onAcknowledged told the newest acknowledged state, so cumulative states can forget their prefix
     */
    public SspSender(S initial, long now, InstructionSink sink, TimingSource timing, int collectDelay,
                     Random chaffRandom, Consumer<S> onAcknowledged) {
        this(new SentWindow<>(initial, now), initial, 0, now, sink, timing, collectDelay, chaffRandom, onAcknowledged);
    }

    private SspSender(SentWindow<S> window, S local, long peerNewest, long now, InstructionSink sink,
                      TimingSource timing, int collectDelay, Random chaffRandom, Consumer<S> onAcknowledged) {
        this.local = local;
        this.sink = sink;
        this.timing = timing;
        this.collectDelay = collectDelay;
        this.chaffRandom = chaffRandom;
        this.onAcknowledged = onAcknowledged;
        this.window = window;
        this.peerNewest = peerNewest;
        this.heartbeatDue = now;
    }

    /**
     * A sender that goes on from where another process stopped: the peer acknowledged {@code acknowledged} (number
     * {@code acknowledgedNumber}) and may hold {@code newest}, which numbers above {@code newestNumber} will extend;
     * our instructions acknowledge the peer's state {@code peerNewest}. The next new state takes
     * {@code newestNumber + 1}, so the caller passes a number above any the earlier process used.
     */
    public static <S extends OutgoingState<S>> SspSender<S> resumed(long acknowledgedNumber, S acknowledged,
            long newestNumber, S newest, long peerNewest, long now, InstructionSink sink, TimingSource timing,
            int collectDelay, Random chaffRandom, Consumer<S> onAcknowledged) {
        long longAgo = now - SspTiming.EAGER_RESEND_WINDOW - 1;
        SentWindow<S> window = new SentWindow<>(acknowledgedNumber, acknowledged, newestNumber, newest, longAgo);
        return new SspSender<>(window, newest, peerNewest, now, sink, timing, collectDelay, chaffRandom,
                onAcknowledged);
    }

    // ---- the local state ----

    /** Replaces the state to synchronise; ignored once a shutdown began (the final state is frozen). */
    public void updateLocal(S state) {
        if (!shuttingDown()) {
            local = state;
        }
    }

    public S local() {
        return local;
    }

    // ---- news from the receiving half ----

    /** The peer acknowledged our state {@code number}; unknown and stale numbers are ignored. */
    public void peerAcknowledged(long number) {
        if (window.acknowledge(number)) {
            onAcknowledged.accept(window.acknowledged().state());
        }
    }

    /** A new newest peer state arrived at {@code now}; one that carried data wants an acknowledgement soon. */
    public void peerStateArrived(long number, boolean carriedData, long now) {
        peerNewest = number;
        peerHeardAt = now;
        if (carriedData) {
            ackOwed = true;
        }
    }

    // ---- shutdown ----

    public void beginShutdown(long now) {
        if (!shuttingDown()) {
            shutdownStartedAt = now;
        }
    }

    public boolean shuttingDown() {
        return shutdownStartedAt != NOT_YET;
    }

    /** The peer acknowledged our shutdown state: the handshake is complete. */
    public boolean shutdownConfirmed() {
        return StateNumbers.isShutdown(window.acknowledged().number());
    }

    /** The peer never confirmed our shutdown: too many attempts, or too long. */
    public boolean shutdownAbandoned(long now) {
        return shuttingDown() && (shutdownSends >= SspTiming.SHUTDOWN_ATTEMPTS
                || now - shutdownStartedAt >= SspTiming.SHUTDOWN_PATIENCE);
    }

    /** We have sent an instruction acknowledging the peer's shutdown state, so the peer may leave. */
    public boolean peerShutdownAcknowledged() {
        return StateNumbers.isShutdown(peerNewestLastSent);
    }

    // ---- sending ----

    /**
     * Makes the heartbeat due at {@code now}: the next {@link #sendWhatIsDue} sends even if nothing else is due, so
     * the peer hears from us at once (after a port hop it learns our new address from that instruction).
     */
    public void heartbeatNow(long now) {
        heartbeatDue = Math.min(heartbeatDue, now);
    }

    /** Milliseconds until {@link #sendWhatIsDue} has something to send; {@link SspTiming#NEVER} if nothing is pending. */
    public long millisUntilDue(long now) {
        return schedule(now).millisUntilDue(now);
    }

    /** Sends whatever is due at {@code now}: the local state, or an empty instruction that acknowledges and keeps alive. */
    public void sendWhatIsDue(long now) {
        SendSchedule schedule = schedule(now);
        if (!schedule.anythingDue(now)) {
            return;
        }
        collectingSince = NOT_YET; // whatever happens now ends the collection
        SentWindow.Sent<S> base = window.believedHeld(now, trustSpan());
        byte[] diff = local.diffFrom(base.state());
        SentWindow.Sent<S> acknowledged = window.acknowledged();
        if (base != acknowledged) {
            byte[] fromAcknowledged = local.diffFrom(acknowledged.state());
            if (worthRebasing(fromAcknowledged.length, diff.length)) {
                base = acknowledged;
                diff = fromAcknowledged;
            }
        }
        if (diff.length > 0) {
            boolean resend = local.sameAs(window.newest().state());
            send(base, diff, resend ? window.newest().number() : window.newest().number() + 1, now);
        } else if (schedule.ackDue(now)) {
            send(base, diff, window.newest().number() + 1, now);
        }
        // else: the data deadline passed but the peer already holds our state
    }

    private SendSchedule schedule(long now) {
        S newestSent = window.newest().state();
        if (collectingSince == NOT_YET && !local.sameAs(newestSent)) {
            collectingSince = now;
        }
        if (ackOwed && ackOwedSince == NOT_YET) {
            ackOwedSince = now;
        }
        return new SendSchedule(ackDeadline(), dataDeadline(now));
    }

    private long ackDeadline() {
        if (shuttingDown() || StateNumbers.isShutdown(peerNewest)) {
            return window.newest().sentAt() + timing.frameInterval(); // hurry the handshake along
        }
        long heldAck = ackOwedSince == NOT_YET ? NEVER : ackOwedSince + ACK_HOLD;
        return Math.min(heartbeatDue, heldAck);
    }

    private long dataDeadline(long now) {
        SentWindow.Sent<S> newest = window.newest();
        boolean peerActive = peerHeardAt != NOT_YET && now - peerHeardAt < SspTiming.EAGER_RESEND_WINDOW;
        boolean unsent = !local.sameAs(newest.state());
        boolean maybeLost = !local.sameAs(window.believedHeld(now, trustSpan()).state());
        if (unsent || (maybeLost && peerActive)) {
            long paced = newest.sentAt() + timing.frameInterval();
            return collectingSince == NOT_YET ? paced : Math.max(paced, collectingSince + collectDelay);
        }
        if (peerActive && !local.sameAs(window.acknowledged().state())) {
            return newest.sentAt() + trustSpan(); // when the belief that the peer has it runs out
        }
        return NEVER;
    }

    /** How long a sent state counts as received without an ack: a round trip's worth plus the peer's ack hold. */
    private long trustSpan() {
        return timing.rto() + ACK_HOLD;
    }

    private static boolean worthRebasing(int fromAcknowledged, int fromBelieved) {
        int extra = fromAcknowledged - fromBelieved;
        return extra <= 0
                || (fromAcknowledged < SspTiming.REBASE_LIMIT_BYTES && extra < SspTiming.REBASE_SLACK_BYTES);
    }

    private void send(SentWindow.Sent<S> base, byte[] diff, long number, long now) {
        long newNum = shuttingDown() ? TransportInstruction.SHUTDOWN : number;
        window.recordSend(newNum, local, now);
        if (StateNumbers.isShutdown(newNum)) {
            shutdownSends++;
        }
        TransportInstruction instruction = new TransportInstruction(TransportInstruction.PROTOCOL_VERSION,
                base.number(), newNum, peerNewest, window.acknowledged().number(), diff, chaff());
        peerNewestLastSent = peerNewest;
        ackOwed = false;
        ackOwedSince = NOT_YET;
        heartbeatDue = now + SspTiming.HEARTBEAT_INTERVAL;
        sink.send(instruction);
    }

    private byte[] chaff() {
        byte[] chaff = new byte[chaffRandom.nextInt(SspTiming.CHAFF_MAX + 1)];
        chaffRandom.nextBytes(chaff);
        return chaff;
    }

    // ---- read-only views for the session and tests ----

    /** When the newest state the peer acknowledged was sent: the last round-trip success. */
    public long acknowledgedSentAt() {
        return window.acknowledged().sentAt();
    }

    /** The newest state the peer acknowledged (state 0 until then). */
    public S acknowledgedState() {
        return window.acknowledged().state();
    }

    public long acknowledgedNumber() {
        return window.acknowledged().number();
    }

    public long newestSentNumber() {
        return window.newest().number();
    }

    /** The peer state our instructions acknowledge. */
    public long peerNewest() {
        return peerNewest;
    }

    int heldStates() {
        return window.size();
    }
}
