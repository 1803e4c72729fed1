package dev.tern.transport.ssp;

import dev.tern.transport.wire.TransportInstruction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The invariants of docs/PROTOCOL.md §6.7 that keep mosh-server from aborting, checked on every instruction
 * the sender emits under random typing, acks (including stale and unknown ones), silence and shutdown.
 */
class SspSenderInvariantsTest {
    private enum Op { TYPE, ACK_RANDOM_SENT, ACK_UNKNOWN, HEAR, WAIT_SHORT, WAIT_LONG, SHUTDOWN }

    /** Shutdown freezes the state, so it is rare; time passes often. */
    private static final Op[] WEIGHTED = weighted();

    private static Op[] weighted() {
        List<Op> ops = new ArrayList<>();
        int[] weights = {20, 8, 2, 6, 20, 6, 1};
        for (Op op : Op.values()) {
            for (int i = 0; i < weights[op.ordinal()]; i++) {
                ops.add(op);
            }
        }
        return ops.toArray(Op[]::new);
    }

    @Property(tries = 300)
    void everyInstructionKeepsTheInvariants(@ForAll @IntRange(min = 20, max = 400) int steps, @ForAll long seed) {
        Random random = new Random(seed);
        long[] now = {0};
        List<TransportInstruction> out = new ArrayList<>();
        SspSender<TextState> sender = new SspSender<>(TextState.EMPTY, 0, out::add,
                new FixedTiming(50 + random.nextInt(950), 20 + random.nextInt(230)), SspTiming.CLIENT_COLLECT_DELAY,
                random, s -> { });

        // what the peer would hold if it received everything: content by state number
        Map<Long, String> contentByNum = new HashMap<>(Map.of(0L, ""));
        long acked = 0;
        long lastNewNum = 0;
        long peerNewest = 0;
        int checked = 0;
        for (int step = 0; step < steps; step++) {
            Op op = WEIGHTED[random.nextInt(WEIGHTED.length)];
            switch (op) {
                case TYPE -> sender.updateLocal(sender.local().append(String.valueOf((char) ('a' + random.nextInt(26)))));
                case ACK_RANDOM_SENT -> {
                    if (!out.isEmpty()) {
                        long n = out.get(random.nextInt(out.size())).newNum();
                        // a peer acks only states it has: ones at or after what it acked before
                        if (Long.compareUnsigned(n, acked) >= 0) {
                            sender.peerAcknowledged(n);
                            acked = sender.acknowledgedNumber();
                        }
                    }
                }
                case ACK_UNKNOWN -> sender.peerAcknowledged(1_000_000 + random.nextInt(1000));
                case HEAR -> sender.peerStateArrived(++peerNewest, random.nextBoolean(), now[0]);
                case WAIT_SHORT -> now[0] += random.nextInt(60);
                case WAIT_LONG -> now[0] += random.nextInt(4000);
                case SHUTDOWN -> sender.beginShutdown(now[0]);
            }
            if (sender.millisUntilDue(now[0]) == 0) {
                sender.sendWhatIsDue(now[0]);
            }
            for (; checked < out.size(); checked++) {
                TransportInstruction i = out.get(checked);
                assertEquals(TransportInstruction.PROTOCOL_VERSION, i.protocolVersion());
                assertTrue(Long.compareUnsigned(i.throwawayNum(), i.oldNum()) <= 0, "throwaway <= old: " + i);
                assertEquals(acked, i.throwawayNum(), "throwaway is the newest acked state");
                assertTrue(contentByNum.containsKey(i.oldNum()), "the base was sent before: " + i);
                assertTrue(Long.compareUnsigned(i.newNum(), lastNewNum) >= 0, "numbers never go back: " + i);
                String content = contentByNum.get(i.oldNum()) + new String(i.diff(), StandardCharsets.UTF_8);
                String previous = contentByNum.putIfAbsent(i.newNum(), content);
                if (previous != null) {
                    assertEquals(previous, content, "a state number is never reused for other content");
                }
                assertTrue(i.chaff().length <= 16);
                lastNewNum = i.newNum();
            }
        }
        net.jqwik.api.statistics.Statistics.collect(out.size() > 10 ? "more than 10 instructions" : "up to 10");
    }
}
