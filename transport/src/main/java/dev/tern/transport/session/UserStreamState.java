package dev.tern.transport.session;

import dev.tern.transport.ssp.OutgoingState;

/** The first {@code eventCount} events of a {@link UserStream}: one state of the client's side of SSP. */
public record UserStreamState(UserStream stream, long eventCount) implements OutgoingState<UserStreamState> {
    @Override
    public byte[] diffFrom(UserStreamState base) {
        return stream.diff(base.eventCount, eventCount);
    }

    @Override
    public boolean sameAs(UserStreamState other) {
        return eventCount == other.eventCount;
    }

    /** Key presses in this state that {@code base} does not hold yet (typed, not yet confirmed by the server). */
    public int keyPressesSince(UserStreamState base) {
        // asked on every turn of the session loop: nothing unconfirmed is the common case, and costs no walk
        return base.eventCount == eventCount ? 0 : stream.keyPressesBetween(base.eventCount, eventCount);
    }

    /** Called with the newest acknowledged state: nothing before it is needed again. */
    void acknowledged() {
        stream.forgetBefore(eventCount);
    }
}
