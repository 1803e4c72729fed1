package dev.tern.transport.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EscapeKeyInputTest {
    private static EscapeKeyInput.Result feed(EscapeKeyInput key, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return key.feed(bytes, bytes.length);
    }

    @Test
    void ctrlCaretThenDotQuits() {
        EscapeKeyInput key = EscapeKeyInput.fromEnvironment(null);
        EscapeKeyInput.Result result = feed(key, "ab\u001e.");
        assertEquals(EscapeKeyInput.Action.QUIT, result.action());
        assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), result.toSend());
    }

    @Test
    void dDetachesOnlyWhereTheClientCanResume() {
        EscapeKeyInput plain = EscapeKeyInput.fromEnvironment(null);
        assertArrayEquals(new byte[] {'a', 0x1e, 'd'}, feed(plain, "a\u001ed").toSend());
        EscapeKeyInput resumable = EscapeKeyInput.fromEnvironment(null).withDetach();
        EscapeKeyInput.Result result = feed(resumable, "a\u001ed");
        assertEquals(EscapeKeyInput.Action.DETACH, result.action());
        assertArrayEquals(new byte[] {'a'}, result.toSend());
        assertTrue(resumable.helpText().endsWith("\"d\" detaches"), resumable.helpText());
    }

    @Test
    void pendingEscapeShowsHelpAcrossReads() {
        EscapeKeyInput key = EscapeKeyInput.fromEnvironment(null);
        EscapeKeyInput.Result first = feed(key, "\u001e");
        assertTrue(first.helpShown());
        assertEquals(0, first.toSend().length);
        assertEquals("Commands: Ctrl-Z suspends, \".\" quits, \"^\" gives literal Ctrl-^", key.helpText());
        EscapeKeyInput.Result second = feed(key, "^");
        assertArrayEquals(new byte[] {0x1e}, second.toSend());
        assertFalse(second.helpShown());
    }

    @Test
    void anyOtherKeySendsTheEscapeByteAndTheKey() {
        EscapeKeyInput key = EscapeKeyInput.fromEnvironment(null);
        assertArrayEquals(new byte[] {0x1e, 'x'}, feed(key, "\u001ex").toSend());
        assertEquals(EscapeKeyInput.Action.SUSPEND, feed(key, "\u001e\u001a").action());
    }

    @Test
    void aPrintableEscapeCountsOnlyAfterANewline() {
        EscapeKeyInput key = EscapeKeyInput.fromEnvironment("~");
        assertEquals("\"~\"", key.name());
        assertArrayEquals("a~.".getBytes(StandardCharsets.US_ASCII), feed(key, "a~.").toSend());
        assertEquals(EscapeKeyInput.Action.QUIT, feed(key, "\r~.").action());
    }

    @Test
    void refusedAndOddSettingsFallBackToTheDefault() {
        assertEquals("Ctrl-^", EscapeKeyInput.fromEnvironment("\u0003").name());
        assertEquals("Ctrl-^", EscapeKeyInput.fromEnvironment("ab").name());
        assertEquals("Ctrl-B", EscapeKeyInput.fromEnvironment("\u0002").name());
        EscapeKeyInput disabled = EscapeKeyInput.fromEnvironment("");
        assertFalse(disabled.enabled());
        assertArrayEquals(new byte[] {0x1e, '.'}, feed(disabled, "\u001e.").toSend());
    }

    @Test
    void upperCasePassKeyAlsoAcceptsLowerCase() {
        EscapeKeyInput key = EscapeKeyInput.fromEnvironment("\u0002"); // Ctrl-B, pass key "B"
        assertArrayEquals(new byte[] {0x02}, feed(key, "\u0002b").toSend());
    }
}
