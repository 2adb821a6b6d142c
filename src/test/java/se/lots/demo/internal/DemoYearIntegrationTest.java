package se.lots.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import se.lots.kaa.letter.LetterService;
import se.lots.kaa.register.KaaService;
import se.lots.security.CurrentActor;

/**
 * The demo with its year of work, in a context of its own (the shared one keeps the demo without it): every module
 * has something true to show, and the year is the seed's: the same seed draws the same agenda, and the database
 * holds what the agenda says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = { "lots.demo-year=true",
    "lots.demo.seed=1214" })
@ActiveProfiles("test")
class DemoYearIntegrationTest {

    @Autowired
    FirstStart firstStart;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CurrentActor actors;
    @Autowired
    KaaService kaa;
    @Autowired
    LetterService letters;
    @Autowired
    Clock clock;

    @Test
    void theYearIsPlayedThroughTheServicesWithoutARefusal() {
        var played = firstStart.played();
        assertThat(played).as("the year was played at the start").isNotNull();
        assertThat(played.refused()).as("actions the services refused (see the log)").isZero();
        assertThat(played.year().actions()).hasSizeGreaterThan(500);
        assertThat(clock.instant()).as("the clock is back at the real time")
                .isBetween(Clock.systemUTC().instant().minusSeconds(60), Clock.systemUTC().instant().plusSeconds(60));
    }

    @Test
    void theKaaCoordinatorHasAMixOfStatusesLettersAndHomeVisits() {
        var coordinator = actors.byUsername("kaa");
        var overview = kaa.overview(coordinator);
        assertThat(overview.open()).isPositive();
        assertThat(overview.notKnown()).as("not known, of %s open", overview.open()).isPositive()
                .isLessThan(overview.open() / 2);
        assertThat(count("SELECT count(DISTINCT status) FROM kaa_status WHERE status <> 'OKAND'"))
                .as("statuses other than not known").isGreaterThanOrEqualTo(6);
        assertThat(count("SELECT count(*) FROM kaa_status WHERE status <> 'OKAND'")).isGreaterThan(25);
        assertThat(count("SELECT count(DISTINCT channel) FROM contact_attempt"))
                .as("phone, SMS, letter, home visit, via school").isGreaterThanOrEqualTo(5);
        assertThat(count("SELECT count(*) FROM contact_attempt WHERE outcome = 'EJ_NADD'")).isPositive();
        assertThat(count("SELECT count(*) FROM kaa_measure WHERE started_on IS NOT NULL")).isPositive();
        assertThat(letters.sender(coordinator).phone()).as("the letter sender's phone: letters are not blocked")
                .isNotBlank();
        assertThat(count("SELECT count(*) FROM kaa_letter_batch")).isPositive();
        assertThat(count("SELECT count(*) FROM home_visit_day")).isEqualTo(2);
    }

    @Test
    void theCoachCoordinatesPlansWithAnOverdueStepAndStepsDoneAndComing() {
        long coach = actors.byUsername("coach").userId();
        LocalDate today = LocalDate.now(clock);
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT p.id) FROM plan p JOIN plan_step s ON s.plan_id = p.id
                 WHERE p.coordinator_user_id = ? AND s.status IN ('PLANERAD', 'PAGAR') AND s.due_on < ?""")
                .params(coach, today).query(Long.class).single()).as("the coach's plans with an overdue step")
                .isGreaterThanOrEqualTo(5);
        assertThat(count("SELECT count(*) FROM plan_step WHERE status = 'KLAR'")).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM plan_step WHERE status = 'PAGAR' AND due_on > ?").param(today)
                .query(Long.class).single()).as("steps coming").isPositive();
        assertThat(count("SELECT count(*) FROM meeting")).isPositive();
        assertThat(count("SELECT count(*) FROM plan_review")).isPositive();
        assertThat(count("SELECT count(*) FROM plan WHERE coordinator_user_id = "
                + actors.byUsername("socialsekreterare").userId())).isPositive();
    }

    @Test
    void referralsAreAnsweredAndWaitingEnrolmentsHaveRegistrationsAndAppointmentsAttendance() {
        assertThat(count("SELECT count(*) FROM referral WHERE status = 'SKICKAD'")).as("waiting").isPositive();
        assertThat(count("SELECT count(*) FROM referral WHERE status IN ('ACCEPTERAD', 'PABORJAD')")).isPositive();
        assertThat(count("SELECT count(*) FROM registration WHERE kind = 'START'")).isPositive();
        assertThat(count("SELECT count(*) FROM registration WHERE kind = 'SLUT'")).isPositive();
        assertThat(count("SELECT count(DISTINCT end_reason) FROM enrolment WHERE end_reason IS NOT NULL"))
                .as("endings with outcomes").isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT count(*) FROM appointment WHERE attendance = 'KOM'")).isPositive();
        assertThat(count("SELECT count(*) FROM appointment WHERE attendance = 'UTEBLEV'")).isPositive();
        assertThat(count("SELECT count(*) FROM appointment WHERE attendance IS NULL")).as("times to come")
                .isPositive();
    }

    @Test
    void theConsentsToCoordinateWithAfEndOnDaysOfTheirOwnAndNoneLapsedOnTheWay() {
        LocalDate today = LocalDate.now(clock);
        // each consenting person's latest consent: in force today, and not all ending on one day
        var ends = jdbc.sql("SELECT max(valid_to) FROM consent WHERE purpose = 'SAMORDNING' GROUP BY person_id")
                .query(LocalDate.class).list();
        assertThat(ends).hasSizeGreaterThan(10).allMatch(d -> !d.isBefore(today));
        assertThat(new HashSet<>(ends)).as("days the consents end on").hasSizeGreaterThan(ends.size() * 3 / 4);
        assertThat(count("SELECT count(*) FROM consent WHERE purpose = 'SAMORDNING'")).as("with the renewals")
                .isGreaterThan(ends.size());
        // every consent that ended was followed by its renewal from the next day: a meeting with AF is always covered
        assertThat(jdbc.sql("""
                SELECT count(*) FROM consent c WHERE c.purpose = 'SAMORDNING' AND c.valid_to < ?
                   AND NOT EXISTS (SELECT 1 FROM consent n WHERE n.person_id = c.person_id AND n.purpose = c.purpose
                                      AND n.valid_from = c.valid_to + 1)""").param(today).query(Long.class).single())
                .isZero();
    }

    @Test
    void theListImportAndTheAutumnLetterShowTheDemoDaysTheyWereMadeOnNotTheFirstStart() {
        LocalDate start = DemoYear.start(firstStart.played().year().today());
        assertThat(jdbc.sql("SELECT (min(uploaded_at) AT TIME ZONE 'Europe/Stockholm')::date FROM kaa_import")
                .query(LocalDate.class).single()).isEqualTo(start);
        assertThat(jdbc.sql("SELECT (min(confirmed_at) AT TIME ZONE 'Europe/Stockholm')::date FROM kaa_import")
                .query(LocalDate.class).single()).isEqualTo(start);
        assertThat(jdbc.sql("SELECT (min(sent_at) AT TIME ZONE 'Europe/Stockholm')::date FROM kaa_letter_batch")
                .query(LocalDate.class).single()).isEqualTo(start.plusDays(21));
    }

    @Test
    void theDatabaseHoldsWhatTheSeedsAgendaSays() {
        var counts = firstStart.played().year().counts();
        assertThat(count("SELECT count(*) FROM plan")).isEqualTo((long) counts.get("plans"));
        assertThat(count("SELECT count(*) FROM referral")).isEqualTo((long) counts.get("referrals"));
        assertThat(count("SELECT count(*) FROM enrolment")).isEqualTo((long) counts.get("enrolments"));
        assertThat(count("SELECT count(*) FROM appointment")).isEqualTo((long) counts.get("appointments"));
        assertThat(count("SELECT count(*) FROM registration WHERE kind = 'START'"))
                .isEqualTo((long) counts.get("registrations.start"));
    }

    @Test
    void theSameSeedDrawsTheSameYearAndAnotherSeedAnother() {
        DemoYear played = firstStart.played().year();
        DemoYear again = DemoYear.of(played.seed(), played.today(), played.persons());
        assertThat(again.digest()).isEqualTo(played.digest());
        assertThat(again.counts()).isEqualTo(played.counts());
        assertThat(DemoYear.of(played.seed() + 1, played.today(), played.persons()).digest())
                .isNotEqualTo(played.digest());
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
