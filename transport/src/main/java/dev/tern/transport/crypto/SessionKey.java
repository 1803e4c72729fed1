package dev.tern.transport.crypto;

import java.util.Arrays;
import java.util.Base64;

/**
 * The 128-bit session key that {@code mosh-server} prints as 22 base64 characters.
 *
 * <p>{@link #toString()} never reveals the key, so it can't leak into a log by accident.
 */
public final class SessionKey {
    public static final int LENGTH_BYTES = 16;
    public static final int PRINTABLE_LENGTH = 22;

    private final byte[] bytes;

    private SessionKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Parses the printable form; rejects anything that is not the canonical encoding of 16 octets. */
    public static SessionKey parse(String printable) {
        if (printable == null || printable.length() != PRINTABLE_LENGTH) {
            throw new IllegalArgumentException("Key must be 22 letters long.");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(printable + "==");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Key must be well-formed base64.");
        }
        if (decoded.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("Key must represent 16 octets.");
        }
        // The JDK decoder tolerates stray low bits in the last character; mosh does not.
        if (!Base64.getEncoder().withoutPadding().encodeToString(decoded).equals(printable)) {
            throw new IllegalArgumentException("Base64 key was not encoded 128-bit key.");
        }
        return new SessionKey(decoded);
    }

    public static SessionKey of(byte[] raw) {
        if (raw.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("Key must represent 16 octets.");
        }
        return new SessionKey(raw.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String printable() {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionKey k && java.security.MessageDigest.isEqual(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SessionKey[redacted]";
    }
}
