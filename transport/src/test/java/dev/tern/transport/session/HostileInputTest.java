package dev.tern.transport.session;

import dev.tern.transport.crypto.DatagramCipher;
import dev.tern.transport.crypto.Direction;
import dev.tern.transport.crypto.Nonce;
import dev.tern.transport.crypto.SessionKey;
import dev.tern.transport.wire.DropReason;
import dev.tern.transport.wire.Fragment;
import dev.tern.transport.wire.Packet;
import dev.tern.transport.wire.TransportInstruction;
import dev.tern.transport.wire.Zlib;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static dev.tern.transport.session.RemoteTerminalStateTest.bytes;
import static dev.tern.transport.session.RemoteTerminalStateTest.hostMessage;
import static dev.tern.transport.session.ScreenWait.awaitScreen;
import static dev.tern.transport.session.ScreenWait.screenContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live session against a scripted server that sends every kind of bad input the issue lists. Each is
 * counted and ignored: the session stays open, its screen never shows the hostile content, and it keeps
 * working afterwards.
 */
class HostileInputTest {
    private static final byte[] EVIL = hostMessage(bytes("EVIL"));

    @Test
    void badInputIsCountedAndIgnored() throws Exception {
        try (FakeMoshServer server = new FakeMoshServer();
             MoshSession session = MoshSession.start(server.address(), FakeMoshServer.KEY, 40, 10,
                     new MoshSessionListener() { })) {
            TransportInstruction first = server.receiveInstruction();
            assertEquals(1, first.newNum());
            server.sendState(0, 1, 1, 0, hostMessage(bytes("ready")));
            awaitScreen(session, s -> s.contains("ready"));
            byte[] legit = server.sentDatagrams.getLast();
            server.pace(session);

            Random random = new Random(42);
            // unauthenticated: random bytes of every size, truncations, bit flips, another key
            for (int i = 0; i < 50; i++) {
                byte[] garbage = new byte[1 + random.nextInt(1500)]; // an empty datagram reads as nothing
                random.nextBytes(garbage);
                server.sendRaw(garbage);
            }
            server.sendRaw(Arrays.copyOf(legit, legit.length - 1));
            server.sendRaw(Arrays.copyOf(legit, 10));
            byte[] flipped = legit.clone();
            flipped[20] ^= 0x10;
            server.sendRaw(flipped);
            server.sendRaw(new DatagramCipher(SessionKey.parse("UAkFedSsVJs2LfMeKyQB5g")).seal(
                    new Nonce(Direction.TO_CLIENT, 1000), packetFor(validInstruction(1, 9, EVIL))));
            // authentic but unusable
            server.sendRaw(legit); // replay: a duplicate state, harmless
            server.sendRaw(new DatagramCipher(FakeMoshServer.KEY).seal(new Nonce(Direction.TO_SERVER, 5000),
                    packetFor(validInstruction(1, 9, EVIL))));
            server.sendRaw(server.seal(new Fragment(900, 0, true, "not zlib at all".getBytes(StandardCharsets.UTF_8))));
            server.sendRaw(server.seal(new Fragment(901, 0, true, Zlib.compress(new byte[]{(byte) 0xFF, 0x07, 0x01}))));
            server.sendRaw(server.seal(new Fragment(902, 0x7FFF, false, new byte[1100])));
            server.sendRaw(server.seal(new Fragment(903, 0, true, new byte[2100])));
            server.sendRaw(server.seal(new Fragment(904, 0, true, new byte[0])));
            server.sendRaw(new DatagramCipher(FakeMoshServer.KEY).seal(new Nonce(Direction.TO_CLIENT, 6000), new byte[6]));
            server.sendInstruction(new TransportInstruction(1, 1, 9, 1, 0, EVIL, new byte[0]));
            server.sendState(77, 9, 1, 0, EVIL);
            server.sendState(1, 9, 1, 0, new byte[]{(byte) 0xFF, 0x01, 0x02});
            // random authentic fragments
            for (int i = 0; i < 200; i++) {
                byte[] payload = new byte[random.nextInt(300)];
                random.nextBytes(payload);
                server.sendRaw(server.seal(new Fragment(2000 + i, random.nextInt(3), random.nextBoolean(), payload)));
            }

            // like a real server, repeat the good state until it shows (loopback UDP may drop under a burst)
            for (int i = 0; i < 100 && !screenContains(session, "ready ok"); i++) {
                server.sendState(1, 2, 1, 1, hostMessage(bytes(" ok")));
                Thread.sleep(50);
            }
            awaitScreen(session, s -> s.contains("ready ok"));

            SessionStats stats = session.stats();
            System.out.println("after the barrage: " + stats);
            assertFalse(session.isClosed());
            assertFalse(session.screen().framebuffer().screenText().contains("EVIL"));
            assertEquals(2, session.screen().stateNumber());
            assertEquals(54, stats.dropped(DropReason.AUTHENTICATION_FAILED));
            assertEquals(1, stats.dropped(DropReason.WRONG_DIRECTION));
            assertTrue(stats.dropped(DropReason.CORRUPT_ZLIB) >= 1);
            assertTrue(stats.dropped(DropReason.MALFORMED_PROTOBUF) >= 1);
            assertEquals(1, stats.dropped(DropReason.OVERSIZE_DATAGRAM));
            assertTrue(stats.dropped(DropReason.MALFORMED_FRAGMENT) >= 1);
            assertTrue(stats.dropped(DropReason.MALFORMED_PLAINTEXT) + stats.dropped(DropReason.MALFORMED_FRAGMENT) >= 1);
            assertEquals(1, stats.dropped(DropReason.PROTOCOL_VERSION_MISMATCH));
            assertEquals(1, stats.dropped(DropReason.UNKNOWN_BASE_STATE));
            assertEquals(1, stats.dropped(DropReason.MALFORMED_DIFF));
            assertTrue(stats.get(SessionStats.Counter.DUPLICATE_STATES) >= 1);

            // and the session still speaks to the server normally
            session.type("x".getBytes(StandardCharsets.US_ASCII));
            TransportInstruction typed;
            do {
                typed = server.receiveInstruction();
            } while (typed.diff().length == 0);
            assertTrue(new String(typed.diff(), StandardCharsets.ISO_8859_1).contains("x"));
        }
    }

    private static TransportInstruction validInstruction(long old, long neu, byte[] diff) {
        return new TransportInstruction(2, old, neu, 1, 0, diff, new byte[0]);
    }

    private static byte[] packetFor(TransportInstruction instruction) {
        return new Packet(0, Packet.NO_TIMESTAMP, new Fragment(777, 0, true, Zlib.compress(instruction.toProtobuf())))
                .encode();
    }
}
