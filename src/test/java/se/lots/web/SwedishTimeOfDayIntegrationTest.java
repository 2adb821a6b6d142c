package se.lots.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;

/** A time of day on a page is Swedish wall-clock time, whatever zone the server runs in (issue 20). */
@IntegrationTest
class SwedishTimeOfDayIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseSessionIsInSwedishTimeAndAnInstantKeepsItsMeaning() {
        assertThat(jdbc.sql("SELECT current_setting('TimeZone')").query(String.class).single())
                .isEqualTo("Europe/Stockholm");
        var at = OffsetDateTime.parse("2026-01-15T23:30:00Z");
        assertThat(jdbc.sql("SELECT CAST(:at AS timestamptz)").param("at", at).query(OffsetDateTime.class).single()
                .toInstant()).isEqualTo(Instant.parse("2026-01-15T23:30:00Z"));
        assertThat(jdbc.sql("SELECT CAST(CAST(CAST(:at AS timestamptz) AS date) AS text)").param("at", at)
                .query(String.class).single()).as("a stored instant's day is the Swedish day").isEqualTo("2026-01-16");
    }

    @Test
    void anInterventionSavedAtHalfPastTenUtcInWinterShowsHalfPastElevenOnItsPage() {
        long id = jdbc.sql("SELECT id FROM intervention WHERE NOT retired ORDER BY id LIMIT 1")
                .query(Long.class).single();
        var before = jdbc.sql("SELECT updated_at FROM intervention WHERE id = ?").param(id)
                .query(OffsetDateTime.class).single();
        // PostgreSQL's driver reads a timestamptz as an OffsetDateTime in UTC, whatever the session's zone
        jdbc.sql("UPDATE intervention SET updated_at = CAST('2026-01-15T10:30:00Z' AS timestamptz) WHERE id = ?")
                .param(id).update();
        try {
            String page = logIn("insatsledare").get("/insatser/" + id).body();
            assertThat(page).contains("2026-01-15 11:30").doesNotContain("2026-01-15 10:30");
        } finally {
            jdbc.sql("UPDATE intervention SET updated_at = ? WHERE id = ?").params(before, id).update();
        }
    }

    private WebSession logIn(String username) {
        return WebSession.logIn(port, username);
    }
}
