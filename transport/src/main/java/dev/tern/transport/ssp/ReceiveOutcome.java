package dev.tern.transport.ssp;

/** What a complete, authentic instruction did to the receiver. */
public enum ReceiveOutcome {
    /** A new newest state: the screen may have changed and our ack moves forward. */
    NEW_LATEST,
    /** A new state older than one we already hold (reordering); kept as a possible diff base only. */
    NEW_OLDER,
    /** We already hold that state number: a retransmission. */
    DUPLICATE
}
