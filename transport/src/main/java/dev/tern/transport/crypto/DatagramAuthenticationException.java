package dev.tern.transport.crypto;

/** A datagram that is too short to hold nonce and tag, or whose tag does not verify under the session key. */
public final class DatagramAuthenticationException extends Exception {
    public DatagramAuthenticationException(String message) {
        super(message, null, false, false);
    }
}
