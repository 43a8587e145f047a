package dev.cutover.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand ({@link #advance}) and that can also step by a fixed amount on every reading, so
 * journal timestamps are exact and nothing waits for real time.
 */
public final class TestClock extends Clock {
    private Instant now;
    private Duration tick = Duration.ZERO;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock forward now. */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    /** From now on every reading moves the clock forward by {@code step} first. */
    public TestClock stepping(Duration step) {
        this.tick = step;
        return this;
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(tick);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests run in UTC");
    }
}
