package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target: any program output, in any repertoire and screen size, split at any point, leaves the
 * emulator's invariants intact (cursor on screen, bounded strings and cells, no internal error) and renders.
 * The suite runs it as a coverage-guided fuzzer with a fixed seed for a bounded number of inputs (transport/pom.xml,
 * execution {@code fuzz-emulator}), so every machine explores the same inputs and a build never fails on a
 * finding another machine did not see; the default execution replays the stored inputs.
 */
class EmulatorJazzerFuzzTest {
    @FuzzTest(maxDuration = "30s", maxExecutions = 600_000)
    void anyOutputKeepsTheScreenSane(FuzzedDataProvider data) {
        Repertoire repertoire = data.pickValue(Repertoire.values());
        Emulator emulator = new Emulator(data.consumeInt(1, 40), data.consumeInt(1, 12), repertoire);
        Framebuffer before = emulator.snapshot();
        byte[] output = data.consumeRemainingAsBytes();
        int split = output.length == 0 ? 0 : Math.floorMod(output[0], output.length);
        emulator.write(output, 0, split);
        emulator.write(output, split, output.length - split);
        emulator.takeReplies();
        EmulatorFuzzTest.checkInvariants(emulator.framebuffer());
        assertEquals(0, emulator.internalErrors(), "internal error logged by the emulator");
        FrameRenderer.clientRole().render(true, before, emulator.snapshot());
        FrameRenderer.serverRole().render(false, before, emulator.snapshot());
    }
}
