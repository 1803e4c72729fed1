package dev.tern.transport.wire;

/** Why received input was ignored. Every drop is counted; none is ever an error for the session. */
public enum DropReason {
    OVERSIZE_DATAGRAM,
    AUTHENTICATION_FAILED,
    WRONG_DIRECTION,
    MALFORMED_PLAINTEXT,
    MALFORMED_FRAGMENT,
    CORRUPT_ZLIB,
    MALFORMED_PROTOBUF,
    PROTOCOL_VERSION_MISMATCH,
    UNKNOWN_BASE_STATE,
    MALFORMED_DIFF,
    RECEIVER_QUENCH
}
