package dev.tern.transport.session;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target over the client's whole receive path (decrypt, timestamps, reassembly, inflate, protobuf,
 * SSP, host message, emulator); see {@link ReceivePathHarness}. The suite's default execution replays the stored
 * inputs; the execution {@code fuzz-receive-path} (transport/pom.xml) fuzzes it for a bounded number of inputs from a
 * fixed seed, and {@code scripts/fuzz-receive-path.sh} fuzzes it for the ten minutes below.
 */
class ReceivePathFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void receivingNeverThrows(byte[] input) {
        ReceivePathHarness.run(input);
    }
}
