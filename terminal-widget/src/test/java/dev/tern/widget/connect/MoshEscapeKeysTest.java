package dev.tern.widget.connect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoshEscapeKeysTest {
    @Test
    void ctrlCaretThenDotQuits() {
        MoshEscapeKeys keys = new MoshEscapeKeys();
        MoshEscapeKeys.Result first = keys.filter(new byte[]{'l', 's', 0x1E});
        assertArrayEquals(new byte[]{'l', 's'}, first.toSend());
        assertTrue(keys.pending());
        assertTrue(keys.filter(new byte[]{'.'}).quit());
    }

    @Test
    void ctrlCaretCaretSendsOneCtrlCaretAndOtherKeysPassWithIt() {
        MoshEscapeKeys keys = new MoshEscapeKeys();
        assertArrayEquals(new byte[]{0x1E}, keys.filter(new byte[]{0x1E, '^'}).toSend());
        MoshEscapeKeys.Result other = keys.filter(new byte[]{0x1E, 'x'});
        assertArrayEquals(new byte[]{0x1E, 'x'}, other.toSend());
        assertFalse(other.quit());
    }

    @Test
    void aPasteIsNeverInterpreted() {
        byte[] paste = new byte[200];
        paste[10] = 0x1E;
        paste[11] = '.';
        MoshEscapeKeys.Result r = new MoshEscapeKeys().filter(paste);
        assertArrayEquals(paste, r.toSend());
        assertFalse(r.quit());
    }
}
