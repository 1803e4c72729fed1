package dev.tern.transport.session;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the session journal costs per server state: {@link ReceivePathBenchmark#receiveAndAcknowledge} without and
 * with a journal, in the same run, alternating rounds so both see the same machine, printed as a ratio. A figure,
 * not a pass/fail bound (scripts/bench-suite.sh runs it); only the work is asserted.
 */
@Tag("benchmark")
class JournalCostBenchmarkTest {
    private static final int ROUNDS = 6;
    private static final int STATES_PER_ROUND = 4_000;

    @Test
    void journalCostPerScreenState() {
        for (String update : new String[] {"line", "screen"}) {
            ReceivePathBenchmark without = bench(update, "none");
            ReceivePathBenchmark with = bench(update, "kept");
            try {
                double bestWithout = Double.MAX_VALUE;
                double bestWith = Double.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    bestWithout = Math.min(bestWithout, microsPerState(without));
                    bestWith = Math.min(bestWith, microsPerState(with));
                }
                System.out.printf("BENCH journal cost per server state (%s, a state every %d ms): %.1f us without, "
                                + "%.1f us with a journal, ratio %.2f, %.3f saves per state%n", update,
                        ReceivePathBenchmark.STATE_GAP_MILLIS, bestWithout, bestWith, bestWith / bestWithout,
                        with.savesPerState());
                assertTrue(with.savesPerState() > 0, "the journal was never saved");
            } finally {
                with.removeJournal();
            }
        }
    }

    private static ReceivePathBenchmark bench(String update, String journal) {
        ReceivePathBenchmark bench = new ReceivePathBenchmark();
        bench.update = update;
        bench.journal = journal;
        bench.prepareDatagrams();
        return bench;
    }

    private static double microsPerState(ReceivePathBenchmark bench) {
        long started = System.nanoTime();
        int authentic = 0;
        for (int i = 0; i < STATES_PER_ROUND; i++) {
            authentic += bench.receiveAndAcknowledge() ? 1 : 0;
        }
        long elapsed = System.nanoTime() - started;
        assertTrue(authentic == STATES_PER_ROUND);
        return elapsed / 1000.0 / STATES_PER_ROUND;
    }
}
