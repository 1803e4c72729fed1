package dev.tern.app.cli;

import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.screen.FrameRenderer;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.session.CloseReason;
import dev.tern.transport.session.EscapeKeyInput;
import dev.tern.transport.session.MoshSession;
import dev.tern.transport.session.MoshSessionListener;
import dev.tern.transport.session.RemoteScreen;
import dev.tern.transport.session.SessionJournal;
import dev.tern.transport.session.SessionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jline.terminal.Size;

/**
 * mosh-client's main loop in Java: the user's terminal in raw mode, keystrokes through the escape key into the
 * session, and the newest server screen (with overlays) painted as a diff against what was last drawn, with
 * the same frame renderer the GUI widget uses.
 *
 * <p>Threads: the session's own I/O thread, one reader thread for the keyboard, and the painter (the calling
 * thread), which is the only one that writes to the terminal while the session runs.
 */
final class TerminalClient {
    /** How often the screen is repainted without news, so timers such as "Last contact" can count up. */
    private static final Duration IDLE_REPAINT = Duration.ofMillis(250);
    /** Frames closer together than this are merged: a flood never paints faster than the eye can follow. */
    private static final Duration MIN_FRAME_GAP = Duration.ofMillis(8);

    private final LocalTerminal terminal;
    private final EscapeKeyInput escapeKey;
    private final SessionOptions options;
    private final FrameRenderer renderer;
    /** With {@code --no-init}: what goes into the terminal's own scrollback; null in the alternate screen. */
    private final ScrollbackHistory history;
    private final RecordingFeed recording;
    private Framebuffer lastServed;
    private volatile dev.tern.transport.session.ConnectionStatus lastStatus;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean dirty = true;
    private boolean repaintRequested = true;
    private volatile boolean everConnected;
    private volatile Size pendingResize;
    private MoshSession session;
    private Framebuffer lastDrawn;

    private boolean helpShown;
    private boolean terminalGone;
    private long lastPaintNanos;

    TerminalClient(LocalTerminal terminal, EscapeKeyInput escapeKey, SessionOptions options) {
        this(terminal, escapeKey, options, null, null);
    }

    /**
     * @param history   with {@code --no-init}: the session runs on the terminal's normal screen and this decides
     *                  what goes into its scrollback; null for mosh's usual alternate screen
     * @param recording the session's recording, which fills {@code history}; may be null
     */
    TerminalClient(LocalTerminal terminal, EscapeKeyInput escapeKey, SessionOptions options,
                   ScrollbackHistory history, RecordingFeed recording) {
        this.terminal = terminal;
        this.escapeKey = escapeKey;
        this.options = options.withEscapeKey(escapeKey.forNotices());
        this.history = history;
        this.recording = recording;
        this.renderer = new FrameRenderer(history == null ? FrameRenderer.Capabilities.CLIENT
                : FrameRenderer.Capabilities.CLIENT.withScrollbackAsHistory());
        terminal.useNormalScreen(history != null);
    }

    /** How a session is begun: a new one, or one taken up again from its journal. */
    @FunctionalInterface
    interface Starter {
        MoshSession start(int width, int height, SessionOptions options, MoshSessionListener listener)
                throws IOException;
    }

    /** Runs a session with the server until it ends; returns the process exit code. */
    int run(InetSocketAddress server, SessionKey key, PrintStream stderr, PrintStream stdout) throws IOException {
        return run(server, (w, h, o, l) -> MoshSession.start(server, key, w, h, o, l), null, stderr, stdout);
    }

    /**
     * Runs a session begun by {@code starter} until it ends or is detached; returns the process exit code.
     *
     * @param journal the session's journal, named when the session is detached or cannot be resumed; may be null
     */
    int run(InetSocketAddress server, Starter starter, SessionJournal journal, PrintStream stderr, PrintStream stdout)
            throws IOException {
        Size size = terminal.size();
        lastDrawn = new Framebuffer(size.getColumns(), size.getRows());
        terminal.open();
        CloseReason reason;
        Runnable signalsBack = () -> { };
        try {
            terminal.write(renderer.bytesFor(false, lastDrawn, lastDrawn));
            session = starter.start(size.getColumns(), size.getRows(), options, new Listener());
            if (recording != null) {
                recording.start(history, this::wake);
            }
            signalsBack = ProcessSignals.onEndingSignal(this::endOnSignal);
            terminal.onResize(() -> {
                pendingResize = terminal.size();
                wake();
            });
            terminal.onContinue(() -> {
                try {
                    terminal.open();
                } catch (IOException ignored) {
                    // the terminal is gone; the session ends on its own
                }
                requestRepaint();
            });
            startKeyboardReader();
            paintUntilClosed();
            reason = session.closeReason();
        } finally {
            if (recording != null) {
                recording.close();
            }
            terminal.close();
            if (session != null && !session.isClosed()) {
                session.close(); // something failed here: still say goodbye, so the server does not linger
            }
            signalsBack.run();
        }
        return report(server, reason, journal, stderr, stdout);
    }

    /** As mosh-client does on a hang-up, a kill or an interrupt: start the goodbye; the loop then ends as usual. */
    private void endOnSignal() {
        session.showMessage("Signal received, shutting down...", true, true);
        session.shutdown();
        wake();
    }

    private void paintUntilClosed() {
        while (!session.isClosed()) {
            awaitChange();
            Size resize = pendingResize;
            if (resize != null) {
                pendingResize = null;
                session.resize(resize.getColumns(), resize.getRows());
            }
            long sincePaint = System.nanoTime() - lastPaintNanos;
            if (sincePaint < MIN_FRAME_GAP.toNanos()) {
                sleep(Duration.ofNanos(MIN_FRAME_GAP.toNanos() - sincePaint));
            }
            paintUnlessGone();
            lastPaintNanos = System.nanoTime();
        }
        paintUnlessGone();
    }

    /**
     * Paints, unless the terminal went away (a hang-up: writes fail). Then the session is ended and the loop goes
     * on without painting until the server's goodbye is complete, instead of leaving with the server still up.
     */
    private void paintUnlessGone() {
        if (terminalGone) {
            return;
        }
        try {
            paint();
        } catch (IOException e) {
            terminalGone = true;
            session.shutdown();
        }
    }

    private void paint() throws IOException {
        boolean fullRepaint;
        lock.lock();
        try {
            dirty = false;
            fullRepaint = repaintRequested;
            repaintRequested = false;
        } finally {
            lock.unlock();
        }
        Framebuffer next = session.displayFrame();
        if (next == null) {
            next = new Framebuffer(lastDrawn.width(), lastDrawn.height());
        }
        boolean sameSize = next.width() == lastDrawn.width() && next.height() == lastDrawn.height();
        if (history != null) {
            String pushed = historyRows(next);
            if (!pushed.isEmpty()) {
                terminal.write(pushed);
                fullRepaint = true;
            }
        }
        String bytes = renderer.bytesFor(!fullRepaint && sameSize, lastDrawn, next);
        if (!bytes.isEmpty()) {
            terminal.write(bytes);
        }
        lastDrawn = next;
    }

    /**
     * The bytes that put the rows the server's screen left since the last paint into the terminal's scrollback;
     * the screen must be repainted after them. Decided on the server's frames: the notices and predictions drawn
     * over them are never history.
     */
    private String historyRows(Framebuffer next) {
        RemoteScreen screen = session.screen();
        if (screen == null || screen.framebuffer() == null) {
            return "";
        }
        Framebuffer served = screen.framebuffer();
        java.util.List<dev.tern.transport.screen.Row> rows = history.afterFrame(lastServed, served);
        lastServed = served;
        return rows.isEmpty() ? "" : renderer.intoScrollback(rows, next.width(), next.height());
    }

    private void startKeyboardReader() {
        Thread reader = Thread.ofPlatform().daemon().name("tern-keyboard").start(() -> {
            InputStream in = terminal.input();
            byte[] buffer = new byte[16384];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0 && !session.isClosed()) {
                    if (n > 0) {
                        typed(buffer, n);
                    }
                }
            } catch (IOException e) {
                // stdin is gone: like mosh, leave
            }
            session.showMessage("Exiting...", true, true);
            session.shutdown();
        });
        reader.setUncaughtExceptionHandler((thread, error) -> session.shutdown());
    }

    private void typed(byte[] buffer, int length) {
        EscapeKeyInput.Result result = escapeKey.feed(buffer, length);
        if (result.helpShown() != helpShown) {
            helpShown = result.helpShown();
            if (helpShown) {
                session.showMessage(escapeKey.helpText(), true, false);
            } else {
                session.clearMessage();
            }
        }
        if (result.toSend().length > 0) {
            session.type(result.toSend());
            for (byte b : result.toSend()) {
                if (b == 0x0C) {
                    requestRepaint(); // Ctrl-L: also redraw the local screen from scratch, as mosh does
                }
            }
        }
        switch (result.action()) {
            case QUIT -> {
                session.showMessage("Exiting on user request...", true, true);
                session.shutdown();
            }
            case SUSPEND -> suspend();
            case DETACH -> {
                session.showMessage("Detaching...", true, false);
                session.detach();
            }
            case NONE -> {
            }
        }
        // no wake() here: the session composes the predicted frame on its own thread and announces it through
        // displayChanged; painting now would only show the frame from before the key
    }

    private void suspend() {
        try {
            terminal.suspend();
            ProcessSignals.stopSelf();
            // execution resumes here after SIGCONT; the CONT handler reopens the terminal too
            terminal.open();
        } catch (IOException ignored) {
            // the terminal went away while suspended
        }
        requestRepaint();
    }

    private int report(InetSocketAddress server, CloseReason reason, SessionJournal journal, PrintStream stderr,
                       PrintStream stdout) {
        if (reason != null && reason.kind() == CloseReason.Kind.DETACHED) {
            String id = journal != null ? " " + journal.id() : "";
            stdout.println("[tern: detached; the session goes on. Resume it with: tern --resume" + id + "]");
            return 0;
        }
        if (reason != null && reason.kind() == CloseReason.Kind.RESUME_FAILED) {
            stderr.println("tern: " + reason.message());
            if (journal != null) {
                stderr.println("tern: the journal is kept (" + journal.file() + "); delete it once the session "
                        + "is of no more use.");
            }
            return 1;
        }
        if (reason != null && reason.kind() == CloseReason.Kind.NEVER_CONNECTED || !everConnected) {
            stderr.println("mosh did not make a successful connection to " + server.getAddress().getHostAddress()
                    + ":" + server.getPort() + ".");
            stderr.println("Please verify that UDP port " + server.getPort()
                    + " is not firewalled and can reach the server.");
            stderr.println();
            stderr.println("(By default, mosh uses a UDP port between 60000 and 61000. The -p option");
            stderr.println("selects a specific UDP port number.)");
        } else if (reason != null && reason.kind() == CloseReason.Kind.USER_QUIT_UNACKNOWLEDGED) {
            stderr.println("mosh did not shut down cleanly. Please note that the");
            stderr.println("mosh-server process may still be running on the server.");
        } else if (reason != null && reason.kind() == CloseReason.Kind.ERROR) {
            stderr.println("Error: " + RemoteText.printable(reason.message()));
        }
        stdout.println("[mosh is exiting.]");
        return reason != null && reason.clean() ? 0 : 1;
    }

    private void requestRepaint() {
        lock.lock();
        try {
            repaintRequested = true;
            dirty = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        lock.lock();
        try {
            dirty = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitChange() {
        lock.lock();
        try {
            if (!dirty) {
                changed.awaitNanos(IDLE_REPAINT.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.shutdown();
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements MoshSessionListener {
        @Override
        public void screenChanged(RemoteScreen screen) {
            everConnected = true;
            wake();
        }

        @Override
        public void displayChanged(Framebuffer display) {
            wake();
        }

        @Override
        public void connectionChanged(dev.tern.transport.session.ConnectionStatus status) {
            if (recording != null && dev.tern.transport.session.ConnectionStatus.contactRestored(lastStatus, status,
                    java.time.Instant.now())) {
                recording.contactBack();
            }
            lastStatus = status;
        }

        @Override
        public void closed(CloseReason reason) {
            wake();
        }
    }
}
