package dev.tern.transport.session;

import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.SequenceCounter;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.session.SessionStats.Counter;
import dev.tern.transport.ssp.ReceiveOutcome;
import dev.tern.transport.ssp.ReceivedState;
import dev.tern.transport.ssp.SspReceiver;
import dev.tern.transport.ssp.SspSender;
import dev.tern.transport.ssp.SspTiming;
import dev.tern.transport.ssp.SspTransport;
import dev.tern.transport.ssp.TimingSource;
import dev.tern.transport.wire.DatagramLayer;
import dev.tern.transport.wire.DroppedInputException;
import dev.tern.transport.wire.Fragment;
import dev.tern.transport.wire.Fragmenter;
import dev.tern.transport.wire.InstructionDecoder;
import dev.tern.transport.wire.Mtu;
import dev.tern.transport.wire.ReceivedFragment;
import dev.tern.transport.wire.RttEstimator;
import dev.tern.transport.wire.TransportInstruction;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The client side of the Mosh protocol without sockets or threads: datagrams in, datagrams out, user events,
 * the server's terminal state. Everything a session does except waiting, so it can be tested, fuzzed and
 * benchmarked directly. Single-threaded; {@code now} is one monotonic clock in milliseconds.
 */
public final class ClientEndpoint {
    /** Where sealed datagrams go. */
    @FunctionalInterface
    public interface DatagramOutput {
        void send(byte[] datagram);
    }

    private final SessionKey key;
    private final DatagramLayer layer;
    private final Fragmenter fragmenter;
    private final InstructionDecoder decoder = new InstructionDecoder();
    private final UserStream userStream;
    private final SspTransport<UserStreamState, RemoteTerminalState> transport;
    private final SessionStats stats;
    private final DatagramOutput output;
    /** The server state held at the start: 0, or the saved screen of a resumed session. */
    private final long initialScreenNumber;
    private JournalGate journal;
    private int datagramMtu;
    private long now;

    public ClientEndpoint(SessionKey key, int width, int height, int datagramMtu, long now, Random chaff,
                          DatagramOutput output, SessionStats stats) {
        this.key = key;
        this.layer = new DatagramLayer(key, Direction.TO_SERVER, new SequenceCounter());
        this.fragmenter = new Fragmenter();
        this.userStream = new UserStream();
        this.datagramMtu = datagramMtu;
        this.output = output;
        this.stats = stats;
        this.now = now;
        this.initialScreenNumber = 0;
        SspSender<UserStreamState> sender = new SspSender<>(userStream.snapshot(), now, this::sendInstruction,
                timing(layer.rtt()), SspTiming.CLIENT_COLLECT_DELAY, chaff, UserStreamState::acknowledged);
        SspReceiver<RemoteTerminalState> receiver = new SspReceiver<>(RemoteTerminalState.blank(width, height), now);
        this.transport = new SspTransport<>(sender, receiver);
        // the first event of every session tells the server our window size
        resize(width, height);
    }

    /**
     * Goes on with the session saved in {@code journal} by an earlier process (docs/PROTOCOL.md §11): sequence
     * numbers, state numbers and instruction ids from the saved marks, the saved screen as the state our
     * acknowledgements name and the server's diffs start from, and our input from the state the server
     * acknowledged. The first event is the window's current size.
     */
    private ClientEndpoint(SessionJournal journal, JournalRecord saved, int width, int height, int datagramMtu,
                           long now, Random chaff, DatagramOutput output, SessionStats stats) {
        this.key = SessionKey.of(saved.key());
        this.layer = new DatagramLayer(key, Direction.TO_SERVER, new SequenceCounter(saved.sequenceMark()));
        this.fragmenter = new Fragmenter(saved.instructionMark() - 1);
        this.userStream = UserStream.resumed(saved.inputBase(), saved.inputEvents());
        this.datagramMtu = datagramMtu;
        this.output = output;
        this.stats = stats;
        this.now = now;
        this.initialScreenNumber = saved.screenNumber();
        UserStreamState acknowledged = new UserStreamState(userStream, saved.inputBase());
        SspSender<UserStreamState> sender = SspSender.resumed(saved.inputAcknowledged(), acknowledged,
                saved.stateMark(), userStream.snapshot(), saved.screenNumber(), now, this::sendInstruction,
                timing(layer.rtt()), SspTiming.CLIENT_COLLECT_DELAY, chaff, UserStreamState::acknowledged);
        SspReceiver<RemoteTerminalState> receiver = new SspReceiver<>(
                RemoteTerminalState.restored(saved.screen(), saved.screenEchoAck()), saved.screenNumber(), now);
        this.transport = new SspTransport<>(sender, receiver);
        this.journal = JournalGate.resumed(journal, saved, stats);
        resize(width, height);
    }

    /** The endpoint of a session saved in {@code journal}, which must hold one ({@link SessionJournal#hasSavedSession}). */
    public static ClientEndpoint resumed(SessionJournal journal, int width, int height, int datagramMtu, long now,
                                         Random chaff, DatagramOutput output, SessionStats stats) {
        if (!journal.hasSavedSession()) {
            throw new IllegalArgumentException("the journal holds no saved session");
        }
        return new ClientEndpoint(journal, journal.savedRecord(), width, height, datagramMtu, now, chaff, output,
                stats);
    }

    /** From now on nothing goes out that {@code journal} does not hold (see {@link JournalGate}). */
    public void keepJournal(SessionJournal journal) {
        this.journal = new JournalGate(journal, stats);
    }

    private static TimingSource timing(RttEstimator rtt) {
        return new TimingSource() {
            @Override
            public int rto() {
                return rtt.rto();
            }

            @Override
            public int frameInterval() {
                return rtt.frameInterval();
            }
        };
    }

    // ---- user events ----

    public void type(byte[] keys) {
        if (!transport.sender().shuttingDown()) {
            userStream.type(keys);
            transport.sender().updateLocal(userStream.snapshot());
        }
    }

    public void resize(int width, int height) {
        if (!transport.sender().shuttingDown()) {
            userStream.resize(width, height);
            transport.sender().updateLocal(userStream.snapshot());
        }
    }

    public void startShutdown(long now) {
        transport.sender().beginShutdown(now);
    }

    // ---- time ----

    /** Sends whatever SSP has due at {@code now}. */
    public void sendWhatIsDue(long now) {
        this.now = now;
        transport.sender().sendWhatIsDue(now);
    }

    /** The server should hear from us at once: the next {@link #sendWhatIsDue} sends, even if only a heartbeat. */
    public void heartbeatNow(long now) {
        transport.sender().heartbeatNow(now);
    }

    /** Milliseconds until {@link #sendWhatIsDue} has work, or {@link SspTiming#NEVER}. */
    public long millisUntilDue(long now) {
        return transport.sender().millisUntilDue(now);
    }

    // ---- datagrams ----

    /**
     * Handles one received datagram. Anything unusable is counted in the stats and ignored.
     *
     * @return whether the datagram was authentic (sent by the server under our key)
     */
    public boolean receive(byte[] data, int length, long now) {
        this.now = now;
        stats.count(Counter.DATAGRAMS_RECEIVED);
        boolean authentic = false;
        try {
            ReceivedFragment received = layer.open(data, length, now);
            authentic = true;
            Optional<TransportInstruction> instruction = decoder.add(received.fragment());
            if (instruction.isPresent()) {
                stats.count(Counter.INSTRUCTIONS_RECEIVED);
                ReceiveOutcome outcome = transport.receive(instruction.get(), now);
                stats.count(outcome == ReceiveOutcome.DUPLICATE ? Counter.DUPLICATE_STATES : Counter.STATES_APPLIED);
            }
        } catch (DroppedInputException e) {
            stats.drop(e.reason());
        }
        return authentic;
    }

    private void sendInstruction(TransportInstruction instruction) {
        stats.count(Counter.INSTRUCTIONS_SENT);
        long instructionId = fragmenter.nextId();
        List<Fragment> fragments = fragmenter.fragment(instruction, Mtu.fragmentPayload(datagramMtu));
        if (journal != null) {
            journal.beforeSend(instruction, fragments.size(), layer.nextSequence(), instructionId,
                    transport.sender().local().eventCount(), this::journalRecord);
        }
        for (Fragment fragment : fragments) {
            output.send(layer.seal(fragment, now));
        }
    }

    private JournalRecord journalRecord(long sequenceMark, long stateMark, long instructionMark) {
        SspSender<UserStreamState> sender = transport.sender();
        ReceivedState<RemoteTerminalState> screen = transport.receiver().latest();
        long base = sender.acknowledgedState().eventCount();
        long count = sender.local().eventCount();
        return new JournalRecord(journal.journal().info(), key.bytes(), sequenceMark, stateMark, instructionMark,
                screen.num(), screen.state().echoAck(), screen.state().screen(), sender.acknowledgedNumber(), base,
                userStream.events(base, count));
    }

    /** The journal this session keeps, if any and while it can be written. */
    public Optional<SessionJournal> journal() {
        return journal == null || journal.broken() ? Optional.empty() : Optional.of(journal.journal());
    }

    /** After the network refused a datagram as too large: smaller fragments from now on. */
    public void fallBackToSmallDatagrams() {
        datagramMtu = Mtu.FALLBACK_DATAGRAM;
    }

    // ---- state for the session ----

    public ReceivedState<RemoteTerminalState> latestRemoteState() {
        return transport.receiver().latest();
    }

    /** A server state other than the one held at the start (blank, or a resumed session's saved screen) arrived. */
    public boolean connected() {
        return transport.receiver().latest().num() != initialScreenNumber;
    }

    /** Whether this endpoint goes on with a session saved by an earlier process. */
    public boolean resumed() {
        return initialScreenNumber != 0 || journal != null && journal.journal().hasSavedSession();
    }

    /** The sender itself, for the session loop of this package only: it is mutable, so it stays internal. */
    SspSender<UserStreamState> sender() {
        return transport.sender();
    }

    public boolean peerRequestedShutdown() {
        return transport.peerRequestedShutdown();
    }

    /** Send time of the newest input state the server acknowledged; MIN_VALUE before any. */
    public long lastRoundTripSuccess() {
        return transport.lastRoundTripSuccess();
    }

    public RttEstimator rtt() {
        return layer.rtt();
    }
}
