package dev.tern.transport.session;

import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.predict.ConnectionWatch;
import dev.tern.transport.predict.Notice;
import dev.tern.transport.predict.OverlayComposer;
import dev.tern.transport.predict.PredictionSettings;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.session.SessionStats.Counter;
import dev.tern.transport.ssp.SspSender;
import dev.tern.transport.wire.Mtu;
import dev.tern.transport.wire.RttEstimator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The body of a session's I/O thread, mosh-client's main loop without a terminal: receive, apply user
 * commands, let SSP send what is due, wait on the selector until the next timer. Everything but the command
 * queue and the published results is confined to this thread.
 */
final class SessionLoop implements Runnable {
    /** mosh-client gives up on a server that never answered after this long. */
    static final int CONNECT_TIMEOUT = 15_000;
    static final int STATUS_MIN_INTERVAL = 250;
    /** Upper bound on one selector wait, so a lost wakeup can never stall the loop for long. */
    static final int MAX_WAIT = 5_000;
    private static final int READS_PER_SOCKET_PER_TURN = 64;
    /** A resumed session whose server refuses our datagrams (nothing listens on its port) is given up this soon. */
    static final int RESUME_REFUSED_TIMEOUT = 3_000;
    static final int OVERLAY_RECHECK = 250;

    private final InetSocketAddress server;
    private final int connectTimeout;
    private final SessionKey key;
    private final int initialWidth;
    private final int initialHeight;
    private final MoshSessionListener listener;
    private final SessionStats stats = new SessionStats();
    private final Queue<Consumer<SessionLoop>> commands = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final long clockOrigin = System.nanoTime();
    /** Read once per turn beside the monotonic clock, to notice a sleep; replaced by tests before the start. */
    private InstantSource wallClock = InstantSource.system();

    private volatile Selector selector;
    private volatile boolean aborted;
    private volatile CloseReason closeReason;
    private volatile RemoteScreen latestScreen;
    private volatile ConnectionStatus latestStatus =
            new ConnectionStatus(Duration.ofMillis((long) RttEstimator.INITIAL_SRTT), Optional.empty(), Optional.empty(),
                    0);
    private volatile InetSocketAddress localAddress;
    private volatile Framebuffer latestDisplay;
    private volatile Optional<Notice> latestNotice = Optional.empty();
    private final SessionOptions options;
    /** Predictions and notifications; confined to the I/O thread except {@code setSettings}. */
    private OverlayComposer overlays;
    private ConnectionWatch connectionWatch;
    private boolean displayDirty = true;
    private long overlaysDueAt;

    // confined to the I/O thread
    private long now;
    private long startedAt;
    private WakeDetector wakeDetector;
    /** A wall-clock moment and the monotonic time it was read at, to tell other threads times as instants. */
    private Instant wallAnchor;
    private long monotonicAnchor;
    private ClientEndpoint endpoint;
    private ClientSockets sockets;
    private boolean quitRequested;
    private boolean detachRequested;
    /** An authentic datagram arrived: the server is there, whatever it sent. */
    private boolean heardServer;
    private final SessionJournal journal;
    private boolean connectTimedOut;
    private long publishedStateNum;
    private boolean sentThisTurn;
    private long lastStatusFired = -STATUS_MIN_INTERVAL;
    private ConnectionStatus statusPending;
    private long statusRtt = -1;
    private long statusContact = Long.MIN_VALUE;
    private long statusReply = Long.MIN_VALUE;
    private int statusWaitingKeys;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(Mtu.RECEIVE_DATAGRAM + 1);

    SessionLoop(InetSocketAddress server, SessionKey key, int width, int height, SessionOptions options,
                MoshSessionListener listener, int connectTimeout) {
        this(server, key, width, height, options, listener, connectTimeout, null);
    }

    /**
     * @param journal kept up to date as the session runs (a new journal), or read to go on with its session (one
     *                opened from disk, {@link SessionJournal#hasSavedSession}); null for no journal
     */
    SessionLoop(InetSocketAddress server, SessionKey key, int width, int height, SessionOptions options,
                MoshSessionListener listener, int connectTimeout, SessionJournal journal) {
        this.journal = journal;
        this.options = options;
        this.connectTimeout = connectTimeout;
        this.server = server;
        this.key = key;
        this.initialWidth = width;
        this.initialHeight = height;
        this.listener = listener;
    }

    @Override
    public void run() {
        CloseReason reason;
        try (Selector sel = Selector.open()) {
            selector = sel;
            setUp(sel);
            reason = loop();
        } catch (IOException e) {
            reason = CloseReason.error("Network error: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            reason = CloseReason.error("Internal error: " + e);
        } finally {
            if (sockets != null) {
                sockets.close();
            }
        }
        finish(reason);
    }

    /** Reads wall-clock time from {@code clock} instead of the system's; before the loop starts only. */
    void useWallClock(InstantSource clock) {
        this.wallClock = clock;
    }

    private void setUp(Selector sel) throws IOException {
        now = clock();
        startedAt = now;
        long wall = wallClock.millis();
        wakeDetector = new WakeDetector(now, wall);
        wallAnchor = Instant.ofEpochMilli(wall);
        monotonicAnchor = now;
        if (journal != null && journal.hasSavedSession()) {
            endpoint = ClientEndpoint.resumed(journal, initialWidth, initialHeight,
                    Mtu.datagramFor(server.getAddress()), now, new SecureRandom(), this::sendDatagram, stats);
        } else {
            endpoint = new ClientEndpoint(key, initialWidth, initialHeight, Mtu.datagramFor(server.getAddress()), now,
                    new SecureRandom(), this::sendDatagram, stats);
            if (journal != null) {
                endpoint.keepJournal(journal);
            }
        }
        sockets = new ClientSockets(sel, server, now);
        localAddress = sockets.localAddress();
        overlays = new OverlayComposer(this::clock, options.prediction());
        overlays.setDrawBar(options.drawNotificationBar());
        overlays.setTitlePrefix(options.titlePrefix());
        overlays.notices().useEscapeKey(options.escapeKey());
        connectionWatch = new ConnectionWatch(overlays.notices(), server.getPort());
        latestDisplay = overlays.compose(endpoint.latestRemoteState().state().emulator());
    }

    private CloseReason loop() throws IOException {
        while (true) {
            now = clock();
            hopIfWoken();
            runCommands();
            CloseReason end = checkEnd();
            if (end != null) {
                return end;
            }
            sentThisTurn = false;
            endpoint.sendWhatIsDue(now);
            if (sentThisTurn) {
                maybeHop(); // like mosh, the decision to hop follows a send
            }
            end = checkEnd();
            if (end != null) {
                return end;
            }
            publishStatus();
            publishDisplay();
            long wait = nextWakeUp();
            selector.select(Math.max(1, wait));
            selector.selectedKeys().clear();
            now = clock();
            receiveAll();
            if (endpoint.latestRemoteState().num() != publishedStateNum) {
                publishScreen();
            }
            publishDisplay();
        }
    }

    private long nextWakeUp() {
        long wait = endpoint.millisUntilDue(now);
        if (!connected() && !quitRequested) {
            wait = Math.min(wait, startedAt + connectTimeout - now);
        }
        if (statusPending != null) {
            wait = Math.min(wait, lastStatusFired + STATUS_MIN_INTERVAL - now);
        }
        wait = Math.min(wait, overlaysDueAt - now);
        return Math.clamp(wait, 0, MAX_WAIT);
    }

    private CloseReason checkEnd() {
        if (aborted) {
            return connected() ? CloseReason.userQuitUnacknowledged() : neverConnected();
        }
        if (detachRequested) {
            return CloseReason.detached();
        }
        if (awaitingResume()) {
            // never the shutdown state here: the server may still hold the session for a later try
            boolean refused = !heardServer && stats.get(Counter.RECEIVE_ERRORS) > 0
                    && now - startedAt >= RESUME_REFUSED_TIMEOUT;
            if (refused || now - startedAt >= connectTimeout) {
                String host = server.getAddress().getHostAddress();
                return heardServer ? CloseReason.serverForgotOurState(host, server.getPort())
                        : CloseReason.serverSilentOnResume(host, server.getPort());
            }
            return null;
        }
        SspSender<UserStreamState> sender = endpoint.sender();
        if (sender.shuttingDown()) {
            if (sender.shutdownConfirmed()) {
                return connectTimedOut ? neverConnected() : CloseReason.userQuit();
            }
            if (sender.shutdownAbandoned(now)) {
                return connected() ? CloseReason.userQuitUnacknowledged() : neverConnected();
            }
        }
        if (endpoint.peerRequestedShutdown() && sender.peerShutdownAcknowledged()) {
            return CloseReason.serverEnded();
        }
        if (!connected() && !sender.shuttingDown() && now - startedAt >= connectTimeout) {
            connectTimedOut = true;
            quit();
        }
        return null;
    }

    private CloseReason neverConnected() {
        return CloseReason.neverConnected(server.getAddress().getHostAddress(), server.getPort());
    }

    private boolean connected() {
        return endpoint.connected();
    }

    /** A resumed session that has not yet had a new state from its server. */
    private boolean awaitingResume() {
        return endpoint.resumed() && !connected() && !quitRequested;
    }

    // ---- commands from other threads ----

    void submit(Consumer<SessionLoop> command) {
        commands.add(command);
        Selector sel = selector;
        if (sel != null) {
            sel.wakeup();
        }
    }

    private void runCommands() {
        Consumer<SessionLoop> c;
        while ((c = commands.poll()) != null) {
            c.accept(this);
        }
    }

    void type(byte[] keys) {
        if (!endpoint.sender().shuttingDown()) {
            overlays.userInput(keys, endpoint.sender().newestSentNumber(), endpoint.latestRemoteState().state().screen());
            displayDirty = true;
        }
        endpoint.type(keys);
    }

    void resize(int width, int height) {
        overlays.localResize();
        displayDirty = true;
        endpoint.resize(width, height);
    }

    void setPredictionSettings(PredictionSettings settings) {
        overlays.setSettings(settings);
        displayDirty = true;
    }

    void showMessage(String text, boolean permanent, boolean withQuitHint) {
        overlays.notices().show(text, permanent, withQuitHint);
        displayDirty = true;
    }

    void clearMessage() {
        overlays.notices().clear();
        displayDirty = true;
    }

    void quit() {
        quitRequested = true;
        endpoint.startShutdown(now);
    }

    /** Stops talking to the server without ending the session there; its journal is kept. */
    void detach() {
        detachRequested = true;
    }

    void abort() {
        aborted = true;
        Selector sel = selector;
        if (sel != null) {
            sel.wakeup();
        }
    }

    // ---- sending ----

    private void sendDatagram(byte[] datagram) {
        sentThisTurn = true;
        try {
            sockets.send(ByteBuffer.wrap(datagram));
            stats.count(Counter.DATAGRAMS_SENT);
        } catch (IOException e) {
            stats.count(Counter.SEND_ERRORS);
            if (String.valueOf(e.getMessage()).contains("too long")) {
                endpoint.fallBackToSmallDatagrams(); // EMSGSIZE
            }
        }
    }

    private void maybeHop() {
        try {
            if (sockets.maybeHop(now, endpoint.lastRoundTripSuccess())) {
                stats.count(Counter.PORT_HOPS);
                localAddress = sockets.localAddress();
            }
        } catch (IOException e) {
            stats.count(Counter.SEND_ERRORS); // keep the old socket; try again after the next send
        }
    }

    /**
     * After a sleep (§8.4): a fresh port and a heartbeat from it in this turn, so the server learns the new address
     * at once instead of after the hop rule's 10 s, which ran on a clock that stood still.
     */
    private void hopIfWoken() {
        long wall = wallClock.millis();
        if (!wakeDetector.wokeUp(now, wall)) {
            return;
        }
        stats.count(Counter.WAKES);
        // the monotonic clock left the sleep out: instants told from here on must not lag the wall clock by it
        wallAnchor = Instant.ofEpochMilli(wall);
        monotonicAnchor = now;
        try {
            sockets.hop(now);
            stats.count(Counter.PORT_HOPS);
            localAddress = sockets.localAddress();
        } catch (IOException e) {
            stats.count(Counter.SEND_ERRORS); // the old socket stays; the hop rule tries again after a send
        }
        endpoint.heartbeatNow(now);
    }

    // ---- receiving ----

    private void receiveAll() {
        boolean authentic = false;
        for (DatagramChannel channel : sockets.channels()) {
            for (int i = 0; i < READS_PER_SOCKET_PER_TURN; i++) {
                receiveBuffer.clear();
                int length;
                try {
                    length = channel.read(receiveBuffer);
                } catch (IOException e) {
                    // ICMP errors (port unreachable while the server is away) surface here; the socket stays usable
                    stats.count(Counter.RECEIVE_ERRORS);
                    break;
                }
                if (length <= 0) {
                    break;
                }
                authentic |= endpoint.receive(receiveBuffer.array(), length, now);
            }
        }
        if (authentic) {
            heardServer = true;
            if (journal != null) {
                journal.noteContact(wallTime(now));
            }
            sockets.prune(now);
            var latest = endpoint.latestRemoteState();
            SspSender<UserStreamState> sender = endpoint.sender();
            overlays.serverUpdate(latest.arrivedAt(), sender.acknowledgedSentAt(), sender.acknowledgedNumber(),
                    endpoint.rtt().frameInterval(), latest.state().echoAck());
            displayDirty = true;
        }
    }

    // ---- publishing ----

    /** Recomposes the displayed frame when anything it depends on changed or an overlay timer is due. */
    private void publishDisplay() {
        var latest = endpoint.latestRemoteState();
        boolean timedOut = connectionWatch.check(now, connected(), connected() ? latest.arrivedAt() : startedAt,
                endpoint.sender().shuttingDown());
        if (timedOut && !quitRequested && !awaitingResume()) {
            connectTimedOut = true;
            quit();
        }
        if (!displayDirty && now < overlaysDueAt) {
            return;
        }
        displayDirty = false;
        Framebuffer display;
        try {
            display = overlays.compose(latest.state().emulator());
        } catch (RuntimeException e) {
            // a fault in the overlays must never hide the server's screen
            display = latest.state().screen();
        }
        // mosh repaints on every turn of its loop; the notification engine relies on that to show "Last contact"
        // once 6.5 s have passed, so look again at least this often even when no overlay timer asks for it
        int overlayWait = Math.min(overlays.millisUntilRedraw(), OVERLAY_RECHECK);
        overlaysDueAt = now + Math.max(1, overlayWait);
        latestNotice = overlays.notice();
        Framebuffer previous = latestDisplay;
        if (previous != null && previous.equals(display)) {
            return;
        }
        latestDisplay = display;
        try {
            listener.displayChanged(display);
        } catch (RuntimeException e) {
            // a faulty listener must not take the session down
        }
    }

    private void publishScreen() {
        var latest = endpoint.latestRemoteState();
        publishedStateNum = latest.num();
        RemoteScreen screen = new RemoteScreen(latest.state().screen(), latest.num(), latest.state().echoAck(),
                endpoint.sender().acknowledgedNumber());
        latestScreen = screen;
        try {
            listener.screenChanged(screen);
        } catch (RuntimeException e) {
            // a faulty listener must not take the session down
        }
    }

    private void publishStatus() {
        if (statusInputsChanged()) {
            ConnectionStatus status = currentStatus();
            if (!status.equals(latestStatus)) {
                latestStatus = status;
                statusPending = status;
            }
        }
        if (statusPending != null && now - lastStatusFired >= STATUS_MIN_INTERVAL) {
            ConnectionStatus toFire = statusPending;
            statusPending = null;
            lastStatusFired = now;
            try {
                listener.connectionChanged(toFire);
            } catch (RuntimeException e) {
                // a faulty listener must not take the session down
            }
        }
    }

    /** Compares the status's inputs as numbers, so the loop builds a status object only when one moved. */
    private boolean statusInputsChanged() {
        long rtt = Math.round(endpoint.rtt().srtt());
        long contact = connected() ? endpoint.latestRemoteState().arrivedAt() : Long.MIN_VALUE;
        long reply = endpoint.lastRoundTripSuccess();
        SspSender<UserStreamState> sender = endpoint.sender();
        int waiting = sender.local().keyPressesSince(sender.acknowledgedState());
        boolean changed = rtt != statusRtt || contact != statusContact || reply != statusReply
                || waiting != statusWaitingKeys;
        statusWaitingKeys = waiting;
        statusRtt = rtt;
        statusContact = contact;
        statusReply = reply;
        return changed;
    }

    private ConnectionStatus currentStatus() {
        Duration rtt = Duration.ofMillis(statusRtt);
        Optional<Instant> lastContact = statusContact == Long.MIN_VALUE
                ? Optional.empty() : Optional.of(wallTime(statusContact));
        Optional<Instant> lastReply = statusReply == Long.MIN_VALUE
                ? Optional.empty() : Optional.of(wallTime(statusReply));
        return new ConnectionStatus(rtt, lastContact, lastReply, statusWaitingKeys);
    }

    private Instant wallTime(long monotonicMillis) {
        return wallAnchor.plusMillis(monotonicMillis - monotonicAnchor);
    }

    private void finish(CloseReason reason) {
        if (journal != null) {
            keepOrDeleteJournal(reason);
        }
        closeReason = reason;
        closed.countDown();
        try {
            listener.closed(reason);
        } catch (RuntimeException e) {
            // nothing left to protect
        }
    }

    /**
     * A session that ended (either side quit, or it never began) takes its journal with it; one we let go of, that
     * failed here, or that could not be taken up again keeps it for a later try.
     */
    private void keepOrDeleteJournal(CloseReason reason) {
        boolean keep = switch (reason.kind()) {
            case DETACHED, ERROR, RESUME_FAILED -> true;
            case NEVER_CONNECTED -> endpoint != null && endpoint.resumed();
            case USER_QUIT, USER_QUIT_UNACKNOWLEDGED, SERVER_ENDED -> false;
        };
        if (keep) {
            journal.close();
        } else {
            journal.delete();
        }
    }

    private long clock() {
        return (System.nanoTime() - clockOrigin) / 1_000_000;
    }

    // ---- accessors for other threads ----

    CountDownLatch closedLatch() {
        return closed;
    }

    CloseReason closeReason() {
        return closeReason;
    }

    RemoteScreen latestScreen() {
        return latestScreen;
    }

    Framebuffer latestDisplay() {
        return latestDisplay;
    }

    Optional<Notice> latestNotice() {
        return latestNotice;
    }

    ConnectionStatus latestStatus() {
        return latestStatus;
    }

    SessionStats stats() {
        return stats;
    }

    InetSocketAddress localAddress() {
        return localAddress;
    }

    String serverDescription() {
        return server.getAddress().getHostAddress() + ":" + server.getPort();
    }
}
