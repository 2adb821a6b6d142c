package se.lots.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.plan.EnrolmentService;
import se.lots.progression.FunderReport;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalInput;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/** The progression benchmark's generator at smoke size, and the report agreeing with the hand-written aggregate. */
@IntegrationTest
class ProgressionDataGeneratorSmokeIntegrationTest {

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    FunderReportService reports;

    @Test
    void generatesEnrolmentsWithRegistrationsAndTheReportMatchesTheAggregate() {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Benchmark smoke");
        var g = new ProgressionDataGenerator(owner).generate(programme, lead.organisationId().value(), lead.userId(),
                60);
        reports.addGoal(lead, programme, new GoalInput("DISCHARGED_WITH_PLAN", null, null, null, "80"));
        reports.addGoal(lead, programme, new GoalInput("PLAN_WITHIN_MONTHS", "20", "29", "6", "80"));
        reports.addGoal(lead, programme, new GoalInput("CONTACTS_PER_WEEK", null, null, null, "1"));
        assertThat(g.enrolments()).isEqualTo(60);
        assertThat(g.registrations()).isEqualTo(60 + 40);

        var period = reports.period("2000-01-01", LocalDate.now().toString());
        FunderReport r = reports.report(lead, programme, period, Locale.forLanguageTag("sv"));
        long[] fromSql = new long[2];
        var genders = java.util.List.of("KVINNA", "MAN", "ANNAT");
        jdbc.sql(ProgressionDataGenerator.HAND_WRITTEN_MAIN_TABLE).param("programme", programme)
                .param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    int row = genders.indexOf(rs.getString(1));
                    int band = rs.getInt(2);
                    // cell by cell: the hand-written aggregate computes the same table as the report
                    assertThat(r.registered().cell(row, band).count()).isEqualTo(rs.getLong(3));
                    assertThat(r.discharged().cell(row, band).count()).isEqualTo(rs.getLong(4));
                    fromSql[0] += rs.getLong(3);
                    fromSql[1] += rs.getLong(4);
                });
        assertThat(r.registered().table().total().count()).isEqualTo(fromSql[0]).isEqualTo(60);
        assertThat(r.discharged().table().total().count()).isEqualTo(fromSql[1]).isEqualTo(32);
    }

    /**
     * The goals over the generated data (plans, contacts and group activities included) for the whole time and for a period that ends
     * before some plans were written, against the same rules written by hand over the source tables, with the months
     * added to each row as PostgreS"""L counts them: the stored months and dates of follow_up_unit must give the same.
     */
    @Test
    void theGoalsMatchTheirRulesWrittenByHandOverTheSourceTables() {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Benchmark goals");
        new ProgressionDataGenerator(owner).generate(programme, lead.organisationId().value(), lead.userId(), 300);
        reports.addGoal(lead, programme, new GoalInput("DISCHARGED_WITH_PLAN", null, null, null, "80"));
        reports.addGoal(lead, programme, new GoalInput("PLAN_WITHIN_MONTHS", "20", "29", "6", "80"));
        reports.addGoal(lead, programme, new GoalInput("CONTACTS_PER_WEEK", null, null, null, "1"));
        // every age, so that the months are tested on many whatever the ages of the persons in the database
        reports.addGoal(lead, programme, new GoalInput("PLAN_WITHIN_MONTHS", "0", "120", "6", "80"));
        reports.addGoal(lead, programme, new GoalInput("GROUP_ACTIVITIES_PER_WEEK", null, null, null, "1"));
        LocalDate today = LocalDate.now();
        for (var period : java.util.List.of(reports.period("2000-01-01", today.toString()),
                reports.period(today.minusDays(400).toString(), today.minusDays(100).toString()))) {
            var byHand = jdbc.sql("""
                    WITH u AS (
                        SELECT e.person_id, e.started_on, e.ended_on, e.end_reason,
                               extract(year FROM e.started_on)::int - coalesce(p.birth_year, y.birth_year) AS age,
                               (SELECT min(ps.created_at) FROM plan pl JOIN plan_step ps ON ps.plan_id = pl.id
                                 WHERE pl.person_id = e.person_id) AS first_step,
                               GREATEST(e.started_on, :from) AS s, LEAST(coalesce(e.ended_on, :to), :to) AS e
                          FROM enrolment e JOIN young_person y ON y.id = e.person_id
                          LEFT JOIN participant p ON p.enrolment_id = e.id
                         WHERE e.programme_id = :programme AND e.started_on <= :to),
                    f AS (
                        SELECT u.*, coalesce(u.ended_on BETWEEN :from AND :to
                                             AND coalesce(u.end_reason NOT IN ('OVERFORD', 'FELREGISTRERAD'), true),
                                             false) AS discharged,
                               (u.ended_on IS NULL OR u.ended_on >= :from) AS active,
                               coalesce(u.first_step < LEAST((u.started_on + interval '6 months')::date, :to) + 1,
                                        false) AS plan_in_time
                          FROM u)
                    SELECT count(*) FILTER (WHERE discharged AND first_step < :to + 1),
                           count(*) FILTER (WHERE discharged),
                           count(*) FILTER (WHERE active AND age BETWEEN 20 AND 29 AND plan_in_time),
                           count(*) FILTER (WHERE active AND age BETWEEN 20 AND 29
                                              AND (plan_in_time OR (started_on + interval '6 months')::date <= :to)),
                           (SELECT count(*) FROM f JOIN journey_event j ON j.person_id = f.person_id
                             AND j.kind = 'KONTAKT' AND j.organisation_id = :organisation
                             AND j.occurred_on BETWEEN f.s AND f.e WHERE f.active),
                           sum(e - s + 1) FILTER (WHERE active),
                           count(*) FILTER (WHERE active AND plan_in_time),
                           count(*) FILTER (WHERE active
                                              AND (plan_in_time OR (started_on + interval '6 months')::date <= :to)),
                           (SELECT count(*) FROM f JOIN journey_event j ON j.person_id = f.person_id
                             AND j.kind = 'GRUPPAKTIVITET' AND j.organisation_id = :organisation
                             AND j.occurred_on BETWEEN f.s AND f.e WHERE f.active)
                      FROM f""")
                    .param("programme", programme).param("from", period.from()).param("to", period.to())
                    .param("organisation", lead.organisationId().value())
                    .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9) }).single();
            // not a degenerate cohort: some with a plan and some without in each goal
            assertThat(byHand[0]).isPositive().isLessThan(byHand[1]);
            assertThat(byHand[6]).isPositive().isLessThan(byHand[7]);
            assertThat(byHand[4]).isPositive();
            var goals = reports.measure(lead, programme, period);
            assertThat(goals.get(0).numerator().count()).isEqualTo(byHand[0]);
            assertThat(goals.get(0).denominator().count()).isEqualTo(byHand[1]);
            assertThat(goals.get(1).numerator().count()).isEqualTo(byHand[2]);
            assertThat(goals.get(1).denominator().count()).isEqualTo(byHand[3]);
            assertThat(goals.get(2).numerator().count()).isEqualTo(byHand[4]);
            assertThat(goals.get(2).value()).isEqualByComparingTo(java.math.BigDecimal.valueOf(byHand[4] * 7.0
                    / byHand[5]).setScale(2, java.math.RoundingMode.HALF_UP));
            assertThat(goals.get(3).numerator().count()).isEqualTo(byHand[6]);
            assertThat(goals.get(3).denominator().count()).isEqualTo(byHand[7]);
            assertThat(byHand[8]).isPositive();
            assertThat(goals.get(4).numerator().count()).isEqualTo(byHand[8]);
            assertThat(goals.get(4).value()).isEqualByComparingTo(java.math.BigDecimal.valueOf(byHand[8] * 7.0
                    / byHand[5]).setScale(2, java.math.RoundingMode.HALF_UP));
        }
    }
}
