package dev.tern.widget;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.core.util.TermSize;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.session.ConnectionStatus;
import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.ConnectorListener;
import dev.tern.widget.connect.LocalShellConnector;
import dev.tern.widget.connect.TerminalConnector;
import dev.tern.widget.keys.KeyEncoder;
import dev.tern.widget.keys.PasteText;
import dev.tern.widget.keys.TerminalKeys;
import dev.tern.widget.pipeline.FrameFeed;
import dev.tern.widget.pipeline.FrameListener;
import dev.tern.widget.pipeline.FrameScreen;
import dev.tern.widget.pipeline.MoshHistory;
import dev.tern.widget.pipeline.ScreenPipeline;
import dev.tern.widget.pipeline.StreamScreen;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import com.techsenger.jeditermfx.ui.TerminalAction;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A terminal tab's content: JediTermFX as the view over our emulator, fed at display rate by a
 * {@link ScreenPipeline}, with a connection banner and a visual bell on top. Works the same for a local shell, an
 * SSH shell and a Mosh session; only the {@link TerminalConnector} differs.
 *
 * <p>Create and use on the FX thread. Connectors and the pipeline run on their own threads; state reaches the
 * observable properties through {@link Platform#runLater}, coalesced.
 */
public final class TerminalView extends StackPane implements AutoCloseable {
    private static final int INITIAL_COLUMNS = 80, INITIAL_ROWS = 24;
    /** Views still closing their connection (see {@link #awaitClosing}). */
    private static final Set<Thread> CLOSING = ConcurrentHashMap.newKeySet();
    /** Views not closed yet, for a process that ends without its FX thread (see {@link #closeAllConnections}). */
    private static final Set<TerminalView> OPEN = ConcurrentHashMap.newKeySet();
    private static final double ZOOM_STEP = 0.1, MIN_ZOOM = 0.5, MAX_ZOOM = 4.0;

    private final TerminalConnector connector;
    private final TernSettingsProvider settingsProvider;
    private final CursorBlink cursorBlink;
    private final TernTerminalWidget widget;
    private final FrameFeed feed;
    private final ScreenPipeline pipeline;
    private final StreamScreen stream;
    private final FrameScreen frames;
    private final InputPump input;
    private final ConnectionBanner banner;
    private final VisualBell bell = new VisualBell();
    private final ViewStatus status = new ViewStatus(this::publishStatus);
    /** Once a second: the banner's status, the cursor's rest, and whether the repaint timer may pause. */
    private final FxClock bannerClock;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<ConnectionState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Duration> roundTrip = new ReadOnlyObjectWrapper<>(this, "roundTrip");
    private final ReadOnlyObjectWrapper<Instant> lastContact = new ReadOnlyObjectWrapper<>(this, "lastContact");

    private volatile Consumer<String> linkOpener = url -> { };
    private volatile boolean focusReporting;
    private volatile boolean bracketedPaste;
    private volatile KeyEncoder.Modes keyModes;
    private volatile TermSize size = new TermSize(INITIAL_COLUMNS, INITIAL_ROWS);
    private long bellsSeen = -1;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** Whether the connection was started (see {@link #sightChanged}); set once, like {@link #closed}. */
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean startScheduled;

    /** A local shell tab (the platform's default shell). */
    public static TerminalView local(TerminalSettings settings) {
        return new TerminalView(new LocalShellConnector(), settings);
    }

    public TerminalView(TerminalConnector connector, TerminalSettings settings) {
        this.connector = connector;
        OPEN.add(this);
        this.settingsProvider = new TernSettingsProvider(settings);
        this.widget = new TernTerminalWidget(INITIAL_COLUMNS, INITIAL_ROWS, settingsProvider);
        this.cursorBlink = new CursorBlink(settingsProvider, widget.getTerminalPanel()::setCursorShape,
                widget.getTerminalPanel()::repaint, CursorBlink.IDLE_NANOS, System.nanoTime());
        this.banner = new ConnectionBanner(connector.deliversFrames() ? "Ctrl-^ ." : "");
        String name = connector.name();
        this.input = new InputPump(name, connector, m -> status.message(m));
        this.feed = new FrameFeed(name, this::sendInput, this::widgetResized, this::frameConsumed);
        if (connector.deliversFrames()) {
            this.stream = null;
            this.frames = new FrameScreen(INITIAL_COLUMNS, INITIAL_ROWS, connector.recordsHistory()
                    ? MoshHistory.recorded(INITIAL_COLUMNS, INITIAL_ROWS, settings.scrollbackLines())
                    : MoshHistory.unrecorded("complete history is off for this profile"), this::screenChanged);
            this.pipeline = new ScreenPipeline(name, frames, feed, new FrameEvents(), this::widgetSize);
        } else {
            this.frames = null;
            this.stream = new StreamScreen(INITIAL_COLUMNS, INITIAL_ROWS, settings.scrollbackLines(), input::send,
                    this::screenChanged);
            this.pipeline = new ScreenPipeline(name, stream, feed, new FrameEvents(), this::widgetSize);
        }
        title.set(name);
        feed.attachTo(widget.getTerminalTextBuffer(), widget.getTerminalPanel());
        widget.setTtyConnector(feed);

        getChildren().addAll(widget.getPane(), bell.node(), banner.node());
        getStyleClass().add("tern-terminal-view");
        cursorBlink.apply();
        widget.addHyperlinkFilter(new UrlLinks(() -> linkOpener));
        WheelScroll.installOn(widget.getTerminalPanel(), widget.getTerminalTextBuffer());
        PrimarySelection.pasteOnMiddleClick(widget.getTerminalPanel(), this::pastePrimarySelection);
        this.keyModes = connector.keyModes(new Framebuffer(INITIAL_COLUMNS, INITIAL_ROWS));
        new TerminalKeys(() -> keyModes, this::runShortcut, this::sendKeys).installOn(widget.getPane(),
                widget.getTerminalPanel().getCanvas());
        widget.getTerminalPanel().getCanvas().focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                cursorBlink.awake(System.nanoTime());
            }
            widget.getTerminalPanel().repaint();  // the cursor is drawn differently with and without the focus
            reportFocus(now);
        });
        bannerClock = FxClock.every(java.time.Duration.ofSeconds(1), "tern-view-clock", () -> {
            cursorBlink.tick(System.nanoTime());
            widget.idleTick(cursorBlink.resting() || !widget.getTerminalPanel().getCanvas().isFocused());
            publishStatus();
        });
        publishStatus();

        ShownWatch.install(this, this::sightChanged);
    }

    /**
     * The connection starts once the view is in a showing window, after that window's next frame: a tab restored
     * with the window connects once the window is up, and what connecting costs (a pty and its threads, an SSH
     * login, the Mosh handshake) is not paid before the first frame. A tab in the background starts too: only its
     * canvas waits until it is shown.
     */
    private void sightChanged(ShownWatch.Sight sight) {
        canvasInSight(sight == ShownWatch.Sight.SHOWN);
        if (sight != ShownWatch.Sight.NO_WINDOW && !startScheduled) {
            startScheduled = true;
            javafx.scene.Scene scene = getScene();
            Runnable[] afterPulse = new Runnable[1];
            afterPulse[0] = () -> Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(afterPulse[0]);
                startConnection();
            });
            scene.addPostLayoutPulseListener(afterPulse[0]);
        }
    }

    private void startConnection() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        widget.start();
        pipeline.start();
        // the window has had its first frame, so the widget knows its size: a connection begins at that size, not
        // at the placeholder (a resumed Mosh tab's first frame, its saved screen, comes at once and must fit)
        TermSize laidOut = widgetSize();
        connector.start(laidOut.getColumns(), laidOut.getRows(), new ConnectorEvents());
    }

    // ---- observable state for the app ----

    /** The window title set by the remote program (OSC 0/2), or the connector's name until it sets one. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The last status sentence (why it closed, an input error); empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Smoothed round-trip time (Mosh tabs), else null. */
    public ReadOnlyObjectProperty<Duration> roundTripProperty() {
        return roundTrip.getReadOnlyProperty();
    }

    /** When the server was last heard from (Mosh tabs), else null. */
    public ReadOnlyObjectProperty<Instant> lastContactProperty() {
        return lastContact.getReadOnlyProperty();
    }

    /** The connector behind this view (for settings that change while connected, such as Mosh local echo). */
    public TerminalConnector connector() {
        return connector;
    }

    // ---- actions ----

    /** What opens a clicked web or mail address, e.g. {@code getHostServices()::showDocument}. */
    public void setLinkOpener(Consumer<String> opener) {
        this.linkOpener = opener == null ? url -> { } : opener;
    }

    /** Gives the terminal keyboard focus (call when its tab is selected). */
    public boolean terminalHasFocus() {
        return widget.getTerminalPanel().getCanvas().isFocused();
    }

    /** Handles a key event aimed at another control as if the terminal had had the focus. FX thread. */
    public void typeKey(KeyEvent event) {
        javafx.scene.canvas.Canvas canvas = widget.getTerminalPanel().getCanvas();
        javafx.event.Event.fireEvent(canvas, event.copyFor(canvas, canvas));
    }

    public void requestTerminalFocus() {
        javafx.scene.canvas.Canvas canvas = widget.getTerminalPanel().getCanvas();
        if (canvas.getScene() != null) {
            canvas.requestFocus();
            return;
        }
        // a tab just opened: its content joins the window on the next layout, and a focus request before that is
        // dropped, so the first keys a person types would go to whatever had the focus (the sidebar)
        canvas.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> obs,
                                javafx.scene.Scene old, javafx.scene.Scene scene) {
                if (scene != null) {
                    canvas.sceneProperty().removeListener(this);
                    Platform.runLater(canvas::requestFocus);
                }
            }
        });
    }

    public TerminalSettings settings() {
        return settingsProvider.settings();
    }

    /** Applies new settings to the open view; the scrollback size applies to new views only. */
    public void setSettings(TerminalSettings settings) {
        settingsProvider.setSettings(settings);
        cursorBlink.apply();
        widget.applyFont();
    }

    public double zoom() {
        return settingsProvider.zoom();
    }

    public void zoomIn() {
        setZoom(settingsProvider.zoom() + ZOOM_STEP);
    }

    public void zoomOut() {
        setZoom(settingsProvider.zoom() - ZOOM_STEP);
    }

    public void resetZoom() {
        setZoom(1.0);
    }

    private void setZoom(double zoom) {
        double z = Math.round(Math.clamp(zoom, MIN_ZOOM, MAX_ZOOM) * 10) / 10.0;
        if (z != settingsProvider.zoom()) {
            settingsProvider.setZoom(z);
            widget.applyFont();
        }
    }

    /**
     * Sends text as pasted: control characters other than tab and newlines removed (so a paste can neither end
     * the bracket nor type escape sequences), bracketed when the remote program asked for it.
     */
    public void paste(String text) {
        byte[] bytes = pasteBytes(text);
        if (Platform.isFxApplicationThread()) {
            cursorBlink.awake(System.nanoTime());
        }
        pipeline.userInput();
        // in the same queue as the keys typed around it, so an Enter pressed right after a paste follows it
        if (!input.offer(bytes)) {
            Thread.ofVirtual().start(() -> sendInput(bytes));
        }
    }

    /** Pastes the X PRIMARY selection (middle click), where the platform has one. FX thread. */
    public void pastePrimarySelection() {
        PrimarySelection.read().ifPresent(this::paste);
    }

    /** Pastes the system clipboard's text, if it has any (Ctrl+Shift+V). FX thread. */
    public void pasteClipboard() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text != null && !text.isEmpty()) {
            paste(text);
        }
    }

    /** Copies the selection to the system clipboard (Ctrl+Shift+C). FX thread. */
    public void copySelection() {
        widget.getTerminalPanel().handleCopy(false, false);
    }

    /** Selects the whole history and screen (Ctrl+Shift+A), ready to copy. FX thread. */
    public void selectAll() {
        widget.getTerminalPanel().selectAll();
    }

    /** A key press from the window, already encoded: shown at once, and never blocks the FX thread. */
    private void sendKeys(byte[] bytes) {
        cursorBlink.awake(System.nanoTime());
        pipeline.userInput();
        if (!input.offer(bytes)) {
            status.message("The remote side is not reading input: a key press was dropped.");
        }
    }

    /** The view's own key shortcuts; true when the press was one (it is then not sent to the remote). */
    private boolean runShortcut(KeyEvent e) {
        if (ViewShortcuts.ZOOM_IN.test(e)) {
            zoomIn();
        } else if (ViewShortcuts.ZOOM_OUT.test(e)) {
            zoomOut();
        } else if (ViewShortcuts.ZOOM_RESET.test(e)) {
            resetZoom();
        } else if (ViewShortcuts.PASTE.test(e)) {
            pasteClipboard();
        } else {
            // copy, select all, search and page scrolling: JediTermFX's actions, bound to Tern's keys by
            // TernSettingsProvider
            return TerminalAction.processEvent(widget.getTerminalPanel(), e);
        }
        return true;
    }

    /** User input from the widget (keys, mouse reports) or a paste: its echo is shown without waiting a frame. */
    private void sendInput(byte[] bytes) {
        pipeline.userInput();
        input.send(bytes);
    }

    private byte[] pasteBytes(String text) {
        String normalized = PasteText.clean(text);
        boolean bracketed = bracketedPaste;
        String wrapped = bracketed ? "\033[200~" + normalized + "\033[201~" : normalized;
        return wrapped.getBytes(StandardCharsets.UTF_8);
    }

    /** The size in cells the view last reported to the connector. */
    public TermSize terminalSize() {
        return size;
    }

    /** The text on screen, one line per row (for tests and accessibility). */
    public String screenText() {
        return textBuffer().getScreenLines();
    }

    /** The history above the screen, oldest first, one line per row. */
    public String historyText() {
        TerminalTextBuffer buffer = textBuffer();
        buffer.lock();
        try {
            return buffer.getHistoryBuffer().getLines();
        } finally {
            buffer.unlock();
        }
    }

    /** JediTermFX's text buffer (styles, history), for tests and the app's search. Lock it while reading. */
    /** The widget inside, for tests of what it does on its own (its repaint timer). */
    TernTerminalWidget widget() {
        return widget;
    }

    public TerminalTextBuffer textBuffer() {
        return widget.getTerminalTextBuffer();
    }

    /** The text of the banner over the terminal, or "" when it is hidden. */
    public String bannerText() {
        return banner.text();
    }

    long visualBellRings() {
        return bell.rings();
    }

    public long framesShown() {
        return pipeline.framesShown();
    }

    /** Closes the connection and releases the view's threads. The view stays showing its last screen. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        OPEN.remove(this);
        bannerClock.close();
        closeConnection();
    }

    /**
     * Closes the connection of every view still open, from any thread: for a process that is ending on a signal,
     * when the FX thread may already be gone. The views keep their last screen; {@link #awaitClosing} waits.
     */
    public static void closeAllConnections() {
        for (TerminalView view : List.copyOf(OPEN)) {
            if (view.closed.compareAndSet(false, true)) {
                OPEN.remove(view);
                view.closeConnection();
            }
        }
    }

    private void closeConnection() {
        input.close();
        started.set(true);  // a view closed before its connection started never starts it (connectors close unstarted)
        // a Mosh session waits for the server's goodbye; never on the FX thread
        Thread closing = Thread.ofPlatform().daemon().name("tern-close-" + connector.name()).unstarted(() -> {
            try {
                connector.close();
                pipeline.close();
                feed.close();
                Platform.runLater(widget::close);
            } catch (IllegalStateException toolkitGone) {
                // the process is ending and JavaFX with it: the connection is closed, which is what matters
            } finally {
                CLOSING.remove(Thread.currentThread());
            }
        });
        CLOSING.add(closing);
        closing.start();
    }

    /**
     * Waits until every view closed so far has finished closing its connection, or the time is up; for a quitting
     * app, so that a Mosh server hears the goodbye before the process ends. Any thread. Returns the names of the
     * closes still running.
     */
    public static List<String> awaitClosing(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread thread : List.copyOf(CLOSING)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                thread.join(Duration.ofNanos(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return CLOSING.stream().map(Thread::getName).sorted().toList();
    }

    // ---- wiring ----

    private void screenChanged() {
        pipeline.markDirty();
    }

    private void frameConsumed() {
        pipeline.frameConsumed();
    }

    /** JediTermFX measured a new size (window resize, zoom). Runs on the widget's executor, not the FX thread. */
    private void widgetResized(TermSize newSize) {
        int columns = Math.max(1, newSize.getColumns());
        int rows = Math.max(1, newSize.getRows());
        size = new TermSize(columns, rows);
        if (stream != null) {
            stream.resize(columns, rows);
        }
        connector.resize(columns, rows);
        pipeline.requestFullRedraw();
    }

    /** The widget's own buffer size, which changes at once when it is laid out (unlike the debounced resize). */
    private TermSize widgetSize() {
        TerminalTextBuffer buffer = widget.getTerminalTextBuffer();
        return new TermSize(Math.max(1, buffer.getWidth()), Math.max(1, buffer.getHeight()));
    }

    /**
     * A view out of sight (its tab in the background, or not yet in a window) gives back its canvas's render target,
     * as large as the terminal (about 2 MB at 1100x700 in the software pipeline, where it lives in the Java heap):
     * the canvas shrinks to nothing, which makes JavaFX free it, and is sized to its pane again, and repainted, when
     * it comes back. The terminal's size in cells follows the pane, not the canvas, so the remote side sees no
     * resize.
     */
    private void canvasInSight(boolean inSight) {
        javafx.scene.canvas.Canvas canvas = widget.getTerminalPanel().getCanvas();
        if (!(canvas.getParent() instanceof javafx.scene.layout.Region pane)) {
            return;
        }
        if (inSight) {
            canvas.widthProperty().bind(pane.widthProperty());
            canvas.heightProperty().bind(pane.heightProperty());
            widget.getTerminalPanel().repaint();
        } else {
            canvas.widthProperty().unbind();
            canvas.heightProperty().unbind();
            canvas.setWidth(0);
            canvas.setHeight(0);
        }
    }

    /** Whether the program asked for focus events (mode 1004) in the frame shown last. */
    boolean reportsFocus() {
        return focusReporting;
    }

    /** JediTermFX ignores focus-event mode (1004), so the view reports focus itself when the program asked. */
    private void reportFocus(boolean focused) {
        if (focusReporting) {
            input.offer((focused ? "\033[I" : "\033[O").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Copies the coalesced status into the properties and the banner. FX thread. */
    private void publishStatus() {
        ViewStatus.Snapshot s = status.take();
        Instant now = Instant.now();
        ConnectionState st = s.state();
        if (frames != null && st == ConnectionState.CONNECTED && s.lastContact() != null
                && ConnectionStatus.contactLost(s.lastContact(), now)) {
            st = ConnectionState.CONTACT_LOST;
        }
        if (!s.title().isEmpty()) {
            title.set(s.title());
        }
        // the banner first: whoever sees the state change (a tab's icon, a test) finds the banner to match
        banner.show(st, s.message(), s.lastContact(), s.waitingKeys(), now);
        state.set(st);
        message.set(s.message());
        roundTrip.set(s.roundTrip());
        lastContact.set(s.lastContact());
        if (bellsSeen >= 0 && s.bellCount() > bellsSeen && settingsProvider.settings().visualBell()) {
            bell.ring();
        }
        bellsSeen = s.bellCount();
    }

    private final class FrameEvents implements FrameListener {
        @Override
        public void frameShown(Framebuffer frame) {
            focusReporting = frame.mouseFocusEvent();
            bracketedPaste = frame.bracketedPaste();
            KeyEncoder.Modes modes = connector.keyModes(frame);
            if (!modes.equals(keyModes)) {
                keyModes = modes;
            }
            status.frame(frame.title(), frame.bellCount());
        }

        @Override
        public void frameFailed(RuntimeException error) {
            status.message("Display error: " + error);
        }
    }

    private final class ConnectorEvents implements ConnectorListener {
        @Override
        public void output(byte[] data, int offset, int length) {
            stream.write(data, offset, length);
        }

        @Override
        public void frame(Framebuffer screen) {
            frames.show(screen);
        }

        @Override
        public void recorded(byte[] data, int length) {
            frames.moshHistory().recorded(data, length);
            frames.recordingChanged();
        }

        @Override
        public void recordingLost(long bytes) {
            frames.moshHistory().lost(bytes);
            frames.recordingChanged();
        }

        @Override
        public void recordingAvailable(boolean available, String why) {
            if (available) {
                frames.moshHistory().available();
            } else {
                frames.moshHistory().unavailable(why);
            }
        }

        @Override
        public void state(ConnectionState newState, String detail) {
            status.state(newState, detail);
        }

        @Override
        public void link(Duration rtt, Instant contact, int waitingKeys) {
            status.link(rtt, contact, waitingKeys);
        }

        @Override
        public void ended(String text, boolean clean) {
            status.state(ConnectionState.CLOSED, text);
            if (stream != null) {
                // also in the terminal itself, where the user's eyes are, in reverse video like a status line
                byte[] line = ("\r\n\033[0;7m " + text + " \033[0m\r\n").getBytes(StandardCharsets.UTF_8);
                stream.write(line, 0, line.length);
            }
        }
    }
}
