package dev.tern.transport.wire;

import dev.tern.transport.crypto.DatagramCipher;
import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.Nonce;
import dev.tern.transport.crypto.OpenedDatagram;
import dev.tern.transport.crypto.SessionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mosh test vectors of docs/PROTOCOL.md §10.2, including datagrams captured between mosh 1.4.0 peers. */
class MoshVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void synthesizedClientDatagramMatchesByteForByte() throws Exception {
        SessionKey key = SessionKey.parse("UAkFedSsVJs2LfMeKyQB5g");
        TransportInstruction instruction = new TransportInstruction(2, 0, 1, 0, 0,
                HEX.parseHex("0a061a0428503018"), new byte[0]);
        byte[] protobuf = instruction.toProtobuf();
        assertEquals("0802100018012000280032080a061a04285030183a00", HEX.formatHex(protobuf));
        byte[] zlib = Zlib.compress(protobuf);
        assertEquals("789ce360126090605460d06030e2e0629362d1083090b0620000105301de", HEX.formatHex(zlib));

        Packet packet = new Packet(0x1234, Packet.NO_TIMESTAMP, new Fragment(1, 0, true, zlib));
        byte[] plaintext = packet.encode();
        assertEquals("1234ffff" + "00000000000000018000" + HEX.formatHex(zlib), HEX.formatHex(plaintext));

        DatagramCipher cipher = new DatagramCipher(key);
        assertEquals("00000000000000004b7932cf1fea3f4dbfcc3c3244133740a0563794b5c32f3bc9593051c4c93d33a0c1f270b6ec4d0c38"
                        + "ea42070e9360d19ee8734f68625c055ab002d1",
                HEX.formatHex(cipher.seal(new Nonce(Direction.TO_SERVER, 0), plaintext)));
        assertEquals("80000000000000050852df4d67f633e72bc171905201021665407bb191e9d0bf407ee37028cc926ca95056564a669b68"
                        + "09342ab58b1fddea23acd2d4feebbc12a98e2943",
                HEX.formatHex(cipher.seal(new Nonce(Direction.TO_CLIENT, 5), plaintext)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "client's first datagram, "
                    + "00000000000000007c1530ad165608cc0c52b3643a877d06ca31028475d4ce45296b36be2c2b6a0b439719562f7d4f192323ddf0ea5d3f2bbffb43d39e74b956f08ffbd0083c7f397153d93d3b, "
                    + "0000000000000000, 16369, 65535, 1, "
                    + "789ce360126090605460d06030e2e0629362d1083090b0e2646e1311dd77e09bc82600314205d3, "
                    + "0802100018012000280032080a061a04285030183a0903861415bec0f614b2, 0, 1, 0, 0, 0a061a0428503018",
            "server's first datagram, "
                    + "800000000000000052a163653edf75921144e170ae0fd47bdd083692a254a5f98b98251cd51983b4fcdf5826a96e1e7fbcf3b2dc30846238112a4ebcc70a5f63187d450fc7cbeebb3b97, "
                    + "8000000000000000, 16373, 16369, 1, "
                    + "789ce360126090605460d4603062b0e2f3ddfdb13543b4761dc3f3cd512e8c0048290756, "
                    + "0802100018012001280032003a0e4dbbf18568157dae00e7b35a4401, 0, 1, 1, 0, ''",
            "client keystroke a, "
                    + "00000000000000028e9d6e2040c9fc78ad6048780640d6a7f31d3631d1ae30d3fb9c5008d7245880349a91e2ec21b02c00d735d9c76c027b6015559c3148d7ead956baaeed6fa43d1edd360f2ed57e29d6, "
                    + "0000000000000002, 18370, 65535, 3, "
                    + "789ce360126094605660d2603462e762156256624cb4e24d95e4f1dd39f3ffe9bf9c2fdccf02004d70089f, "
                    + "0802100118032002280132070a0512032201613a0d65190c4db999ffcbfd09e847cd, 1, 3, 2, 1, 0a051203220161",
    })
    void capturedDatagramDecodesAndReencodesExactly(String name, String rawHex, String nonceTailHex, int timestamp,
                                                   int timestampReply, long instructionId, String zlibHex, String instructionHex,
                                                   long oldNum, long newNum, long ackNum, long throwaway,
                                                   String diffHex) throws Exception {
        SessionKey key = SessionKey.parse("v5xfKgL1TrRcJ7VgiCiU4g");
        byte[] raw = HEX.parseHex(rawHex);

        OpenedDatagram opened = new DatagramCipher(key).open(raw, raw.length);
        assertEquals(Nonce.ofTail(Long.parseUnsignedLong(nonceTailHex, 16)), opened.nonce());

        Packet packet = Packet.decode(opened.plaintext());
        assertEquals(timestamp, packet.timestamp());
        assertEquals(timestampReply, packet.timestampReply());
        assertEquals(instructionId, packet.fragment().instructionId());
        assertEquals(0, packet.fragment().number());
        assertTrue(packet.fragment().isFinal());
        assertEquals(zlibHex, HEX.formatHex(packet.fragment().payload()));

        byte[] inflated = Zlib.inflate(packet.fragment().payload());
        assertEquals(instructionHex, HEX.formatHex(inflated));
        TransportInstruction instruction = TransportInstruction.fromProtobuf(inflated);
        assertEquals(2, instruction.protocolVersion());
        assertEquals(oldNum, instruction.oldNum());
        assertEquals(newNum, instruction.newNum());
        assertEquals(ackNum, instruction.ackNum());
        assertEquals(throwaway, instruction.throwawayNum());
        assertEquals(diffHex, HEX.formatHex(instruction.diff()));

        // and back: protobuf, zlib, plaintext and datagram are reproduced byte for byte
        assertArrayEquals(inflated, instruction.toProtobuf());
        assertEquals(zlibHex, HEX.formatHex(Zlib.compress(instruction.toProtobuf())));
        assertArrayEquals(opened.plaintext(), packet.encode());
        assertArrayEquals(raw, new DatagramCipher(key).seal(opened.nonce(), packet.encode()));
    }

    @Test
    void shutdownInstructionsEncodeU64MaxAsTenByteVarints() throws Exception {
        TransportInstruction clientShutdown = new TransportInstruction(2, 14, TransportInstruction.SHUTDOWN, 14, 14,
                new byte[0], HEX.parseHex("0fc64c"));
        assertEquals("0802100e18ffffffffffffffffff01200e280e32003a030fc64c", HEX.formatHex(clientShutdown.toProtobuf()));
        TransportInstruction serverAck = TransportInstruction.fromProtobuf(
                HEX.parseHex("0802100e180f20ffffffffffffffffff01280e32003a093e7250257e010ee220"));
        assertEquals(TransportInstruction.SHUTDOWN, serverAck.ackNum());
        assertEquals(15, serverAck.newNum());
    }
}
