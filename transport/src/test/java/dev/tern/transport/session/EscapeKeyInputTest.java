package dev.tern.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EscapeKeyTest {
    private static EscapeKey.Result feed(EscapeKey key, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return key.feed(bytes, bytes.length);
    }

    @Test
    void ctrlCaretThenDotQuits() {
        EscapeKey key = EscapeKey.fromEnvironment(null);
        EscapeKey.Result result = feed(key, "ab\u001e.");
        assertEquals(EscapeKey.Action.QUIT, result.action());
        assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), result.toSend());
    }

    @Test
    void pendingEscapeShowsHelpAcrossReads() {
        EscapeKey key = EscapeKey.fromEnvironment(null);
        EscapeKey.Result first = feed(key, "\u001e");
        assertTrue(first.helpShown());
        assertEquals(0, first.toSend().length);
        assertEquals("Commands: Ctrl-Z suspends, \".\" quits, \"^\" gives literal Ctrl-^", key.helpText());
        EscapeKey.Result second = feed(key, "^");
        assertArrayEquals(new byte[] {0x1e}, second.toSend());
        assertFalse(second.helpShown());
    }

    @Test
    void anyOtherKeySendsTheEscapeByteAndTheKey() {
        EscapeKey key = EscapeKey.fromEnvironment(null);
        assertArrayEquals(new byte[] {0x1e, 'x'}, feed(key, "\u001ex").toSend());
        assertEquals(EscapeKey.Action.SUSPEND, feed(key, "\u001e\u001a").action());
    }

    @Test
    void aPrintableEscapeCountsOnlyAfterANewline() {
        EscapeKey key = EscapeKey.fromEnvironment("~");
        assertEquals("\"~\"", key.name());
        assertArrayEquals("a~.".getBytes(StandardCharsets.US_ASCII), feed(key, "a~.").toSend());
        assertEquals(EscapeKey.Action.QUIT, feed(key, "\r~.").action());
    }

    @Test
    void refusedAndOddSettingsFallBackToTheDefault() {
        assertEquals("Ctrl-^", EscapeKey.fromEnvironment("\u0003").name());
        assertEquals("Ctrl-^", EscapeKey.fromEnvironment("ab").name());
        assertEquals("Ctrl-B", EscapeKey.fromEnvironment("\u0002").name());
        EscapeKey disabled = EscapeKey.fromEnvironment("");
        assertFalse(disabled.enabled());
        assertArrayEquals(new byte[] {0x1e, '.'}, feed(disabled, "\u001e.").toSend());
    }

    @Test
    void upperCasePassKeyAlsoAcceptsLowerCase() {
        EscapeKey key = EscapeKey.fromEnvironment("\u0002"); // Ctrl-B, pass key "B"
        assertArrayEquals(new byte[] {0x02}, feed(key, "\u0002b").toSend());
    }
}
