package dev.tern.widget;

import com.techsenger.jeditermfx.core.TerminalExecutorServiceManager;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The threads JediTermFX runs a widget on, as virtual threads: its emulator, which parses each frame and otherwise
 * waits in {@link dev.tern.widget.pipeline.FrameFeed#read}, and its job executor, which hands keys to the
 * {@link InputPump} and resizes. Both only wait on Java locks and queues, never in native code, so neither needs a
 * platform thread of its own; the library's default gives every tab two.
 */
final class WidgetExecutors implements TerminalExecutorServiceManager {
    private final ScheduledExecutorService jobs;
    private final ExecutorService emulator;

    /** Made from the widget's constructor, before any name is known (the emulator names its own thread). */
    WidgetExecutors() {
        // one thread in order, as the library's default: keys must reach the pump in the order they were typed
        this.jobs = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("tern-widget-jobs").factory());
        this.emulator = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tern-emulator").factory());
    }

    @Override
    public ScheduledExecutorService getSingleThreadScheduledExecutor() {
        return jobs;
    }

    @Override
    public ExecutorService getUnboundedExecutorService() {
        return emulator;
    }

    @Override
    public void shutdownWhenAllExecuted() {
        jobs.shutdown();
        emulator.shutdown();
    }
}
