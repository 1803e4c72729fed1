package dev.tern.transport.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FragmentPropertiesTest {

    @Provide
    Arbitrary<TransportInstruction> instructions() {
        Arbitrary<Long> nums = Arbitraries.longs();
        Arbitrary<byte[]> diffs = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
                // compressible diffs, like screen repaints
                Arbitraries.strings().withChars("ab \u001b[0m").ofMaxLength(20_000).map(String::getBytes));
        Arbitrary<byte[]> chaff = Arbitraries.bytes().array(byte[].class).ofMaxSize(16);
        return Combinators.combine(nums, nums, nums, nums, diffs, chaff)
                .as((o, n, a, t, d, c) -> new TransportInstruction(2, o, n, a, t, d, c));
    }

    @Property(tries = 200)
    void fragmentsReassembleToTheSameInstruction(@ForAll("instructions") TransportInstruction instruction,
                                                 @ForAll @IntRange(min = 1, max = 1300) int maxPayload,
                                                 @ForAll long shuffleSeed) throws Exception {
        List<Fragment> fragments = new Fragmenter().fragment(instruction, maxPayload);
        assertTrue(fragments.getLast().isFinal());
        for (int i = 0; i < fragments.size(); i++) {
            assertEquals(i, fragments.get(i).number());
            assertTrue(fragments.get(i).payload().length <= maxPayload);
        }
        // reordering and duplication within one instruction must not matter
        List<Fragment> arrival = new ArrayList<>(fragments);
        arrival.addAll(fragments.subList(0, fragments.size() / 2));
        Collections.shuffle(arrival, new Random(shuffleSeed));

        InstructionDecoder decoder = new InstructionDecoder();
        Optional<TransportInstruction> result = Optional.empty();
        for (Fragment f : arrival) {
            Optional<TransportInstruction> r = decoder.add(roundTrip(f));
            if (r.isPresent()) {
                result = r;
                break;
            }
        }
        assertEquals(Optional.of(instruction), result);
    }

    private static Fragment roundTrip(Fragment f) throws DroppedInputException {
        byte[] buf = new byte[f.encodedLength()];
        f.encodeInto(buf, 0);
        return Fragment.decode(buf, 0, buf.length);
    }

    @Property(tries = 100)
    void eachInstructionGetsAFreshId(@ForAll("instructions") TransportInstruction instruction) {
        Fragmenter fragmenter = new Fragmenter();
        long first = fragmenter.fragment(instruction, 1214).getFirst().instructionId();
        long second = fragmenter.fragment(instruction, 1214).getFirst().instructionId();
        assertTrue(second > first);
    }

    @Property(tries = 200)
    void packetEncodingRoundTrips(@ForAll @IntRange(max = 0xFFFF) int ts, @ForAll @IntRange(max = 0xFFFF) int reply,
                                  @ForAll long id, @ForAll @IntRange(max = 0x7FFF) int number, @ForAll boolean last,
                                  @ForAll @Size(max = 1300) byte[] payload) throws Exception {
        Packet p = new Packet(ts, reply, new Fragment(id, number, last, payload));
        Packet back = Packet.decode(p.encode());
        assertEquals(ts, back.timestamp());
        assertEquals(reply, back.timestampReply());
        assertTrue(p.fragment().sameAs(back.fragment()));
    }

    @Property(tries = 300)
    void arbitraryBytesNeverInflateIntoAnythingButADrop(@ForAll @Size(max = 600) byte[] garbage) {
        try {
            byte[] inflated = Zlib.inflate(garbage);
            assertTrue(inflated.length <= Zlib.MAX_INFLATED);
        } catch (DroppedInputException e) {
            assertEquals(DropReason.CORRUPT_ZLIB, e.reason());
        }
    }

    @Property(tries = 200)
    void aReusedInflaterIsUnharmedByGarbageOrBombsBeforeAValidStream(
            @ForAll @Size(max = 600) byte[] garbage, @ForAll @Size(max = 3000) byte[] valid, @ForAll boolean bomb) {
        try (Zlib.Inflating inflating = new Zlib.Inflating()) {
            try {
                inflating.inflate(bomb ? Zlib.compress(new byte[Zlib.MAX_INFLATED + 1]) : garbage);
            } catch (DroppedInputException e) {
                assertEquals(DropReason.CORRUPT_ZLIB, e.reason());
            }
            try {
                assertArrayEquals(valid, inflating.inflate(Zlib.compress(valid)));
                assertArrayEquals(valid, inflating.inflate(Zlib.compress(valid)), "and again");
            } catch (DroppedInputException e) {
                throw new AssertionError("a valid stream was dropped after a bad one: " + e.getMessage(), e);
            }
        }
    }

    @Property(tries = 200)
    void fragmentsOfAnotherInstructionDiscardThePartialOne(@ForAll("instructions") TransportInstruction a,
                                                          @ForAll("instructions") TransportInstruction b)
            throws Exception {
        Fragmenter fragmenter = new Fragmenter();
        List<Fragment> fa = fragmenter.fragment(a, 300);
        List<Fragment> fb = fragmenter.fragment(b, 300);
        InstructionDecoder decoder = new InstructionDecoder();
        if (fa.size() > 1) {
            assertTrue(decoder.add(fa.getFirst()).isEmpty());
        }
        Optional<TransportInstruction> result = Optional.empty();
        for (Fragment f : fb) {
            result = decoder.add(f);
        }
        assertEquals(Optional.of(b), result);
    }

    @Property(tries = 50)
    void bombsAreRefused(@ForAll @IntRange(min = Zlib.MAX_INFLATED + 1, max = Zlib.MAX_INFLATED + 100_000) int size) {
        byte[] bomb = Zlib.compress(new byte[size]);
        try {
            Zlib.inflate(bomb);
            throw new AssertionError("inflated a bomb");
        } catch (DroppedInputException e) {
            assertEquals(DropReason.CORRUPT_ZLIB, e.reason());
        }
        assertArrayEquals(new byte[10], uncheckedInflate(Zlib.compress(new byte[10])));
    }

    private static byte[] uncheckedInflate(byte[] b) {
        try {
            return Zlib.inflate(b);
        } catch (DroppedInputException e) {
            throw new AssertionError(e);
        }
    }
}
