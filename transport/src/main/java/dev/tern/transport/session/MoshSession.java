package dev.tern.transport.session;

import dev.tern.transport.crypto.OcbCipher;
import dev.tern.transport.crypto.SessionKey;

import dev.tern.transport.predict.Notice;
import dev.tern.transport.predict.PredictionSettings;
import dev.tern.transport.screen.Framebuffer;
import java.io.IOException;
import java.util.Optional;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosh client session with one server: keystrokes and resizes go out, the server's screen comes back.
 *
 * <p>All network work happens on one I/O thread per session (a selector over the session's UDP sockets and
 * SSP's timers; nothing polls). The methods here may be called from any thread; listener callbacks arrive on the
 * I/O thread. Bad or hostile datagrams are counted in {@link #stats()} and otherwise ignored.
 */
public final class MoshSession implements AutoCloseable {
    private final SessionLoop loop;
    private final Thread thread;

    private MoshSession(SessionLoop loop) {
        this.loop = loop;
        this.thread = Thread.ofPlatform().daemon().name("mosh-session-" + loop.serverDescription()).unstarted(loop);
    }

    /**
     * Loads the datagram cipher's classes now, on the calling thread: a client that waits for its SSH login anyway
     * can pay the first class load from the signed crypto jar there instead of in the session's first datagram.
     */
    public static void preloadCipher() {
        OcbCipher.preload();
    }

    /**
     * Starts a session with a {@code mosh-server} at {@code server} (numeric address) that printed {@code key}.
     *
     * @param width  terminal columns, sent as the first event of the session
     * @param height terminal rows
     * @throws IOException if no UDP socket can be opened
     */
    public static MoshSession start(InetSocketAddress server, SessionKey key, int width, int height,
                                    MoshSessionListener listener) throws IOException {
        return start(server, key, width, height, SessionOptions.GUI, listener);
    }

    /** Like {@link #start(InetSocketAddress, SessionKey, int, int, MoshSessionListener)}, with overlay options. */
    public static MoshSession start(InetSocketAddress server, SessionKey key, int width, int height,
                                    SessionOptions options, MoshSessionListener listener) throws IOException {
        return start(server, key, width, height, options, listener, SessionLoop.CONNECT_TIMEOUT);
    }

    /**
     * Like {@link #start(InetSocketAddress, SessionKey, int, int, SessionOptions, MoshSessionListener)}, keeping
     * {@code journal} (a new one, from {@link SessionJournals#create}) so that another process can resume the
     * session if this one ends without ending it. The session owns the journal from now on: it deletes it when the
     * session ends, and keeps it when the session is detached or this process dies.
     */
    public static MoshSession start(InetSocketAddress server, SessionKey key, int width, int height,
                                    SessionOptions options, MoshSessionListener listener, SessionJournal journal) {
        if (journal.hasSavedSession()) {
            throw new IllegalArgumentException("a saved journal is resumed, not started: use resume()");
        }
        return launch(new SessionLoop(server, key, width, height, options, listener, SessionLoop.CONNECT_TIMEOUT,
                journal), server, width, height);
    }

    /**
     * Goes on with the session saved in {@code journal} (from {@link SessionJournals#open}), from a new UDP socket:
     * the saved screen shows at once, then the server's. If the server is gone or no longer has the saved states,
     * the session closes with {@link CloseReason.Kind#RESUME_FAILED} and the journal is kept.
     *
     * @throws IOException if the journal's server address is not a numeric address
     */
    public static MoshSession resume(SessionJournal journal, int width, int height, SessionOptions options,
                                     MoshSessionListener listener) throws IOException {
        return resume(journal, width, height, options, listener, SessionLoop.CONNECT_TIMEOUT);
    }

    static MoshSession resume(SessionJournal journal, int width, int height, SessionOptions options,
                              MoshSessionListener listener, int connectTimeoutMillis) throws IOException {
        if (!journal.hasSavedSession()) {
            throw new IllegalArgumentException("the journal holds no saved session");
        }
        JournalInfo info = journal.info();
        InetSocketAddress server = new InetSocketAddress(java.net.InetAddress.ofLiteral(info.serverHost()),
                info.serverPort());
        SessionKey key = SessionKey.of(journal.savedRecord().key());
        return launch(new SessionLoop(server, key, width, height, options, listener, connectTimeoutMillis, journal),
                server, width, height);
    }

    static MoshSession start(InetSocketAddress server, SessionKey key, int width, int height,
                             MoshSessionListener listener, int connectTimeoutMillis) {
        return start(server, key, width, height, SessionOptions.GUI, listener, connectTimeoutMillis);
    }

    static MoshSession start(InetSocketAddress server, SessionKey key, int width, int height,
                             SessionOptions options, MoshSessionListener listener, int connectTimeoutMillis) {
        if (server.isUnresolved()) {
            throw new IllegalArgumentException("server address must be resolved: " + server);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("terminal size must be positive");
        }
        return launch(new SessionLoop(server, key, width, height, options, listener, connectTimeoutMillis), server,
                width, height);
    }

    /** Like the other test start, reading wall-clock time from {@code wallClock} (to stage a sleep of the machine). */
    static MoshSession start(InetSocketAddress server, SessionKey key, int width, int height,
                             MoshSessionListener listener, java.time.InstantSource wallClock) {
        SessionLoop loop = new SessionLoop(server, key, width, height, SessionOptions.GUI, listener,
                SessionLoop.CONNECT_TIMEOUT);
        loop.useWallClock(wallClock);
        return launch(loop, server, width, height);
    }

    private static MoshSession launch(SessionLoop loop, InetSocketAddress server, int width, int height) {
        if (server.isUnresolved()) {
            throw new IllegalArgumentException("server address must be resolved: " + server);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("terminal size must be positive");
        }
        MoshSession session = new MoshSession(loop);
        session.thread.start();
        return session;
    }

    /** Sends bytes typed by the user (UTF-8 text, control bytes, escape sequences). Ignored after quitting. */
    public void type(byte[] keys) {
        byte[] copy = keys.clone();
        loop.submit(l -> l.type(copy));
    }

    /** Changes local echo mode or overwrite while connected. */
    public void setPredictionSettings(PredictionSettings settings) {
        loop.submit(l -> l.setPredictionSettings(settings));
    }

    /**
     * Shows a message in the notification bar/banner, as mosh does for its escape-key help or "Exiting on user
     * request...". A permanent message stays until {@link #clearMessage()}; others expire after a second.
     */
    public void showMessage(String text, boolean permanent, boolean withQuitHint) {
        loop.submit(l -> l.showMessage(text, permanent, withQuitHint));
    }

    public void clearMessage() {
        loop.submit(SessionLoop::clearMessage);
    }

    /** The frame to show now (server screen plus overlays); a blank frame before the first server state. */
    public Framebuffer displayFrame() {
        return loop.latestDisplay();
    }

    /** The connection notice ("Last contact 12 seconds ago.", ...) as data, or empty while all is well. */
    public Optional<Notice> notice() {
        return loop.latestNotice();
    }

    /** Tells the server the window now has {@code width} columns and {@code height} rows. */
    public void resize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("terminal size must be positive");
        }
        loop.submit(l -> l.resize(width, height));
    }

    /** Starts the shutdown handshake; {@link MoshSessionListener#closed} follows once it completes or times out. */
    public void shutdown() {
        loop.submit(SessionLoop::quit);
    }

    /**
     * Lets go of the session without ending it: the server keeps running and the journal (if the session keeps one)
     * stays, so this or another process can resume it. {@link MoshSessionListener#closed} follows with
     * {@link CloseReason.Kind#DETACHED}.
     */
    public void detach() {
        loop.submit(SessionLoop::detach);
    }

    /** Waits until the session has ended. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return loop.closedLatch().await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean isClosed() {
        return loop.closedLatch().getCount() == 0;
    }

    /** Why the session ended, or null while it runs. */
    public CloseReason closeReason() {
        return loop.closeReason();
    }

    /** The newest server screen, or null before the first server state. */
    public RemoteScreen screen() {
        return loop.latestScreen();
    }

    public ConnectionStatus connectionStatus() {
        return loop.latestStatus();
    }

    public SessionStats stats() {
        return loop.stats();
    }

    /** The local address datagrams currently leave from (changes when the client hops ports). */
    public InetSocketAddress localAddress() {
        return loop.localAddress();
    }

    /** Quits cleanly if the server answers within a few seconds, else stops without its acknowledgement. */
    @Override
    public void close() {
        shutdown();
        if (Thread.currentThread() == thread) {
            return; // called from a listener: waiting here would stall the loop that must finish the handshake
        }
        try {
            if (!awaitClosed(Duration.ofSeconds(3))) {
                loop.abort();
                awaitClosed(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            loop.abort();
            Thread.currentThread().interrupt();
        }
    }

    long ioThreadId() {
        return thread.threadId();
    }
}
