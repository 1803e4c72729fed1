package dev.tern.widget;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;

import java.io.InterruptedIOException;

/**
 * A JediTermFX connector that only feeds output to the widget (the "JediTermFX fed directly" baseline of the
 * throughput test and the flood benchmark): input, resizes and closing go nowhere. Subclasses supply the output.
 */
public abstract class FeedOnlyConnector implements TtyConnector {

    /** The widget's session ends on end of input: a drained feed parks here to keep the screen until it closes. */
    protected static void parkForever() throws InterruptedIOException {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }

    @Override
    public void write(byte[] bytes) {
    }

    @Override
    public void write(String string) {
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public void resize(TermSize termSize) {
    }

    @Override
    public int waitFor() {
        return 0;
    }

    @Override
    public String getName() {
        return "direct";
    }

    @Override
    public void close() {
    }
}
