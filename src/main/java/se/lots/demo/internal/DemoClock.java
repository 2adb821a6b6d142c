package se.lots.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock, which the demo turns back while it plays its year of work, so that every service dates
 * what it records by its own rules (a time is booked before it happens, a status is ascertained on the day of the
 * contact). It stands still at the real time everywhere else: the shift is zero except while {@link DemoYear} runs,
 * at the first start of an empty database.
 */
class DemoClock extends Clock {

    private final Clock base;
    private volatile Duration shift = Duration.ZERO;

    DemoClock(Clock base) {
        this.base = base;
    }

    /** The clock says {@code at} (in the application's zone) from now on, ticking on. */
    void travelTo(LocalDateTime at) {
        shift = Duration.between(base.instant(), at.atZone(base.getZone()).toInstant());
    }

    /** Back to the real time. */
    void back() {
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

    /** Only when the demo's year is to be played: otherwise the application's clock is used as it is. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("${lots.demo:true} and ${lots.demo-year:true}")
    static class DemoClockConfiguration {

        @Bean
        @Primary
        DemoClock demoClock(@Qualifier("clock") Clock clock) {
            return new DemoClock(clock);
        }
    }
}
