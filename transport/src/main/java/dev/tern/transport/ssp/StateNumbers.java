package dev.tern.transport.ssp;

import dev.tern.transport.wire.TransportInstruction;

/** State numbers are unsigned 64-bit values; the all-ones value is the shutdown state. */
final class StateNumbers {
    private StateNumbers() {
    }

    static int compare(long a, long b) {
        return Long.compareUnsigned(a, b);
    }

    static boolean isShutdown(long n) {
        return n == TransportInstruction.SHUTDOWN;
    }
}
