package dev.tern.transport.session;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** The fuzz target's harness with jqwik's random inputs: a bounded fuzzing run in every build. */
class ReceivePathPropertiesTest {
    @Property(tries = 5000)
    void receivingNeverThrows(@ForAll @Size(max = 4000) byte[] input) {
        ReceivePathHarness.run(input);
    }
}
