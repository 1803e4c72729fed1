package dev.tern.transport.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.OCBBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-128-OCB (RFC 7253) with a 128-bit tag appended to the ciphertext, one direction of use only (sealing
 * or opening). The key schedule is computed once; later calls pass only the nonce, which lets Bouncy Castle
 * keep its key-derived tables. Not thread-safe.
 */
public final class OcbCipher {
    public static final int TAG_BITS = 128;
    public static final int TAG_LENGTH = TAG_BITS / 8;

    private final OCBBlockCipher ocb = new OCBBlockCipher(AESEngine.newInstance(), AESEngine.newInstance());
    private final boolean forSealing;
    private KeyParameter pendingKey;

    private OcbCipher(byte[] key, boolean forSealing) {
        this.pendingKey = new KeyParameter(key);
        this.forSealing = forSealing;
    }

    /**
     * Loads the cipher's classes now. Bouncy Castle's jar is signed, so the first class loaded from it costs a
     * check of the jar's signature (about 100 ms on a cold JVM): a client can pay that while it waits for SSH.
     */
    public static void preload() {
        new OCBBlockCipher(AESEngine.newInstance(), AESEngine.newInstance());
    }

    public static OcbCipher sealing(byte[] key) {
        return new OcbCipher(key, true);
    }

    public static OcbCipher opening(byte[] key) {
        return new OcbCipher(key, false);
    }

    /** Encrypts {@code plaintext[off, off+len)} and returns ciphertext followed by the tag. */
    public byte[] seal(byte[] nonce, byte[] associatedData, byte[] plaintext, int off, int len) {
        requireMode(true);
        init(nonce, associatedData);
        byte[] out = new byte[len + TAG_LENGTH];
        int n = ocb.processBytes(plaintext, off, len, out, 0);
        try {
            ocb.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail", e);
        }
        return out;
    }

    /**
     * Decrypts ciphertext-with-tag {@code input[off, off+len)}.
     *
     * @throws DatagramAuthenticationException if the tag does not match (wrong key, tampering, truncation)
     */
    public byte[] open(byte[] nonce, byte[] associatedData, byte[] input, int off, int len)
            throws DatagramAuthenticationException {
        requireMode(false);
        if (len < TAG_LENGTH) {
            throw new DatagramAuthenticationException("Ciphertext must contain nonce and tag.");
        }
        init(nonce, associatedData);
        byte[] out = new byte[len - TAG_LENGTH];
        try {
            int n = ocb.processBytes(input, off, len, out, 0);
            ocb.doFinal(out, n);
        } catch (InvalidCipherTextException | IllegalStateException | org.bouncycastle.crypto.DataLengthException e) {
            ocb.reset();
            throw new DatagramAuthenticationException("Packet failed integrity check.");
        }
        return out;
    }

    private void init(byte[] nonce, byte[] associatedData) {
        ocb.init(forSealing, new AEADParameters(pendingKey, TAG_BITS, nonce, associatedData));
        pendingKey = null;
    }

    private void requireMode(boolean sealing) {
        if (sealing != forSealing) {
            throw new IllegalStateException(forSealing ? "this cipher only seals" : "this cipher only opens");
        }
    }
}
