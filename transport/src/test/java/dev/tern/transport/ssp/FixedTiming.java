package dev.tern.transport.ssp;

/** RTO and frame interval fixed for a test. */
record FixedTiming(int rto, int frameInterval) implements TimingSource {
}
