package dev.tern.widget.bench;

import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalModelListener;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import dev.tern.testbed.MoshServer;
import dev.tern.testbed.UdpImpairmentProxy;
import dev.tern.transport.screen.Cell;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.widget.TerminalSettings;
import dev.tern.widget.TerminalView;
import dev.tern.widget.connect.ConnectionState;
import dev.tern.widget.connect.ConnectorListener;
import dev.tern.widget.connect.MoshConnector;
import dev.tern.widget.connect.MoshServerAddress;
import dev.tern.widget.connect.TerminalConnector;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Key event to predicted glyph for a Mosh tab at 300 ms RTT: a real mosh-server on loopback behind the impairment
 * proxy (150 ms each way), our {@link MoshConnector} in a {@link TerminalView} in a real window. Keys are fired as
 * KEY_TYPED events on the terminal's canvas (what the window system delivers for a typed character), spaced like
 * typing (60–180 ms), in lines of at most 80 on a cleared screen (never at the right margin: there mosh's guess
 * stays hidden until the server confirms it, one round trip later), and each glyph is timed to the moment it is
 * written into the widget's text buffer (a model listener, not polling). Each key's time is split into its stages: FX
 * thread dispatch, handed to the connector, frame with the glyph out of the session, glyph in the buffer.
 * The first key of a session waits about one round trip whatever the widget does (its frame leaves the session
 * only with the server's echo), which is why a few warm-up keys come first; they are reported on their own.
 */
final class KeyLatency {
    private static final String PREFIX = "echo ";
    private static final String PROMPT_AND_PREFIX = "$ " + PREFIX;

    private KeyLatency() {
    }

    /** Times of one key, in ns after the key event was posted to the FX thread (0 = not seen). */
    private static final class Key {
        final char c;
        final int x, y;
        final long posted = System.nanoTime();
        volatile long dispatched, sent, framed, glyph;
        final CountDownLatch shown = new CountDownLatch(1);

        Key(char c, int x, int y) {
            this.c = c;
            this.x = x;
            this.y = y;
        }
    }

    private static volatile Key current;

    static void run(int[] size, int keys, int warmup) throws Exception {
        int columns = size[0], rows = size[1];
        if (columns < PROMPT_AND_PREFIX.length() + 20 || rows < 4) {
            throw new IllegalArgumentException("the screen is too small for the key benchmark: " + columns + "x" + rows);
        }
        MoshServer server = MoshServer.plainBash();
        UdpImpairmentProxy proxy = UdpImpairmentProxy.start(server.address(), 11);
        try {
            proxy.setDelay(Duration.ofMillis(150), Duration.ZERO);
            MoshConnector mosh = new MoshConnector("mosh-300ms",
                    progress -> new MoshServerAddress(proxy.listenAddress(), server.key()));
            measure(new Timed(mosh), columns, rows, keys, warmup);
        } finally {
            proxy.close();
            server.close();
        }
    }

    /**
     * Key event to predicted glyph for {@code mosh} (its own window, the same keys and pacing as {@link #run}),
     * in ns, sorted; a key whose glyph never showed counts as 3 s. Also prints the RESULT line.
     */
    static long[] keyLatencies(MoshConnector mosh, int columns, int rows, int keys, int warmup) throws Exception {
        return measure(new Timed(mosh), columns, rows, keys, warmup);
    }

    private static long[] measure(Timed connector, int columns, int rows, int keys, int warmup) throws Exception {
        BenchFx.startFx();
        TerminalView view = BenchFx.onFx(() -> new TerminalView(connector, TerminalSettings.defaults()));
        Stage stage = BenchFx.show(view, "tern-bench-keys");
        Canvas canvas = BenchFx.onFx(() -> (Canvas) view.lookupAll("*").stream()
                .filter(n -> n instanceof Canvas).findFirst().orElseThrow());
        TerminalTextBuffer buffer = view.textBuffer();
        BenchFx.fitCells(stage, canvas, buffer::getWidth, buffer::getHeight, columns, rows);
        WidgetFlood.require(BenchFx.await(30_000, 20, () -> view.stateProperty().get() == ConnectionState.CONNECTED
                && view.screenText().contains("$ ")), "no Mosh prompt: " + view.stateProperty().get() + " "
                + view.messageProperty().get() + "\n" + view.screenText());
        WidgetFlood.require(BenchFx.await(10_000, 20, () -> {
            Framebuffer f = connector.lastFrame;
            return f != null && f.width() == columns && f.height() == rows;
        }), "the session never took the size " + columns + "x" + rows);
        BenchFx.onFx(view::requestTerminalFocus);

        TerminalModelListener listener = () -> {
            Key k = current;
            if (k != null && k.glyph == 0) {
                TerminalLine line = buffer.getLine(k.y);
                if (line.charAt(k.x) == k.c) {
                    k.glyph = System.nanoTime();
                    k.shown.countDown();
                }
            }
        };
        buffer.addModelListener(listener);
        Random random = new Random(7);
        List<Key> measured = new ArrayList<>();
        List<Key> warm = new ArrayList<>();
        int underlined = 0, missing = 0;
        // at the right margin mosh keeps its guess hidden until the server confirms it (applications wrap
        // differently), so each line of keys stops well before it; the next line starts on a cleared screen
        int perLine = Math.min(80, columns - PROMPT_AND_PREFIX.length() - 10);
        int column = 0, lines = 0;
        for (int i = 0; i < warmup + keys; i++) {
            if (i == 0 || column == perLine) {
                startLine(connector, canvas, view, lines++ == 0);
                column = 0;
                if (i == 0) {
                    BenchFx.log("keys: %d warm-up + %d measured keys, %dx%d, up to %d a line, RTT %s", warmup, keys,
                            columns, rows, perLine, view.roundTripProperty().get());
                }
            }
            char c = (char) ('a' + random.nextInt(26));
            Key key = new Key(c, PROMPT_AND_PREFIX.length() + column++, 0);
            current = key;
            fire(canvas, c);
            try {
                if (!key.shown.await(3, TimeUnit.SECONDS)) {
                    missing++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new long[0];
            }
            buffer.lock();
            try {
                TextStyle style = buffer.getStyleAt(key.x, key.y);
                if (i >= warmup && style != null && style.hasOption(TextStyle.Option.UNDERLINED)) {
                    underlined++;
                }
            } finally {
                buffer.unlock();
            }
            (i < warmup ? warm : measured).add(key);
            BenchFx.sleep(60 + random.nextInt(121));
        }
        current = null;
        buffer.removeModelListener(listener);

        long[] total = measured.stream().mapToLong(KeyLatency::latency).sorted().toArray();
        long[] warmTotal = warm.stream().mapToLong(KeyLatency::latency).sorted().toArray();
        BenchFx.log("keys: warm-up keys, ms to the frame with the glyph / to the glyph in the buffer: %s",
                String.join("  ", warm.stream().map(k -> ms(k.framed, k.posted) + "/" + ms(k.glyph, k.posted))
                        .toList()));
        BenchFx.log("keys: stages of the 5 slowest measured keys (ms after the event was posted: FX dispatch, "
                + "to connector, frame with the glyph, glyph in buffer):");
        measured.stream().filter(k -> k.glyph != 0)
                .sorted((a, b) -> Long.compare(b.glyph - b.posted, a.glyph - a.posted)).limit(5)
                .forEach(k -> BenchFx.log("  '%c' at %d,%d: %s %s %s %s", k.c, k.x, k.y, ms(k.dispatched, k.posted),
                        ms(k.sent, k.posted), ms(k.framed, k.posted), ms(k.glyph, k.posted)));
        BenchFx.result("keys", "keys", total.length, "missing", missing, "underlined", underlined,
                "p50_ms", pct(total, 50), "p95_ms", pct(total, 95), "p99_ms", pct(total, 99),
                "max_ms", pct(total, 100), "mean_ms", mean(total),
                "warmup", warmTotal.length, "warmup_p50_ms", pct(warmTotal, 50), "warmup_max_ms", pct(warmTotal, 100),
                "stage_fx_p99_ms", stage(measured, k -> k.dispatched), "stage_send_p99_ms", stage(measured, k -> k.sent),
                "stage_frame_p99_ms", stage(measured, k -> k.framed),
                "stage_fx_p50_ms", stage(measured, k -> k.dispatched, 50),
                "stage_send_p50_ms", stage(measured, k -> k.sent, 50),
                "stage_frame_p50_ms", stage(measured, k -> k.framed, 50),
                "rtt_ms", view.roundTripProperty().get() == null ? "?" : view.roundTripProperty().get().toMillis(),
                "size", columns + "x" + rows);
        BenchFx.onFx(view::close);
        BenchFx.onFx(stage::close);
        return total;
    }

    /**
     * Clears the screen (the prompt goes to the top row), then types the command's start and waits until the
     * server has echoed it: a carriage return opens a new prediction epoch, whose first glyphs mosh shows only
     * once the server confirmed one of them. The first time, it also lets the smoothed RTT settle near 300 ms,
     * which turns on the underlining of unconfirmed glyphs.
     */
    private static void startLine(Timed connector, Canvas canvas, TerminalView view, boolean first)
            throws IOException {
        // Ctrl-U drops what the previous line typed, then the screen is cleared
        connector.send("\u0015clear\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        WidgetFlood.require(BenchFx.await(10_000, 10, () -> {
            String[] rows = view.screenText().split("\n", -1);
            if (!rows[0].stripTrailing().equals("$")) {
                return false;
            }
            for (int r = 1; r < rows.length; r++) {
                if (!rows[r].isBlank()) {
                    return false;
                }
            }
            return true;
        }), "the screen was not cleared:\n" + view.screenText());
        for (char c : PREFIX.toCharArray()) {
            fire(canvas, c);
            BenchFx.sleep(100);
        }
        WidgetFlood.require(BenchFx.await(10_000, 10, () -> view.screenText().startsWith(PROMPT_AND_PREFIX)),
                "the prefix never showed:\n" + view.screenText());
        BenchFx.sleep(first ? 1500 : 500);
    }

    private static void fire(Canvas canvas, char c) {
        Platform.runLater(() -> {
            Key k = current;
            if (k != null && k.c == c && k.dispatched == 0) {
                k.dispatched = System.nanoTime();
            }
            canvas.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false,
                    false, false, false));
        });
    }

    /** Key event to glyph; a glyph that never showed counts as the 3 s the benchmark waited for it. */
    private static long latency(Key k) {
        return k.glyph != 0 ? k.glyph - k.posted : TimeUnit.SECONDS.toNanos(3);
    }

    private static String ms(long at, long from) {
        return at == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (at - from) / 1e6);
    }

    /** The p-th percentile (nearest rank) in ms; 100 is the maximum. */
    static String pct(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return "-";
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return String.format(Locale.ROOT, "%.2f", sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)] / 1e6);
    }

    private static String mean(long[] nanos) {
        return nanos.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", Arrays.stream(nanos).average()
                .orElse(0) / 1e6);
    }

    private static String stage(List<Key> keys, java.util.function.ToLongFunction<Key> at) {
        return stage(keys, at, 99);
    }

    private static String stage(List<Key> keys, java.util.function.ToLongFunction<Key> at, int percentile) {
        return pct(keys.stream().filter(k -> at.applyAsLong(k) != 0).mapToLong(k -> at.applyAsLong(k) - k.posted)
                .sorted().toArray(), percentile);
    }

    /** The Mosh connector with time stamps where a key leaves the view and where its glyph leaves the session. */
    private static final class Timed implements TerminalConnector {
        private final MoshConnector mosh;
        volatile Framebuffer lastFrame;

        Timed(MoshConnector mosh) {
            this.mosh = mosh;
        }

        @Override
        public String name() {
            return mosh.name();
        }

        @Override
        public boolean deliversFrames() {
            return true;
        }

        @Override
        public void start(int columns, int rows, ConnectorListener listener) {
            mosh.start(columns, rows, new ConnectorListener() {
                @Override
                public void frame(Framebuffer screen) {
                    lastFrame = screen;
                    Key k = current;
                    if (k != null && k.framed == 0 && k.y < screen.height() && k.x < screen.width()) {
                        Cell cell = screen.cell(k.x, k.y);
                        if (cell != null && cell.contents().equals(String.valueOf(k.c))) {
                            k.framed = System.nanoTime();
                        }
                    }
                    listener.frame(screen);
                }

                @Override
                public void state(ConnectionState state, String detail) {
                    listener.state(state, detail);
                }

                @Override
                public void link(Duration roundTrip, Instant lastContact, int waitingKeys) {
                    listener.link(roundTrip, lastContact, waitingKeys);
                }

                @Override
                public void ended(String message, boolean clean) {
                    listener.ended(message, clean);
                }
            });
        }

        @Override
        public void send(byte[] input) throws IOException {
            Key k = current;
            if (k != null && k.sent == 0) {
                k.sent = System.nanoTime();
            }
            mosh.send(input);
        }

        @Override
        public void resize(int columns, int rows) {
            mosh.resize(columns, rows);
        }

        @Override
        public void close() {
            mosh.close();
        }
    }
}
