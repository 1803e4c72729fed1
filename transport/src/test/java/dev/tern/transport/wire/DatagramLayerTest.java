package dev.tern.transport.wire;

import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.SequenceCounter;
import dev.tern.transport.crypto.SessionKey;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatagramLayerTest {
    private static final SessionKey KEY = SessionKey.parse("v5xfKgL1TrRcJ7VgiCiU4g");
    private static final SessionKey OTHER_KEY = SessionKey.parse("UAkFedSsVJs2LfMeKyQB5g");

    private static DatagramLayer client() {
        return new DatagramLayer(KEY, Direction.TO_SERVER, new SequenceCounter());
    }

    private static DatagramLayer server() {
        return new DatagramLayer(KEY, Direction.TO_CLIENT, new SequenceCounter());
    }

    private static Fragment fragment(byte[] payload) {
        return new Fragment(7, 0, true, payload);
    }

    @Property(tries = 200)
    void sealedDatagramsOpenOnTheOtherSide(@ForAll @Size(max = 1214) byte[] payload) throws Exception {
        byte[] datagram = client().seal(fragment(payload), 1000);
        assertEquals(payload.length + Mtu.OVERHEAD, datagram.length);
        ReceivedFragment received = server().open(datagram, datagram.length, 1000);
        assertArrayEquals(payload, received.fragment().payload());
        assertTrue(received.inOrder());
    }

    @Property(tries = 300)
    void anyFlippedBitIsAnAuthenticationFailure(@ForAll @Size(max = 200) byte[] payload,
                                                @ForAll @IntRange(max = 10_000) int bitSeed) {
        byte[] datagram = client().seal(fragment(payload), 1000);
        int bit = bitSeed % (datagram.length * 8);
        datagram[bit / 8] ^= (byte) (1 << (bit % 8));
        DroppedInputException e = assertThrows(DroppedInputException.class,
                () -> server().open(datagram, datagram.length, 1000));
        assertEquals(DropReason.AUTHENTICATION_FAILED, e.reason());
    }

    @Property(tries = 200)
    void truncationAndRandomBytesAreDropped(@ForAll @Size(max = 3000) byte[] garbage,
                                            @ForAll @Size(max = 100) byte[] payload,
                                            @ForAll @IntRange(max = 200) int cut) {
        assertThrows(DroppedInputException.class, () -> server().open(garbage, garbage.length, 0));
        byte[] datagram = client().seal(fragment(payload), 1000);
        int length = Math.min(cut, datagram.length - 1);
        assertThrows(DroppedInputException.class, () -> server().open(datagram, length, 0));
    }

    @Test
    void anotherKeyOrOurOwnDirectionIsRejected() throws Exception {
        byte[] fromServer = server().seal(fragment(new byte[]{1, 2, 3}), 0);
        DatagramLayer strangerClient = new DatagramLayer(OTHER_KEY, Direction.TO_SERVER, new SequenceCounter());
        assertEquals(DropReason.AUTHENTICATION_FAILED, assertThrows(DroppedInputException.class,
                () -> strangerClient.open(fromServer, fromServer.length, 0)).reason());
        byte[] fromClient = client().seal(fragment(new byte[]{1}), 0);
        assertEquals(DropReason.WRONG_DIRECTION, assertThrows(DroppedInputException.class,
                () -> client().open(fromClient, fromClient.length, 0)).reason());
        assertEquals(DropReason.OVERSIZE_DATAGRAM, assertThrows(DroppedInputException.class,
                () -> client().open(new byte[3000], 3000, 0)).reason());
    }

    @Test
    void replaysStillArriveButAreMarkedOutOfOrder() throws Exception {
        DatagramLayer s = server();
        DatagramLayer c = client();
        byte[] first = s.seal(fragment(new byte[]{1}), 0);
        byte[] second = s.seal(fragment(new byte[]{2}), 0);
        assertTrue(c.open(second, second.length, 0).inOrder());
        assertFalse(c.open(first, first.length, 0).inOrder());
        assertFalse(c.open(second, second.length, 0).inOrder());
    }

    @Test
    void timestampsAreEchoedOnceWithTheirHoldTimeAndYieldRttSamples() throws Exception {
        DatagramLayer c = client();
        DatagramLayer s = server();
        byte[] ping = c.seal(fragment(new byte[0]), 10_000);
        s.open(ping, ping.length, 10_030); // one-way 30 ms
        byte[] pong = s.seal(fragment(new byte[0]), 10_070); // held 40 ms
        Packet pongPlain = decodeWithoutCrypto(s, pong);
        assertEquals(Timestamp16.of(10_000 + 40), pongPlain.timestampReply());
        c.open(pong, pong.length, 10_100);
        assertTrue(c.rtt().hasSample());
        assertEquals(60, c.rtt().srtt(), 0.001); // 100 ms total minus 40 ms hold
        assertEquals(30, c.rtt().rttvar(), 0.001);
        // the saved timestamp was used up: the next datagram carries no reply
        byte[] again = s.seal(fragment(new byte[0]), 10_080);
        assertEquals(Packet.NO_TIMESTAMP, decodeWithoutCrypto(s, again).timestampReply());
    }

    @Test
    void staleTimestampsAreNotEchoed() throws Exception {
        DatagramLayer c = client();
        DatagramLayer s = server();
        byte[] ping = c.seal(fragment(new byte[0]), 0);
        s.open(ping, ping.length, 0);
        byte[] late = s.seal(fragment(new byte[0]), 1000);
        assertEquals(Packet.NO_TIMESTAMP, decodeWithoutCrypto(s, late).timestampReply());
    }

    @Test
    void clockValue65535IsNeverSentAsATimestamp() {
        assertEquals(0, Timestamp16.of(65535));
        assertEquals(1, Timestamp16.of(65537));
        assertEquals(10, Timestamp16.difference(5, 65531));
    }

    private static Packet decodeWithoutCrypto(DatagramLayer sender, byte[] datagram) throws Exception {
        DatagramLayer peer = new DatagramLayer(KEY, Direction.TO_SERVER, new SequenceCounter());
        return Packet.decode(Arrays.copyOf(openPlain(peer, datagram), openPlain(peer, datagram).length));
    }

    private static byte[] openPlain(DatagramLayer ignored, byte[] datagram) throws Exception {
        return new dev.tern.transport.crypto.DatagramCipher(KEY).open(datagram, datagram.length).plaintext();
    }
}
