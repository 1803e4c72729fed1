package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.util.TermSize;
import org.junit.jupiter.api.Test;

import dev.tern.transport.screen.Emulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the heap a flood grew is collected: after enough rows, once the floods are quiet, not too often. */
class FloodAftermathTest {
    private static final long MIN_ROWS = 1000;
    private static final long QUIET = TimeUnit.SECONDS.toNanos(2), SPACING = TimeUnit.SECONDS.toNanos(60);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Runnable> waiters = new ArrayList<>();
    private final AtomicInteger collections = new AtomicInteger();
    private final FloodAftermath aftermath = new FloodAftermath(now::get, waiters::add, collections::incrementAndGet,
            MIN_ROWS, QUIET, SPACING);

    private void advance(long nanos) {
        now.addAndGet(nanos);
    }

    @Test
    void aSmallFloodIsLeftToTheCollectorAlone() {
        aftermath.flooded(400);
        aftermath.flooded(599);
        advance(QUIET * 10);
        assertEquals(-1, aftermath.nanosUntilDue());
        assertFalse(aftermath.takeDue());
        assertTrue(waiters.isEmpty(), "no waiter for a flood under the minimum");
    }

    @Test
    void aLargeFloodIsCollectedOnceItHasBeenQuiet() {
        aftermath.flooded(600);
        aftermath.flooded(600);
        assertEquals(1, waiters.size(), "one waiter once the flood passed the minimum");
        aftermath.flooded(600);
        assertEquals(1, waiters.size(), "still one waiter while it goes on");
        assertEquals(QUIET, aftermath.nanosUntilDue());

        advance(QUIET - 1);
        assertFalse(aftermath.takeDue(), "not before the quiet time");
        aftermath.flooded(30);
        advance(QUIET - 1);
        assertFalse(aftermath.takeDue(), "a later flood frame starts the quiet time again");
        advance(1);
        assertTrue(aftermath.takeDue());
        assertEquals(-1, aftermath.nanosUntilDue(), "the count starts again after a collection");
    }

    @Test
    void collectionsAreSpacedOut() {
        aftermath.flooded(1000);
        advance(QUIET);
        assertTrue(aftermath.takeDue());
        long collected = now.get();

        aftermath.flooded(5000);
        assertEquals(2, waiters.size(), "the next large flood waits again");
        advance(QUIET);
        assertFalse(aftermath.takeDue(), "a second collection within the spacing");
        assertEquals(collected + SPACING - now.get(), aftermath.nanosUntilDue());
        now.set(collected + SPACING);
        assertTrue(aftermath.takeDue());
    }

    @Test
    void theWaiterCollectsExactlyOnceAfterTheFloodEnds() throws InterruptedException {
        CountDownLatch collected = new CountDownLatch(1);
        AtomicInteger count = new AtomicInteger();
        FloodAftermath real = new FloodAftermath(System::nanoTime, r -> Thread.ofVirtual().start(r), () -> {
            count.incrementAndGet();
            collected.countDown();
        }, MIN_ROWS, TimeUnit.MILLISECONDS.toNanos(100), SPACING);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        long lastFlood = 0;
        while (System.nanoTime() < end) {
            // taken before the report, so the quiet time measured below is never longer than the real one
            lastFlood = System.nanoTime();
            real.flooded(100);
            Thread.sleep(10);
        }
        assertTrue(collected.await(5, TimeUnit.SECONDS), "collected after the flood");
        long quietMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFlood);
        assertTrue(quietMillis >= 100, "collected " + quietMillis + " ms after the last flood frame");
        Thread.sleep(300);
        assertEquals(1, count.get());
    }

    /**
     * A pipeline whose frames a drain thread takes as the widget would, reporting to an aftermath of its own that
     * collects after 3,000 flood rows and 200 ms of quiet.
     */
    private static final class Watched implements AutoCloseable {
        final CountDownLatch collected = new CountDownLatch(1);
        final ScreenPipeline pipeline;
        private final FrameFeed feed;
        private final Thread widget;

        /** @param source the screen to run, given the callback that marks the pipeline dirty */
        Watched(String name, java.util.function.Function<Runnable, ScreenSource> source) {
            FloodAftermath watched = new FloodAftermath(System::nanoTime, r -> Thread.ofVirtual().start(r),
                    collected::countDown, 3000, TimeUnit.MILLISECONDS.toNanos(200), SPACING);
            AtomicReference<ScreenPipeline> p = new AtomicReference<>();
            feed = new FrameFeed(name, b -> { }, s -> { }, () -> p.get().frameConsumed());
            pipeline = new ScreenPipeline(name, source.apply(() -> p.get().markDirty()), feed, frame -> { },
                    () -> new TermSize(80, 24), watched);
            p.set(pipeline);
            pipeline.start();
            widget = Thread.ofPlatform().daemon().start(() -> {
                char[] buf = new char[8192];
                try {
                    while (feed.read(buf, 0, buf.length) >= 0) {
                        // thrown away, as the widget would have shown it
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            pipeline.close();
            feed.close();
            widget.join(2000);
        }
    }

    /** The pipeline reports a local shell's flood: its rows reach the aftermath, a few lines do not. */
    @Test
    void aPipelineReportsItsFloodFrames() throws InterruptedException {
        StreamScreen[] screen = new StreamScreen[1];
        try (Watched run = new Watched("aftermath", dirty ->
                screen[0] = new StreamScreen(80, 24, 1000, b -> { }, dirty))) {
            write(screen[0], 0, 100);
            Thread.sleep(500);
            assertEquals(1, run.collected.getCount(), "a hundred lines are no flood");
            // about a second of output: frames come every 100 ms under a flood, each with up to the scrollback's
            // 1000 rows
            for (int chunk = 0; chunk < 200; chunk++) {
                write(screen[0], 100 + chunk * 500, 500);
                Thread.sleep(5);
            }
            assertTrue(run.collected.await(10, TimeUnit.SECONDS), "the flood of 100,000 lines was reported");
        }
    }

    /**
     * A Mosh tab's flood reaches the aftermath too: its history lines come from the session's recording, merged
     * as each frame shows the screen they scrolled off (the frames themselves carry no scrolled rows).
     */
    @Test
    void aMoshPipelineReportsTheHistoryItsRecordingBrings() throws InterruptedException {
        MoshHistory history = MoshHistory.recorded(80, 24, 1000);
        FrameScreen[] screen = new FrameScreen[1];
        // the server's screen and its recording, from the same output
        Emulator server = new Emulator(80, 24);
        try (Watched run = new Watched("aftermath-mosh", dirty ->
                screen[0] = new FrameScreen(80, 24, history, dirty))) {
            serve(server, history, screen[0], 0, 100);
            Thread.sleep(500);
            assertEquals(1, run.collected.getCount(), "a hundred lines are no flood");
            for (int chunk = 0; chunk < 60; chunk++) {
                serve(server, history, screen[0], 100 + chunk * 100, 100);
                Thread.sleep(20);
            }
            assertTrue(run.collected.await(10, TimeUnit.SECONDS), "the flood of 6,000 recorded lines was reported");
        }
    }

    private static void serve(Emulator server, MoshHistory history, FrameScreen screen, int first, int count) {
        byte[] bytes = lines(first, count);
        server.write(bytes);
        history.recorded(bytes, bytes.length);
        screen.show(server.snapshot());
    }

    private static byte[] lines(int first, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append("line ").append(first + i).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void write(StreamScreen screen, int first, int count) {
        byte[] bytes = lines(first, count);
        screen.write(bytes, 0, bytes.length);
    }
}
