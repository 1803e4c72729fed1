package dev.tern.transport.wire;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** zlib (RFC 1950) streams as mosh's compressor writes them: default level, header and Adler-32 trailer. */
public final class Zlib {
    /** mosh refuses to inflate more than 2048 × 2048 bytes. */
    public static final int MAX_INFLATED = 2048 * 2048;

    private Zlib() {
    }

    public static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 32);
            byte[] buf = new byte[Math.max(64, data.length + 64)];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public static byte[] inflate(byte[] data) throws DroppedInputException {
        try (Inflating inflating = new Inflating()) {
            return inflating.inflate(data);
        }
    }

    /**
     * An inflater kept for a whole receive path and reset between streams, which saves allocating and setting up
     * zlib's state (with its 32 KiB window) for every datagram. Not thread-safe.
     */
    public static final class Inflating implements AutoCloseable {
        private static final int RETAINED_OUTPUT = 64 * 1024;
        private final Inflater inflater = new Inflater();
        private final byte[] buf = new byte[8192];
        private ByteArrayOutputStream out = new ByteArrayOutputStream(8192);

        public byte[] inflate(byte[] data) throws DroppedInputException {
            inflater.reset();
            out.reset();
            try {
                inflater.setInput(data);
                while (!inflater.finished()) {
                    int n = inflater.inflate(buf);
                    if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new DroppedInputException(DropReason.CORRUPT_ZLIB, "truncated zlib stream");
                    }
                    out.write(buf, 0, n);
                    if (out.size() > MAX_INFLATED) {
                        throw new DroppedInputException(DropReason.CORRUPT_ZLIB, "inflates beyond 4 MiB");
                    }
                }
                if (inflater.getRemaining() != 0) {
                    throw new DroppedInputException(DropReason.CORRUPT_ZLIB, "bytes after the zlib stream");
                }
                return out.toByteArray();
            } catch (DataFormatException e) {
                throw new DroppedInputException(DropReason.CORRUPT_ZLIB, "invalid zlib stream");
            } finally {
                if (out.size() > RETAINED_OUTPUT) {
                    out = new ByteArrayOutputStream(8192); // one big screen must not pin megabytes for the session
                }
            }
        }

        @Override
        public void close() {
            inflater.end();
        }
    }
}
