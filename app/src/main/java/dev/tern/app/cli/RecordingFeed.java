package dev.tern.app.cli;

import dev.tern.transport.ssh.CompanionConnection;
import dev.tern.transport.ssh.OutputRecorder;
import dev.tern.transport.ssh.RecordedOutputReader;

/**
 * A CLI session's recording, followed over its companion SSH connection into the {@link ScrollbackHistory}; the
 * painter is woken whenever there is news. Ends with the session: the reader stops and the connection closes (the
 * recording itself goes when the session's program ends on the server).
 */
final class RecordingFeed implements AutoCloseable {
    private final CompanionConnection companion;
    private final OutputRecorder recorder;
    private volatile RecordedOutputReader reader;
    private volatile ScrollbackHistory history;

    RecordingFeed(CompanionConnection companion, OutputRecorder recorder) {
        this.companion = companion;
        this.recorder = recorder;
    }

    void start(ScrollbackHistory history, Runnable changed) {
        this.history = history;
        reader = new RecordedOutputReader(companion, recorder, new RecordedOutputReader.Listener() {
            @Override
            public void recorded(byte[] data, int length) {
                history.recorded(data, length);
                changed.run();
            }

            @Override
            public void lost(long bytes) {
                history.lost(bytes);
                changed.run();
            }

            @Override
            public void status(RecordedOutputReader.Status status, String detail) {
                switch (status) {
                    case NO_RECORDER -> history.unavailable("the server has no 'script' to record them", true);
                    case ENDED -> history.unavailable("the session's recording is gone", true);
                    case DOWN -> history.unavailable("the history connection is down", false);
                    default -> history.available();
                }
                changed.run();
            }
        }).start();
    }

    /** Back after an outage (roaming, sleep): the companion's TCP connection may be dead without knowing it. */
    void contactBack() {
        RecordedOutputReader r = reader;
        if (r != null) {
            r.reconnectNow();
        }
    }

    @Override
    public void close() {
        ScrollbackHistory h = history;
        if (h != null) {
            h.close(); // before the reader: its thread may wait for the painter
        }
        RecordedOutputReader r = reader;
        if (r != null) {
            r.close();
        }
        companion.close();
    }
}
