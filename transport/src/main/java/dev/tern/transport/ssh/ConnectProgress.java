package dev.tern.transport.ssh;

/**
 * Progress of a connection attempt, for a status line. Called from the connecting thread; implementations hop to
 * their UI thread themselves.
 */
public interface ConnectProgress {

    /** A new step began; {@code detail} names the host or port involved (e.g. "jump host bastion:22"). */
    void stage(ConnectStage stage, String detail);

    /** Something the user should know that does not stop the connection (a skipped key file, ...). */
    default void warning(String message) {
    }

    static ConnectProgress silent() {
        return (stage, detail) -> {
        };
    }
}
