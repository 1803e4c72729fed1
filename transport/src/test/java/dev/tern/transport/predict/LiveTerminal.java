package dev.tern.transport.predict;

import dev.tern.testbed.MoshServer;
import dev.tern.testbed.UdpImpairmentProxy;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.session.ConnectionStatus;
import dev.tern.transport.session.MoshSession;
import dev.tern.transport.session.MoshSessionListener;
import dev.tern.transport.session.RemoteScreen;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Mosh client the way mosh-client runs its overlays, wired around MoshSession from the outside: each server
 * state updates the overlays (echo ack, acked state, send interval from the SRTT, last contact and reply), each
 * key is offered to the prediction engine before it is sent, and the displayed frame is composed after every key,
 * every server state and every 50 ms tick. Observers see every displayed frame with what caused it.
 */
final class LiveTerminal implements AutoCloseable {
    enum Cause { KEY, SERVER, TICK }

    /** Sees each displayed frame. */
    interface Observer {
        void displayed(Cause cause, Framebuffer shown, Framebuffer server, long nanos);
    }

    final MillisClock clock = MillisClock.system();
    final OverlayComposer composer;
    final SendTap tap;
    final MoshSession session;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "overlay-tick");
        t.setDaemon(true);
        return t;
    });
    private final List<Observer> observers = new ArrayList<>();
    private RemoteScreen remote;
    private ConnectionStatus status;
    private Framebuffer displayed;
    private int keystrokes;

    LiveTerminal(MoshServer server, UdpImpairmentProxy proxy, PredictionSettings settings) throws Exception {
        composer = new OverlayComposer(clock, settings);
        composer.setDrawBar(false);
        SessionKey key = SessionKey.parse(server.key());
        tap = new SendTap(proxy.listenAddress(), key);
        session = MoshSession.start(tap.address(), key, 80, 24, new MoshSessionListener() {
            @Override
            public void screenChanged(RemoteScreen screen) {
                serverState(screen);
            }

            @Override
            public void connectionChanged(ConnectionStatus s) {
                connection(s);
            }
        });
        ticker.scheduleAtFixedRate(() -> compose(Cause.TICK), 50, 50, TimeUnit.MILLISECONDS);
    }

    synchronized void addObserver(Observer o) {
        observers.add(o);
    }

    synchronized void removeObserver(Observer o) {
        observers.remove(o);
    }

    private synchronized void serverState(RemoteScreen screen) {
        remote = screen;
        feedHints();
        compose(Cause.SERVER);
    }

    private synchronized void connection(ConnectionStatus s) {
        status = s;
        feedHints();
    }

    /** What mosh-client tells its overlays after each receive. */
    private void feedHints() {
        if (remote == null) {
            return;
        }
        long now = clock.millis();
        long heard = status == null ? now : status.lastContact().map(this::toClock).orElse(now);
        long acked = status == null ? now : status.lastReply().map(this::toClock).orElse(now);
        int sendInterval = status == null ? 250
                : (int) Math.clamp((status.smoothedRtt().toMillis() + 1) / 2, 20, 250);
        composer.serverUpdate(heard, acked, remote.acknowledgedInputState(), sendInterval, remote.echoAck());
    }

    private long toClock(Instant t) {
        return clock.millis() - Duration.between(t, Instant.now()).toMillis();
    }

    synchronized void compose(Cause cause) {
        if (remote == null) {
            return;
        }
        displayed = composer.compose(remote.framebuffer());
        long nanos = System.nanoTime();
        for (Observer o : List.copyOf(observers)) {
            o.displayed(cause, displayed, remote.framebuffer(), nanos);
        }
    }

    /** One read of user input: predicted, sent, and a frame displayed at once. */
    synchronized void type(String keys) {
        byte[] bytes = keys.getBytes(StandardCharsets.UTF_8);
        keystrokes++;
        if (remote != null) {
            composer.userInput(bytes, tap.lastSent(), remote.framebuffer());
        }
        session.type(bytes);
        compose(Cause.KEY);
    }

    synchronized Framebuffer displayed() {
        return displayed;
    }

    synchronized Framebuffer server() {
        return remote == null ? null : remote.framebuffer();
    }

    synchronized int keystrokes() {
        return keystrokes;
    }

    /** Waits until the server's screen matches. */
    void awaitServer(Predicate<Framebuffer> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Framebuffer s = server();
            if (s != null && condition.test(s)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("server screen never matched:\n" + server());
    }

    /** Waits until the displayed frame matches. */
    void awaitDisplayed(Predicate<Framebuffer> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Framebuffer d = displayed();
            if (d != null && condition.test(d)) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("displayed frame never matched:\n" + displayed());
    }

    /** Clears the screen and waits for a fresh prompt on row 0 with an idle, echoed link. */
    void freshPrompt() throws InterruptedException {
        type("clear\r");
        awaitServer(s -> s.row(0).text().strip().equals("$") && s.cursorRow() == 0 && s.cursorCol() == 2,
                Duration.ofSeconds(20));
        Thread.sleep(400);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        session.close();
        tap.close();
    }
}
