package nl.learnerwallet.server.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import nl.learnerwallet.server.config.ClockFactory;

/** The server's clock in tests: the real time, moved forward when a test says so. */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Replaces the production clock bean in every test context. */
    @Factory
    @Replaces(factory = ClockFactory.class)
    public static class TestClockFactory {
        @Singleton
        @Replaces(Clock.class)
        TestClock clock() {
            return new TestClock();
        }
    }
}
