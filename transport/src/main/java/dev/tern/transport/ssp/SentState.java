package dev.tern.transport.ssp;

/** A state we sent (or the initial state): when it was last sent, its number and its content. */
final class SentState<S> {
    long sentAt;
    final long num;
    final S state;

    SentState(long sentAt, long num, S state) {
        this.sentAt = sentAt;
        this.num = num;
        this.state = state;
    }
}
