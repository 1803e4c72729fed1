package dev.tern.transport.session;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target over the client's whole receive path (decrypt, timestamps, reassembly, inflate, protobuf,
 * SSP, host message, emulator); see {@link ReceivePathHarness}. In the normal suite Jazzer replays the stored
 * inputs only; {@code scripts/fuzz-receive-path.sh} runs it as a coverage-guided fuzzer.
 */
class ReceivePathFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void receivingNeverThrows(byte[] input) {
        ReceivePathHarness.run(input);
    }
}
