package dev.tern.transport.ssp;

import dev.tern.transport.wire.DropReason;
import dev.tern.transport.wire.DroppedInputException;

import java.nio.charset.StandardCharsets;

/** A cumulative text used as both sides' state in SSP tests: a diff is the appended suffix. */
record TextState(String text) implements OutgoingState<TextState>, IncomingState<TextState> {
    static final TextState EMPTY = new TextState("");

    TextState append(String more) {
        return new TextState(text + more);
    }

    @Override
    public byte[] diffFrom(TextState base) {
        if (!text.startsWith(base.text)) {
            throw new AssertionError("states must be cumulative: '" + base.text + "' is no prefix of '" + text + "'");
        }
        return text.substring(base.text.length()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean sameAs(TextState other) {
        return text.equals(other.text);
    }

    @Override
    public TextState apply(byte[] diff) throws DroppedInputException {
        String s = new String(diff, StandardCharsets.UTF_8);
        if (s.contains("!")) {
            throw new DroppedInputException(DropReason.MALFORMED_DIFF, "test diffs may not contain '!'");
        }
        return new TextState(text + s);
    }
}
