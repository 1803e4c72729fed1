package dev.tern.transport.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Compresses instructions and cuts them into fragments. Every instruction gets a fresh id, so two different
 * fragments never share an (id, number) pair: mosh's reassembly aborts the process if they do.
 */
public final class Fragmenter {
    private long lastId;

    public Fragmenter() {
        this(0);
    }

    /** A fragmenter whose first instruction takes id {@code lastId + 1}: a resumed session goes on past the old ids. */
    public Fragmenter(long lastId) {
        this.lastId = lastId;
    }

    /** The id the next instruction will take. */
    public long nextId() {
        return lastId + 1;
    }

    public List<Fragment> fragment(TransportInstruction instruction, int maxPayload) {
        if (maxPayload <= 0) {
            throw new IllegalArgumentException("no room for a fragment payload");
        }
        byte[] compressed = Zlib.compress(instruction.toProtobuf());
        int count = Math.max(1, (compressed.length + maxPayload - 1) / maxPayload);
        if (count > Fragment.MAX_NUMBER + 1) {
            throw new IllegalArgumentException("instruction needs more than 32768 fragments");
        }
        long id = ++lastId;
        List<Fragment> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * maxPayload;
            int to = Math.min(compressed.length, from + maxPayload);
            byte[] slice = java.util.Arrays.copyOfRange(compressed, from, to);
            out.add(new Fragment(id, i, i == count - 1, slice));
        }
        return out;
    }
}
