package dev.tern.transport.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 7253 Appendix A sample results (AES-128, 96-bit nonce, 128-bit tag), through one cipher per direction. */
class Rfc7253VectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
    // one instance for all vectors: also proves that re-initialising with only a new nonce is correct
    private static final OcbCipher SEALER = OcbCipher.sealing(KEY);
    private static final OcbCipher OPENER = OcbCipher.opening(KEY);

    /** "n" stands for the bytes 00, 01, ... n-1. */
    private static byte[] counting(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @ParameterizedTest(name = "nonce {0}")
    @CsvSource({
            "BBAA99887766554433221100, 0, 0, 785407BFFFC8AD9EDCC5520AC9111EE6",
            "BBAA99887766554433221101, 8, 8, 6820B3657B6F615A5725BDA0D3B4EB3A257C9AF1F8F03009",
            "BBAA99887766554433221102, 8, 0, 81017F8203F081277152FADE694A0A00",
            "BBAA99887766554433221103, 0, 8, 45DD69F8F5AAE72414054CD1F35D82760B2CD00D2F99BFA9",
            "BBAA99887766554433221104, 16, 16, 571D535B60B277188BE5147170A9A22C3AD7A4FF3835B8C5701C1CCEC8FC3358",
            "BBAA99887766554433221105, 16, 0, 8CF761B6902EF764462AD86498CA6B97",
            "BBAA99887766554433221106, 0, 16, 5CE88EC2E0692706A915C00AEB8B2396F40E1C743F52436BDF06D8FA1ECA343D",
            "BBAA99887766554433221107, 24, 24, 1CA2207308C87C010756104D8840CE1952F09673A448A122C92C62241051F57356D7F3C90BB0E07F",
            "BBAA99887766554433221108, 24, 0, 6DC225A071FC1B9F7C69F93B0F1E10DE",
            "BBAA99887766554433221109, 0, 24, 221BD0DE7FA6FE993ECCD769460A0AF2D6CDED0C395B1C3CE725F32494B9F914D85C0B1EB38357FF",
            "BBAA9988776655443322110A, 32, 32, BD6F6C496201C69296C11EFD138A467ABD3C707924B964DEAFFC40319AF5A48540FBBA186C5553C68AD9F592A79A4240",
            "BBAA9988776655443322110B, 32, 0, FE80690BEE8A485D11F32965BC9D2A32",
            "BBAA9988776655443322110C, 0, 32, 2942BFC773BDA23CABC6ACFD9BFD5835BD300F0973792EF46040C53F1432BCDFB5E1DDE3BC18A5F840B52E653444D5DF",
            "BBAA9988776655443322110D, 40, 40, D5CA91748410C1751FF8A2F618255B68A0A12E093FF454606E59F9C1D0DDC54B65E8628E568BAD7AED07BA06A4A69483A7035490C5769E60",
            "BBAA9988776655443322110E, 40, 0, C5CD9D1850C141E358649994EE701B68",
            "BBAA9988776655443322110F, 0, 40, 4412923493C57D5DE0D700F753CCE0D1D2D95060122E9F15A5DDBFC5787E50B5CC55EE507BCB084E479AD363AC366B95A98CA5F3000B1479",
    })
    void sealsAndOpensTheSampleResults(String nonceHex, int adLength, int plaintextLength, String expectedHex)
            throws Exception {
        byte[] nonce = HEX.parseHex(nonceHex);
        byte[] ad = adLength == 0 ? null : counting(adLength);
        byte[] plaintext = counting(plaintextLength);
        byte[] expected = HEX.parseHex(expectedHex);

        assertArrayEquals(expected, SEALER.seal(nonce, ad, plaintext, 0, plaintext.length));
        assertArrayEquals(plaintext, OPENER.open(nonce, ad, expected, 0, expected.length));
    }

    @Test
    void krovetzDraftVectorUsedByMoshsOwnTest() {
        byte[] nonce = HEX.parseHex("000102030405060708090A0B");
        byte[] p = counting(8);
        assertArrayEquals(HEX.parseHex("197B9C3C441D3C83EAFB2BEF633B9182"), OcbCipher.sealing(KEY).seal(nonce, null, new byte[0], 0, 0));
        assertArrayEquals(HEX.parseHex("92B657130A74B85A16DC76A46D47E1EAD537209E8A96D14E"),
                OcbCipher.sealing(KEY).seal(nonce, p, p, 0, p.length));
    }

    @Test
    void aFlippedTagBitFailsIntegrity() {
        byte[] nonce = HEX.parseHex("BBAA99887766554433221103");
        byte[] c = HEX.parseHex("45DD69F8F5AAE72414054CD1F35D82760B2CD00D2F99BFA9");
        c[c.length - 1] ^= 1;
        assertThrows(DatagramAuthenticationException.class, () -> OPENER.open(nonce, null, c, 0, c.length));
        // and the opener still works afterwards
        c[c.length - 1] ^= 1;
        assertArrayEquals(counting(8), assertDoesNotThrowOpen(nonce, c));
    }

    private static byte[] assertDoesNotThrowOpen(byte[] nonce, byte[] c) {
        try {
            return OPENER.open(nonce, null, c, 0, c.length);
        } catch (DatagramAuthenticationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eachCipherOnlyWorksOneWay() {
        assertThrows(IllegalStateException.class, () -> OPENER.seal(new byte[12], null, new byte[1], 0, 1));
        assertThrows(IllegalStateException.class, () -> SEALER.open(new byte[12], null, new byte[16], 0, 16));
    }
}
