package dev.tern.transport.wire;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Reassembles one instruction at a time, as mosh does: a fragment of another instruction discards the partial
 * one. Unlike mosh, a repeated fragment whose content differs is dropped instead of aborting.
 */
public final class FragmentAssembly {
    /** Upper bound on the compressed size we are willing to buffer (mosh's inflate limit). */
    static final int MAX_ASSEMBLED_BYTES = Zlib.MAX_INFLATED;

    private long currentId = -1;
    private boolean assembling;
    private Fragment[] parts = new Fragment[4];
    private int received;
    private int total = -1;
    private long bufferedBytes;

    /**
     * Adds a fragment; returns the complete compressed instruction once every fragment of it has arrived.
     *
     * @throws DroppedInputException for a fragment that contradicts what was already received or is too big
     */
    public Optional<byte[]> add(Fragment f) throws DroppedInputException {
        if (!assembling || f.instructionId() != currentId) {
            start(f.instructionId());
        }
        int n = f.number();
        if (total >= 0 && n >= total) {
            throw new DroppedInputException(DropReason.MALFORMED_FRAGMENT, "fragment beyond the final one");
        }
        if (f.isFinal() && n + 1 < highestPresent()) {
            throw new DroppedInputException(DropReason.MALFORMED_FRAGMENT, "final fragment before others");
        }
        if (n >= parts.length) {
            Fragment[] bigger = new Fragment[Math.max(n + 1, parts.length * 2)];
            System.arraycopy(parts, 0, bigger, 0, parts.length);
            parts = bigger;
        }
        Fragment existing = parts[n];
        if (existing != null) {
            if (!existing.sameAs(f)) {
                throw new DroppedInputException(DropReason.MALFORMED_FRAGMENT, "conflicting duplicate fragment");
            }
            return Optional.empty();
        }
        if (bufferedBytes + f.payload().length > MAX_ASSEMBLED_BYTES) {
            start(-1);
            assembling = false;
            throw new DroppedInputException(DropReason.MALFORMED_FRAGMENT, "instruction too large");
        }
        parts[n] = f;
        received++;
        bufferedBytes += f.payload().length;
        if (f.isFinal()) {
            total = n + 1;
        }
        if (total < 0 || received < total) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) bufferedBytes);
        for (int i = 0; i < total; i++) {
            out.writeBytes(parts[i].payload());
        }
        assembling = false;
        parts = new Fragment[4];
        return Optional.of(out.toByteArray());
    }

    private int highestPresent() {
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i] != null) {
                return i + 1;
            }
        }
        return 0;
    }

    private void start(long id) {
        currentId = id;
        assembling = true;
        if (received > 0 || parts.length > 4) {
            parts = new Fragment[4];
        }
        received = 0;
        total = -1;
        bufferedBytes = 0;
    }
}
