package dev.tern.transport.predict;

/** A clock the test moves by hand. */
final class FakeClock implements MillisClock {
    private long now;

    FakeClock(long start) {
        now = start;
    }

    @Override
    public long millis() {
        return now;
    }

    void advance(long millis) {
        now += millis;
    }

    void set(long millis) {
        now = millis;
    }
}
