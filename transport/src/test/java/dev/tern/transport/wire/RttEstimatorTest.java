package dev.tern.transport.wire;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RttEstimatorTest {
    @Test
    void startsPessimisticLikeMosh() {
        RttEstimator rtt = new RttEstimator();
        assertEquals(1000, rtt.srtt());
        assertEquals(500, rtt.rttvar());
        assertEquals(1000, rtt.rto()); // 1000 + 4*500 clamped
        assertEquals(250, rtt.frameInterval()); // 500 clamped
    }

    @Test
    void followsRfc6298AndClampsTheDerivedFigures() {
        RttEstimator rtt = new RttEstimator();
        rtt.sample(100);
        assertEquals(100, rtt.srtt());
        assertEquals(50, rtt.rttvar());
        assertEquals(300, rtt.rto());
        assertEquals(50, rtt.frameInterval());
        rtt.sample(200);
        assertEquals(0.75 * 50 + 0.25 * 100, rtt.rttvar(), 1e-9);
        assertEquals(0.875 * 100 + 0.125 * 200, rtt.srtt(), 1e-9);

        RttEstimator fast = new RttEstimator();
        fast.sample(2);
        assertEquals(50, fast.rto());
        assertEquals(20, fast.frameInterval());
    }

    @Test
    void ignoresImplausibleSamples() {
        RttEstimator rtt = new RttEstimator();
        assertFalse(rtt.sample(5000));
        assertFalse(rtt.hasSample());
        assertEquals(1000, rtt.srtt());
    }
}
