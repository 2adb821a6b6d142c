package se.lots;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock, movable by tests: it keeps the application clock's zone and ticks with it, shifted by
 * whatever a test moved it. A test that moves it puts it back ({@link #reset()}) when done, as the context is shared.
 */
public class MovableClock extends Clock {

    private final Clock base;
    private volatile Duration shift = Duration.ZERO;

    MovableClock(Clock base) {
        this.base = base;
    }

    /** Moves the clock so that it is now {@code at}, in the application's zone. */
    public void moveTo(ZonedDateTime at) {
        moveTo(at.toInstant());
    }

    public void moveTo(Instant at) {
        shift = Duration.between(base.instant(), at);
    }

    public void moveBy(Duration duration) {
        shift = shift.plus(duration);
    }

    public void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return base.withZone(zone).equals(base) ? this : Clock.offset(base.withZone(zone), shift);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(shift);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        @Primary
        MovableClock movableClock(@Qualifier("clock") Clock clock) {
            return new MovableClock(clock);
        }
    }
}
