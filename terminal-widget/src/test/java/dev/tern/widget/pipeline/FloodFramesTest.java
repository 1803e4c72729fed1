package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.util.TermSize;
import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.Repertoire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under a flood frames come at most every {@link ScreenPipeline#FLOOD_INTERVAL_NANOS}, the last lines show as soon
 * as the output stops, and keys still get frames at once. No widget: a thread reads the feed as JediTermFX would.
 */
class FloodFramesTest {
    private static final int COLUMNS = 80, ROWS = 24;
    private StreamScreen screen;
    private ScreenPipeline pipeline;
    private FrameFeed feed;
    private Thread widget;
    private final StringBuffer shown = new StringBuffer();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicReference<String> lastFrameScreen = new AtomicReference<>("");

    private void start() {
        AtomicReference<ScreenPipeline> p = new AtomicReference<>();
        feed = new FrameFeed("flood", b -> { }, s -> { }, () -> p.get().frameConsumed());
        screen = new StreamScreen(COLUMNS, ROWS, 1000, b -> { }, () -> p.get().markDirty());
        pipeline = new ScreenPipeline("flood", screen, feed, new FrameListener() {
            @Override
            public void frameShown(Framebuffer frame) {
                frames.incrementAndGet();
                lastFrameScreen.set(frame.screenText());
            }
        }, () -> new TermSize(COLUMNS, ROWS));
        p.set(pipeline);
        pipeline.start();
        widget = Thread.ofPlatform().daemon().name("flood-widget").start(() -> {
            char[] buf = new char[8192];
            try {
                int n;
                while ((n = feed.read(buf, 0, buf.length)) >= 0) {
                    shown.append(buf, 0, n);
                }
            } catch (java.io.IOException e) {
                // closed
            }
        });
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
            feed.close();
        }
    }

    /** Writes numbered lines for about {@code millis} ms as fast as the emulator takes them; returns the count. */
    private int flood(long millis, Runnable eachChunk) {
        long end = System.nanoTime() + millis * 1_000_000;
        int line = 0;
        StringBuilder chunk = new StringBuilder();
        while (System.nanoTime() < end) {
            chunk.setLength(0);
            for (int i = 0; i < 500; i++) {
                chunk.append("flood line ").append(++line).append("\r\n");
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.US_ASCII);
            screen.write(bytes, 0, bytes.length);
            eachChunk.run();
        }
        return line;
    }

    private static void waitUntil(long millis, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(1);
        }
    }

    @Test
    void aFloodGetsFewerFramesAndItsLastLinesShowAtOnce() throws InterruptedException {
        start();
        long before = frames.get();
        int lines = flood(1500, () -> { });
        long floodFrames = frames.get() - before;
        long stopped = System.nanoTime();
        String last = "flood line " + lines;
        waitUntil(5000, () -> lastFrameScreen.get().contains(last));
        long lastShownMillis = (System.nanoTime() - stopped) / 1_000_000;
        System.out.printf("flood: %d lines in 1.5 s, %d frames; last line shown %d ms after the output stopped%n",
                lines, floodFrames, lastShownMillis);
        assertTrue(lastFrameScreen.get().contains(last), lastFrameScreen.get());
        // 16 ms frames would be about 90; at most one per 100 ms is 15 (plus the first, at the normal interval)
        assertTrue(floodFrames <= 25, floodFrames + " frames during the flood");
        // the quiet rule makes this about 5-20 ms; the bound only catches a frame that never comes on its own
        assertTrue(lastShownMillis < 1000, lastShownMillis + " ms");
        // what the widget was fed draws that screen (the frames are diffs: replay them)
        Emulator widgetScreen = new Emulator(COLUMNS, ROWS, Repertoire.XTERM);
        waitUntil(2000, () -> {
            Emulator e = new Emulator(COLUMNS, ROWS, Repertoire.XTERM);
            e.write(shown.toString().getBytes(StandardCharsets.UTF_8));
            return e.framebuffer().screenText().contains(last);
        });
        widgetScreen.write(shown.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(lastFrameScreen.get(), widgetScreen.framebuffer().screenText());
    }

    @Test
    void keysDuringAFloodStillGetFramesAtOnce() {
        start();
        long before = frames.get();
        flood(1000, pipeline::userInput);
        long typedFrames = frames.get() - before;
        System.out.printf("flood with a key every chunk: %d frames in 1 s%n", typedFrames);
        // with keys the interval is skipped: frames come as fast as the widget takes them
        assertTrue(typedFrames > 25, typedFrames + " frames while typing into a flood");
    }
}
