package dev.tern.transport.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Mosh's datagram encryption: {@code nonce tail (8, big-endian) || OCB ciphertext || tag (16)}, the 12-byte
 * OCB nonce being four zero bytes followed by the tail, no associated data.
 *
 * <p>Enforces mosh's limit of 2^47 processed blocks per key, after which the session must end. Not thread-safe.
 */
public final class DatagramCipher {
    public static final int OVERHEAD = Nonce.WIRE_LENGTH + OcbCipher.TAG_LENGTH;
    static final long BLOCK_LIMIT = 1L << 47;
    /** The nonce tail travels big-endian. */
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);

    private final OcbCipher sealer;
    private final OcbCipher opener;
    private long blocksProcessed;

    public DatagramCipher(SessionKey key) {
        byte[] raw = key.bytes();
        this.sealer = OcbCipher.sealing(raw);
        this.opener = OcbCipher.opening(raw);
    }

    public byte[] seal(Nonce nonce, byte[] plaintext) {
        countBlocks(plaintext.length);
        byte[] body = sealer.seal(nonce.ocbBytes(), null, plaintext, 0, plaintext.length);
        byte[] datagram = new byte[Nonce.WIRE_LENGTH + body.length];
        BIG_ENDIAN_LONG.set(datagram, 0, nonce.tail());
        System.arraycopy(body, 0, datagram, Nonce.WIRE_LENGTH, body.length);
        return datagram;
    }

    public OpenedDatagram open(byte[] datagram, int length) throws DatagramAuthenticationException {
        if (length < OVERHEAD || length > datagram.length) {
            throw new DatagramAuthenticationException("Ciphertext must contain nonce and tag.");
        }
        Nonce nonce = Nonce.ofTail((long) BIG_ENDIAN_LONG.get(datagram, 0));
        countBlocks(length - OVERHEAD);
        byte[] plaintext = opener.open(nonce.ocbBytes(), null, datagram, Nonce.WIRE_LENGTH, length - Nonce.WIRE_LENGTH);
        return new OpenedDatagram(nonce, plaintext);
    }

    private void countBlocks(int bytes) {
        blocksProcessed += (bytes + 15L) / 16 + 1;
        if (blocksProcessed >= BLOCK_LIMIT) {
            throw new IllegalStateException("Encrypted 2^47 blocks.");
        }
    }
}
