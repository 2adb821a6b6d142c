package se.lots.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.thymeleaf.expression.Temporals;

/**
 * Pages, PDFs and exports write a stored instant with Thymeleaf's {@code #temporals} or java.time in the JVM's zone:
 * that zone is Swedish time (set by {@code LotsApplication.main}, and by surefire's argLine for tests), not the
 * server's UTC. A step saved at 10:30 UTC in January was shown as saved at 10:30; a Swede saw it at 11:30.
 */
class SwedishTimeOfDayTest {

    private final Temporals temporals = new Temporals(Locale.forLanguageTag("sv"));

    @Test
    void aTimeRecordedInWinterIsShownAsSwedishWallClockTime() {
        assertThat(temporals.format(Instant.parse("2026-01-15T10:30:00Z"), "yyyy-MM-dd HH:mm"))
                .isEqualTo("2026-01-15 11:30");
        // an OffsetDateTime keeps its own offset (PostgreSQL's driver reads UTC): pages format its instant
        assertThat(temporals.format(OffsetDateTime.of(2026, 1, 15, 23, 30, 0, 0, ZoneOffset.UTC).toInstant(),
                "yyyy-MM-dd HH:mm")).as("late in the evening UTC is already the next Swedish day")
                .isEqualTo("2026-01-16 00:30");
    }

    @Test
    void aTimeRecordedInSummerIsShownAsSwedishSummerTime() {
        assertThat(temporals.format(Instant.parse("2026-07-01T10:30:00Z"), "HH:mm")).isEqualTo("12:30");
    }
}
