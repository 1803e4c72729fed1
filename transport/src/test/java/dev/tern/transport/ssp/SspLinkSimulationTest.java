package dev.tern.transport.ssp;

import dev.tern.transport.wire.DroppedInputException;
import dev.tern.transport.wire.TransportInstruction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two SSP endpoints over a simulated link (fake clock, loss, delay, blackout): a "client" types, an "echo server"
 * appends everything it receives to its own state. At the end both sides must agree exactly, so no keystroke
 * was lost, doubled or reordered on the way out, and no echo on the way back.
 */
class SspLinkSimulationTest {
    private record InFlight(long deliverAt, long order, boolean toServer, TransportInstruction instruction) {
    }

    private final PriorityQueue<InFlight> link = new PriorityQueue<>((a, b) ->
            a.deliverAt != b.deliverAt ? Long.compare(a.deliverAt, b.deliverAt) : Long.compare(a.order, b.order));
    private long order;
    private long now;
    private int drops;

    @ParameterizedTest(name = "seed {0}, loss {1}, one-way delay {2} ms, blackout {3}-{4} ms")
    @CsvSource({
            "1, 0.0, 5, 0, 0",
            "2, 0.29, 50, 0, 0",
            "3, 0.29, 50, 0, 0",
            "4, 0.10, 150, 0, 0",
            "5, 0.0, 20, 6000, 26000",
            "6, 0.29, 50, 6000, 26000",
    })
    void bothSidesConvergeOnTheExactText(long seed, double loss, int delay, long blackoutFrom, long blackoutTo) {
        Random random = new Random(seed);
        FixedTiming timing = new FixedTiming(Math.max(50, 4 * delay), Math.clamp(delay, 20, 250));
        List<SspTransport<TextState, TextState>> sides = new ArrayList<>();
        for (boolean client : new boolean[]{true, false}) {
            boolean toServer = client;
            SspSender<TextState> sender = new SspSender<>(TextState.EMPTY, 0, instruction -> {
                boolean dark = now >= blackoutFrom && now < blackoutTo;
                if (!dark && random.nextDouble() >= loss) {
                    link.add(new InFlight(now + delay + random.nextInt(Math.max(1, delay / 5)), order++, toServer,
                            instruction));
                }
            }, timing, client ? SspTiming.CLIENT_COLLECT_DELAY : SspTiming.SERVER_COLLECT_DELAY, new Random(seed),
                    s -> { });
            sides.add(new SspTransport<>(sender, new SspReceiver<>(TextState.EMPTY, 0)));
        }
        SspTransport<TextState, TextState> client = sides.get(0);
        SspTransport<TextState, TextState> server = sides.get(1);
        String echoed = "";
        int ticks = 0;

        StringBuilder typed = new StringBuilder();
        for (now = 0; now < 60_000; now++) {
            if (now < 30_000 && now % 37 == 0) {
                typed.append((char) ('a' + random.nextInt(26)));
                client.sender().updateLocal(new TextState(typed.toString()));
            }
            while (!link.isEmpty() && link.peek().deliverAt <= now) {
                InFlight f = link.poll();
                SspTransport<TextState, TextState> target = f.toServer ? server : client;
                try {
                    target.receive(f.instruction, now);
                } catch (DroppedInputException e) {
                    drops++;
                }
            }
            // the echo server shows everything the client's newest state contains
            String input = server.receiver().latest().state().text();
            if (!input.equals(echoed)) {
                echoed = input;
                server.sender().updateLocal(new TextState(input));
            }
            for (SspTransport<TextState, TextState> side : sides) {
                if (side.sender().millisUntilDue(now) == 0) {
                    side.sender().sendWhatIsDue(now);
                    ticks++;
                }
            }
        }
        System.out.printf("seed %d loss %.2f delay %d blackout %d-%d: %d keystrokes, %d timer ticks, %d drops%n",
                seed, loss, delay, blackoutFrom, blackoutTo, typed.length(), ticks, drops);
        assertEquals(typed.toString(), server.receiver().latest().state().text());
        assertEquals(typed.toString(), client.receiver().latest().state().text());
    }
}
