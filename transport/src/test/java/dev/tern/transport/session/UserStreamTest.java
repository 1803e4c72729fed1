package dev.tern.transport.session;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UserStream diffs against the encodings of docs/PROTOCOL.md §5.4 and §7.1. */
class UserStreamTest {
    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void aResizeAndAKeystrokeEncodeAsMoshDoes() {
        UserStream stream = new UserStream();
        UserStreamState empty = stream.snapshot();
        stream.resize(80, 24);
        UserStreamState resized = stream.snapshot();
        assertEquals("0a061a0428503018", hex(resized.diffFrom(empty)));
        stream.type("a".getBytes(StandardCharsets.US_ASCII));
        UserStreamState typed = stream.snapshot();
        assertEquals("0a0512032201" + "61", hex(typed.diffFrom(resized)));
        stream.resize(100, 30);
        assertEquals("0a061a042864301e", hex(stream.snapshot().diffFrom(typed)));
    }

    @Test
    void consecutiveKeystrokesMergeIntoOneInstructionAndResizesStandAlone() {
        UserStream stream = new UserStream();
        UserStreamState start = stream.snapshot();
        stream.type("l".getBytes(StandardCharsets.US_ASCII));
        stream.type("s\r".getBytes(StandardCharsets.US_ASCII));
        assertEquals("0a07120522036c730d", hex(stream.snapshot().diffFrom(start)));
        stream.resize(100, 30);
        stream.type("x".getBytes(StandardCharsets.US_ASCII));
        assertEquals("0a07120522036c730d" + "0a061a042864301e" + "0a05120322017" + "8",
                hex(stream.snapshot().diffFrom(start)));
    }

    @Test
    void diffsCoverExactlyTheEventsBetweenTwoStates() {
        UserStream stream = new UserStream();
        stream.type("abc".getBytes(StandardCharsets.US_ASCII));
        UserStreamState middle = new UserStreamState(stream, 2); // after "ab"
        stream.type("de".getBytes(StandardCharsets.US_ASCII));
        assertEquals("0a0712052203" + "636465", hex(stream.snapshot().diffFrom(middle)));
        assertTrue(stream.snapshot().sameAs(new UserStreamState(stream, 5)));
        assertFalse(middle.sameAs(stream.snapshot()));
        assertEquals(0, stream.snapshot().diffFrom(stream.snapshot()).length);
    }

    @Test
    void acknowledgedEventsAreForgottenWithoutChangingLaterDiffs() {
        UserStream stream = new UserStream();
        stream.type("abc".getBytes(StandardCharsets.US_ASCII));
        UserStreamState acked = stream.snapshot();
        stream.type("de".getBytes(StandardCharsets.US_ASCII));
        acked.acknowledged();
        assertEquals("0a0512032201" + "64", hex(new UserStreamState(stream, 4).diffFrom(acked)));
        assertEquals("0a061204220264" + "65", hex(stream.snapshot().diffFrom(acked)));
    }
}
