package dev.tern.transport.ssh;

import java.io.IOException;
import java.util.Optional;

/**
 * A failure to connect, log in or start mosh-server. {@link #getMessage()} is meant for the user as is: it says what
 * went wrong and what to do about it. {@link #failure()} lets callers react by kind (e.g. not retrying an
 * authentication failure).
 */
public final class SshException extends IOException {
    private final SshFailure failure;
    private final transient ChangedHostKey changedHostKey;

    public SshException(SshFailure failure, String message) {
        this(failure, message, null, null);
    }

    public SshException(SshFailure failure, String message, Throwable cause) {
        this(failure, message, cause, null);
    }

    SshException(SshFailure failure, String message, Throwable cause, ChangedHostKey changedHostKey) {
        super(message, cause);
        this.failure = failure;
        this.changedHostKey = changedHostKey;
    }

    public SshFailure failure() {
        return failure;
    }

    /** For {@link SshFailure#HOST_KEY_CHANGED}: both fingerprints and the known_hosts line to fix. */
    public Optional<ChangedHostKey> changedHostKey() {
        return Optional.ofNullable(changedHostKey);
    }

    /** Whether trying again later, unchanged, could succeed (network trouble, not a refusal). */
    public boolean isTransient() {
        return switch (failure) {
            case CONNECTION_REFUSED, CONNECTION_TIMED_OUT, NETWORK_UNREACHABLE, CONNECTION_CLOSED, UNKNOWN_HOST -> true;
            default -> false;
        };
    }
}
