package dev.tern.widget.connect;

import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.session.CloseReason;
import dev.tern.transport.session.ConnectionStatus;
import dev.tern.transport.session.EscapeKeyInput;
import dev.tern.transport.session.MoshSession;
import dev.tern.transport.session.MoshSessionListener;
import dev.tern.transport.session.RemoteScreen;
import dev.tern.transport.session.SessionJournal;
import dev.tern.transport.session.SessionJournals;
import dev.tern.transport.predict.PredictionSettings;
import dev.tern.transport.session.SessionOptions;
import dev.tern.widget.keys.KeyEncoder;
import dev.tern.transport.ssh.CompanionConnection;
import dev.tern.transport.ssh.ConnectProgress;
import dev.tern.transport.ssh.OutputRecorder;
import dev.tern.transport.ssh.RecordedOutputReader;
import dev.tern.transport.ssh.ConnectStage;
import dev.tern.transport.ssh.MoshBootstrap;
import dev.tern.transport.ssh.MoshServerOptions;
import dev.tern.transport.ssh.SshConnection;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A Mosh session: the app's {@link Bootstrap} logs in over SSH and starts mosh-server; this connector then runs our
 * {@link MoshSession} over UDP. Keys go to the session's user stream, resizes become resize messages, and every
 * server state the session produces (with its prediction overlays) is shown as a frame.
 *
 * <p>With {@link SessionKeeping}, the session keeps a journal from which a later process takes it up again; a
 * connector told to resume one skips the bootstrap, shows the saved screen at once ({@link ConnectionState#RESUMING})
 * and goes live when the server sends a newer one. Closing the connector ends the session (the journal goes with
 * it) unless {@link #keepSessionOnClose()} was called first: then it lets go and the journal stays.
 */
public final class MoshConnector implements TerminalConnector {
    private static final KeyEncoder.Modes MOSH_KEY_MODES = new KeyEncoder.Modes(true, false);
    private static final java.time.Duration FIND_TIMEOUT = java.time.Duration.ofSeconds(20);

    /** Starts mosh-server (normally over SSH) and says where it listens. Blocking; runs on the connector's thread. */
    @FunctionalInterface
    public interface Bootstrap {
        MoshServerAddress start(ConnectProgress progress) throws Exception;

        /**
         * After {@link #start}: the session's companion connection and its recording, when the server was started
         * to keep complete history (docs/ARCHITECTURE.md §13).
         */
        default Optional<RecordedSession> recording() {
            return Optional.empty();
        }

        /** Whether {@link #start} starts the server under the recorder (known before it starts). */
        default boolean records() {
            return false;
        }

        /**
         * Instead of {@link #start}, for a session an earlier run started (resumed from its journal): logs in again
         * and finds the session's recording by its mosh-server's pid; empty when this bootstrap does not record or
         * the recording is gone. Blocking.
         */
        default Optional<RecordedSession> recordingOf(long serverPid) throws Exception {
            return Optional.empty();
        }
    }

    /** A session started under the recorder, and the SSH connection kept beside it to fetch the recording. */
    public record RecordedSession(CompanionConnection companion, OutputRecorder recorder) {
    }

    /**
     * mosh's start with complete history: the session's shell runs under the host's recorder (at most
     * {@code boundBytes} kept on the server) and the SSH connection stays as the session's companion, logging in
     * again with {@code login} when it is lost.
     */
    public static Bootstrap overSshRecorded(SshShellConnector.Login login, MoshServerOptions options,
                                            long boundBytes) {
        OutputRecorder recorder = OutputRecorder.fresh(boundBytes);
        MoshServerOptions recorded = options.withCommand(recorder.wrap(options.command()));
        return new Bootstrap() {
            private volatile RecordedSession session;

            @Override
            public MoshServerAddress start(ConnectProgress progress) throws Exception {
                SshConnection connection = login.connect(progress);
                try {
                    MoshServerAddress address = MoshServerAddress.of(MoshBootstrap.start(connection, recorded,
                            progress));
                    session = new RecordedSession(new CompanionConnection(
                            () -> login.connect(ConnectProgress.silent()), connection), recorder);
                    return address;
                } catch (Exception e) {
                    connection.close();
                    throw e;
                }
            }

            @Override
            public Optional<RecordedSession> recording() {
                return Optional.ofNullable(session);
            }

            @Override
            public boolean records() {
                return true;
            }

            @Override
            public Optional<RecordedSession> recordingOf(long serverPid) throws Exception {
                SshConnection connection = login.connect(ConnectProgress.silent());
                try {
                    Optional<OutputRecorder> found = OutputRecorder.found(connection.exec(
                            OutputRecorder.findCommand(serverPid), FIND_TIMEOUT).stdout(), boundBytes);
                    if (found.isEmpty()) {
                        connection.close();
                        return Optional.empty();
                    }
                    session = new RecordedSession(new CompanionConnection(
                            () -> login.connect(ConnectProgress.silent()), connection), found.get());
                    return Optional.of(session);
                } catch (Exception e) {
                    connection.close();
                    throw e;
                }
            }
        };
    }

    /**
     * mosh's usual start: log in over SSH, start mosh-server there, and drop the SSH connection, which the UDP
     * session does not need.
     */
    public static Bootstrap overSsh(SshShellConnector.Login login, MoshServerOptions options) {
        return progress -> {
            try (SshConnection connection = login.connect(progress)) {
                return MoshServerAddress.of(MoshBootstrap.start(connection, options, progress));
            }
        };
    }

    private final String name;
    private final Bootstrap bootstrap;
    private volatile RecordedOutputReader reader;
    private volatile CompanionConnection companion;
    private volatile ConnectionStatus lastStatus;
    private final EscapeKeyInput escapeKey = EscapeKeyInput.standard();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean sawScreen = new AtomicBoolean();
    private volatile ConnectorListener listener;
    private volatile MoshSession session;
    private final EarlyInput early = new EarlyInput();
    private volatile int wantedColumns, wantedRows;

    private final SessionOptions options;
    private volatile PredictionSettings prediction;
    private final SessionKeeping keeping;
    private final AtomicBoolean keepOnClose = new AtomicBoolean();
    private static final String KEPT = "Session kept: it is resumed the next time Tern starts.";
    /** The saved screen's number while a resumed session waits for its server; -1 otherwise. */
    private volatile long resumedScreen = -1;
    private volatile String sessionId;
    private volatile Consumer<String> sessionIdListener = id -> {
    };

    public MoshConnector(String name, Bootstrap bootstrap) {
        this(name, bootstrap, SessionOptions.GUI);
    }

    /** With the profile's prediction settings; the banner stays the view's, so the options' bar is turned off. */
    public MoshConnector(String name, Bootstrap bootstrap, SessionOptions options) {
        this(name, bootstrap, options, SessionKeeping.NONE);
    }

    /** With a journal kept as {@code keeping} says (and a saved session taken up again, when it names one). */
    public MoshConnector(String name, Bootstrap bootstrap, SessionOptions options, SessionKeeping keeping) {
        this.name = name;
        this.bootstrap = bootstrap;
        this.options = new SessionOptions(options.prediction(), false, "", options.escapeKey());
        this.prediction = options.prediction();
        this.keeping = Objects.requireNonNull(keeping, "keeping");
    }

    /**
     * Told (on the connector's thread) the id of the journal the session is kept in, once there is one: a tab
     * remembers it, so that the next start of the app resumes this session.
     */
    public void setSessionIdListener(Consumer<String> listener) {
        sessionIdListener = Objects.requireNonNull(listener, "listener");
        String id = sessionId;
        if (id != null) {
            listener.accept(id);
        }
    }

    /** The id of the journal the session is kept in; null while there is none. */
    public String sessionId() {
        return sessionId;
    }

    /**
     * Makes {@link #close()} let go of the session instead of ending it: the mosh-server keeps running and the
     * journal stays, for the next start of the app (quitting with "Keep sessions").
     */
    public void keepSessionOnClose() {
        keepOnClose.set(true);
    }

    /**
     * Changes local echo (mode and overwrite). Applies at once to a running session; before the session is up
     * (still logging in or starting mosh-server), the session starts with it.
     */
    public void setPredictionSettings(PredictionSettings settings) {
        prediction = Objects.requireNonNull(settings, "settings");
        MoshSession s = session;
        if (s != null) {
            s.setPredictionSettings(settings);
        }
    }

    /** The local echo settings given last (by the constructor or {@link #setPredictionSettings}). */
    public PredictionSettings predictionSettings() {
        return prediction;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * As mosh-client leaves the user's terminal: cursor keys always in application mode (mosh-server turns their
     * SS3 form back into CSI while the remote program has not asked for application mode), and the keypad always
     * numeric, since mosh never transmits either mode to the client.
     */
    @Override
    public KeyEncoder.Modes keyModes(Framebuffer shown) {
        return MOSH_KEY_MODES;
    }

    @Override
    public boolean deliversFrames() {
        return true;
    }

    @Override
    public void start(int columns, int rows, ConnectorListener listener) {
        this.listener = listener;
        wantedColumns = columns;
        wantedRows = rows;
        listener.state(ConnectionState.CONNECTING, "");
        Thread.ofPlatform().daemon().name("tern-mosh-start-" + name).start(this::connect);
    }

    private void connect() {
        try {
            SessionJournal saved = keeping.resumes() ? openSaved() : null;
            if (saved != null) {
                resume(saved);
            } else {
                startNew();
            }
        } catch (Exception e) {
            String m = e.getMessage();
            end(m == null || m.isBlank() ? e.getClass().getSimpleName() : m, false);
        }
    }

    /** The saved session's journal, locked for this process; null when it is gone (its session ended meanwhile). */
    private SessionJournal openSaved() throws IOException {
        try {
            return keeping.journals().open(keeping.resumeId());
        } catch (NoSuchFileException gone) {
            listener.state(ConnectionState.CONNECTING, "The saved session has ended; starting a new one…");
            return null;
        } catch (SessionJournals.InUseException elsewhere) {
            throw new IOException("This session is open in another Tern window"
                    + elsewhere.pid().stream().mapToObj(pid -> " (process " + pid + ")").findFirst().orElse("")
                    + ". Use it there, or start a new session here.", elsewhere);
        } catch (IOException unreadable) {
            throw new IOException("The saved session could not be read (" + unreadable.getMessage()
                    + "). Start a new session; the old server stays until it is ended.", unreadable);
        }
    }

    private void resume(SessionJournal journal) throws IOException {
        ConnectorListener l = listener;
        resumedScreen = journal.savedScreenNumber();
        java.util.OptionalLong serverPid = journal.info().serverPid();
        l.state(ConnectionState.RESUMING, "Resuming the session with " + journal.info().label()
                + ": this is its screen as saved; waiting for the server…");
        PredictionSettings startWith = prediction;
        MoshSession s;
        try {
            s = MoshSession.resume(journal, wantedColumns, wantedRows, options.withPrediction(startWith),
                    new SessionEvents());
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        begin(s, journal, startWith);
        if (bootstrap.records() && serverPid.isPresent()) {
            Thread.ofPlatform().daemon().name("tern-history-find-" + name)
                    .start(() -> followResumedRecording(serverPid.getAsLong()));
        }
    }

    /** A resumed session's recording, found again over a new login; the history says so when it cannot be. */
    private void followResumedRecording(long serverPid) {
        ConnectorListener l = listener;
        try {
            bootstrap.recordingOf(serverPid).ifPresentOrElse(this::followRecording,
                    () -> l.recordingAvailable(false, "the session's recording is gone"));
        } catch (Exception e) {
            l.recordingAvailable(false, "the history connection could not log in ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    private void startNew() throws Exception {
        ConnectorListener l = listener;
        MoshServerAddress server = bootstrap.start((stage, detail) ->
                l.state(ConnectionState.CONNECTING, stage.label() + (detail.isBlank() ? "" : " " + detail) + "…"));
        if (ended.get()) {
            return;
        }
        l.state(ConnectionState.CONNECTING,
                ConnectStage.WAITING_FOR_UDP_REPLY.label() + " from " + server.udpTarget() + "…");
        SessionKey key = SessionKey.parse(server.key());
        SessionJournal journal = newJournal(server);
        PredictionSettings startWith = prediction;
        SessionOptions withPrediction = options.withPrediction(startWith);
        MoshSession s = journal == null
                ? MoshSession.start(server.udpTarget(), key, wantedColumns, wantedRows, withPrediction,
                new SessionEvents())
                : MoshSession.start(server.udpTarget(), key, wantedColumns, wantedRows, withPrediction,
                new SessionEvents(), journal);
        begin(s, journal, startWith);
        bootstrap.recording().ifPresent(this::followRecording);
    }

    private void followRecording(RecordedSession recorded) {
        companion = recorded.companion();
        ConnectorListener l = listener;
        reader = new RecordedOutputReader(recorded.companion(), recorded.recorder(),
                new RecordedOutputReader.Listener() {
                    @Override
                    public void recorded(byte[] data, int length) {
                        l.recorded(data, length);
                    }

                    @Override
                    public void lost(long bytes) {
                        l.recordingLost(bytes);
                    }

                    @Override
                    public void status(RecordedOutputReader.Status status, String detail) {
                        switch (status) {
                            case NO_RECORDER -> l.recordingAvailable(false, "the server has no 'script' to record them");
                            case ENDED -> l.recordingAvailable(false, "the session's recording is gone");
                            case DOWN -> l.recordingAvailable(false, "the history connection is down; retrying");
                            default -> l.recordingAvailable(true, "");
                        }
                    }
                }).start();
        if (ended.get()) {
            stopRecording();
        }
    }

    /** The recording is the session's; what is left on the server goes when mosh-server's program ends. */
    private void stopRecording() {
        RecordedOutputReader r = reader;
        if (r != null) {
            r.close();
        }
        CompanionConnection c = companion;
        if (c != null) {
            c.close();
        }
    }

    /** The companion connection of a session with complete history (tests and forwarding); null otherwise. */
    public CompanionConnection companion() {
        return companion;
    }

    /** The reader of the session's recording, when it has one (tests and the benchmark read its figures). */
    public RecordedOutputReader recordingReader() {
        return reader;
    }

    /** Whether the tab's history is filled from a recording of the session (so gaps are filled later). */
    @Override
    public boolean recordsHistory() {
        return bootstrap.records();
    }

    /** A journal for a new session; none (the session still runs, only not resumable) when it cannot be made. */
    private SessionJournal newJournal(MoshServerAddress server) {
        if (keeping.journals() == null) {
            return null;
        }
        try {
            return keeping.journals().create(name, server.udpTarget().getAddress().getHostAddress(),
                    server.udpTarget().getPort(), server.serverPid());
        } catch (IOException e) {
            listener.state(ConnectionState.CONNECTING, "This session cannot be kept for the next start ("
                    + e.getMessage() + "); connecting…");
            return null;
        }
    }

    private void begin(MoshSession s, SessionJournal journal, PredictionSettings startedWith) throws IOException {
        session = s;
        if (journal != null) {
            sessionId = journal.id();
            sessionIdListener.accept(journal.id());
        }
        early.release(input -> deliver(s, input));
        if (prediction != startedWith) {
            // changed while the session was starting: setPredictionSettings did not see the session yet
            s.setPredictionSettings(prediction);
        }
        if (ended.get()) {
            closeSession(s);
        }
    }

    private final class SessionEvents implements MoshSessionListener {
        @Override
        public void screenChanged(RemoteScreen screen) {
            if (screen.stateNumber() == resumedScreen) {
                return; // the saved screen: the server has not answered yet
            }
            resumedScreen = -1;
            if (sawScreen.compareAndSet(false, true)) {
                listener.state(ConnectionState.CONNECTED, "");
            }
        }

        /** The server's screen with local echo predictions over it; the banner is the view's, not in the frame. */
        @Override
        public void displayChanged(Framebuffer display) {
            listener.frame(display);
        }

        @Override
        public void connectionChanged(ConnectionStatus status) {
            listener.link(status.smoothedRtt(), status.lastContact().orElse(null), status.waitingKeys());
            RecordedOutputReader r = reader;
            if (ConnectionStatus.contactRestored(lastStatus, status, java.time.Instant.now()) && r != null) {
                // back after an outage (roaming, sleep): the companion's TCP connection may be dead unknowingly
                r.reconnectNow();
            }
            lastStatus = status;
        }

        @Override
        public void closed(CloseReason reason) {
            // a detach asked for by close() says so in the tab's words, whichever of the two reports first
            boolean kept = keepOnClose.get() && reason.kind() == CloseReason.Kind.DETACHED;
            end(kept ? KEPT : reason.message(), reason.clean());
        }
    }

    @Override
    public void send(byte[] input) {
        if (ended.get() || early.hold(input)) {
            return;
        }
        deliver(session, input);
    }

    private void deliver(MoshSession s, byte[] input) {
        EscapeKeyInput.Result r = escapeKey.feed(input, input.length);
        if (r.toSend().length > 0) {
            s.type(r.toSend());
        }
        // (a tab cannot be suspended: the escape key's Ctrl-Z does nothing here)
        if (r.action() == EscapeKeyInput.Action.QUIT) {
            s.shutdown();
        }
    }

    @Override
    public void resize(int columns, int rows) {
        if (columns < 1 || rows < 1) {
            return;
        }
        wantedColumns = columns;
        wantedRows = rows;
        MoshSession s = session;
        if (s != null && !s.isClosed()) {
            s.resize(columns, rows);
        }
    }

    /** The running session, once the bootstrap finished (tests read its statistics). */
    public MoshSession session() {
        return session;
    }

    private void end(String message, boolean clean) {
        if (ended.compareAndSet(false, true)) {
            stopRecording();
            ConnectorListener l = listener;
            if (l != null) {
                l.state(ConnectionState.CLOSED, message);
                l.ended(message, clean);
            }
        }
    }

    @Override
    public void close() {
        MoshSession s = session;
        if (s != null) {
            closeSession(s);
        }
        end(keepOnClose.get() ? KEPT : "Session closed.", true);
    }

    private void closeSession(MoshSession s) {
        if (!keepOnClose.get()) {
            s.close();
            return;
        }
        s.detach();
        try {
            s.awaitClosed(java.time.Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
