package dev.tern.widget.connect;

import java.io.ByteArrayOutputStream;

/**
 * Keys typed while a connection is still being made (SSH login, mosh-server start): held, then sent in order
 * once it is up, so that a person who starts typing at once loses nothing. Bounded: past {@link #LIMIT} bytes,
 * further input is dropped (a paste into a tab that never connects must not grow the heap).
 */
final class EarlyInput {
    static final int LIMIT = 64 * 1024;

    /** Sends input on to the remote side. */
    interface Sink {
        void send(byte[] input) throws java.io.IOException;
    }

    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean open;

    /** True when the input was held because the connection is not up yet (the caller then sends nothing). */
    synchronized boolean hold(byte[] input) {
        if (open) {
            return false;
        }
        if (held.size() + input.length <= LIMIT) {
            held.writeBytes(input);
        }
        return true;
    }

    /**
     * The connection is up: sends what was held, then lets input through. Input arriving meanwhile waits for the
     * held bytes, so the order is kept.
     */
    synchronized void release(Sink sink) throws java.io.IOException {
        byte[] pending = held.toByteArray();
        held.reset();
        open = true;
        if (pending.length > 0) {
            sink.send(pending);
        }
    }
}
