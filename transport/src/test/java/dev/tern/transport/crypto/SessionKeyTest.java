package dev.tern.transport.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionKeyTest {
    @ParameterizedTest
    @CsvSource({
            "UAkFedSsVJs2LfMeKyQB5g, 50090579d4ac549b362df31e2b2401e6",
            "v5xfKgL1TrRcJ7VgiCiU4g, bf9c5f2a02f54eb45c27b560882894e2",
            "AAAAAAAAAAAAAAAAAAAAAA, 00000000000000000000000000000000",
    })
    void decodesThePrintableForm(String printable, String hex) {
        SessionKey key = SessionKey.parse(printable);
        assertArrayEquals(HexFormat.of().parseHex(hex), key.bytes());
        assertEquals(printable, key.printable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "UAkFedSsVJs2LfMeKyQB5", "UAkFedSsVJs2LfMeKyQB5gA", "UAkFedSsVJs2LfMeKyQB5h",
            "UAkFedSsVJs2LfMeKyQB5=", "UAkFedSsVJs2LfMe*yQB5g", "UAkFedSsVJs2LfMe-yQB5g"})
    void rejectsMalformedKeys(String printable) {
        assertThrows(IllegalArgumentException.class, () -> SessionKey.parse(printable));
    }

    @Test
    void neverPrintsTheKey() {
        SessionKey key = SessionKey.parse("UAkFedSsVJs2LfMeKyQB5g");
        assertFalse(key.toString().contains("UAkF"));
        assertFalse(key.toString().toLowerCase().contains("5009"));
    }

    @Test
    void sequenceCounterRefusesToWrap() {
        SequenceCounter c = new SequenceCounter(Nonce.MAX_SEQUENCE - 1);
        assertEquals(Nonce.MAX_SEQUENCE - 1, c.next());
        assertThrows(IllegalStateException.class, c::next);
    }

    @Test
    void directionBitIsTheTopBitOfTheNonceTail() {
        assertEquals(0x8000000000000005L, new Nonce(Direction.TO_CLIENT, 5).tail());
        assertEquals(5L, new Nonce(Direction.TO_SERVER, 5).tail());
        assertEquals(new Nonce(Direction.TO_CLIENT, 5), Nonce.ofTail(0x8000000000000005L));
        assertArrayEquals(HexFormat.of().parseHex("000000008000000000000005"), new Nonce(Direction.TO_CLIENT, 5).ocbBytes());
    }
}
