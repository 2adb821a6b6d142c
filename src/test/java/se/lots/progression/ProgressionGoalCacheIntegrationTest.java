package se.lots.progression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The goals page keeps its measures until the programme's units change (GoalMeasureCache, V32): never a stale
 * figure, whoever writes and whenever they commit, and no work again for writes that change nothing it counts.
 */
@IntegrationTest
class ProgressionGoalCacheIntegrationTest {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    FunderReportService reports;
    @Autowired
    GoalMeasureCache cache;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    PlanService plans;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;

    record Programme(long id, Enrolment first, Enrolment second) {
    }

    Enrolment enrol(Actor lead, long programme) {
        UUID person = registry.register(lead, aYoungPerson().named("Mål", "Minnesdotter").build()).id();
        Enrolment e = enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                TODAY.minusDays(60).toString(), null, null, "Behöver stöd"));
        plans.create(lead, person);
        return e;
    }

    /** Two participants enrolled 60 days ago, no contacts yet; goals: participants and contacts per week. */
    Programme programme(Actor lead) {
        long id = enrolments.saveProgramme(lead, "Minnet " + UUID.randomUUID());
        reports.addGoal(lead, id, new GoalInput("PARTICIPANTS", null, null, null, "2"));
        reports.addGoal(lead, id, new GoalInput("CONTACTS_PER_WEEK", null, null, null, "1"));
        return new Programme(id, enrol(lead, id), enrol(lead, id));
    }

    long contacts(Actor lead, long programme, FunderReportService.Period period) {
        return indicator(lead, programme, period, GoalIndicator.CONTACTS_PER_WEEK).numerator().count();
    }

    GoalResult indicator(Actor lead, long programme, FunderReportService.Period period, GoalIndicator indicator) {
        return reports.measure(lead, programme, period).stream().filter(r -> r.goal().indicator() == indicator)
                .findFirst().orElseThrow();
    }

    /** A contact written by another connection (another instance of Lots, a script), committed or not by the test. */
    Connection contactWithoutCommit(Actor lead, UUID person, LocalDate on) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (var s = c.prepareStatement("INSERT INTO journey_event (person_id, organisation_id, occurred_on, kind,"
                + " summary) VALUES (?, ?, ?, 'KONTAKT', 'Samtal')")) {
            s.setObject(1, person);
            s.setLong(2, lead.organisationId());
            s.setDate(3, Date.valueOf(on));
            s.executeUpdate();
        }
        return c;
    }

    @Test
    void aMeasureIsKeptUntilTheProgrammesUnitsChange() throws SQLException {
        Actor lead = actors.byUsername("insatsledare");
        Programme p = programme(lead);
        var period = reports.period(TODAY.minusDays(100).toString(), TODAY.toString());
        assertThat(indicator(lead, p.id(), period, GoalIndicator.PARTICIPANTS).numerator().count()).isEqualTo(2);
        long kept = cache.keptCount();

        assertThat(contacts(lead, p.id(), period)).isZero();
        assertThat(cache.keptCount()).as("the same view again").isEqualTo(kept + 1);

        // another programme's enrolment is not this programme's change
        enrol(lead, enrolments.saveProgramme(lead, "Annat " + UUID.randomUUID()));
        assertThat(contacts(lead, p.id(), period)).isZero();
        assertThat(cache.keptCount()).isEqualTo(kept + 2);

        // a contact through the plan: measured again, and kept again after that
        plans.recordContact(lead, p.first().personId(), TODAY.minusDays(3).toString(), "Samtal", false);
        assertThat(contacts(lead, p.id(), period)).isEqualTo(1);
        assertThat(cache.keptCount()).isEqualTo(kept + 2);
        assertThat(contacts(lead, p.id(), period)).isEqualTo(1);
        assertThat(cache.keptCount()).isEqualTo(kept + 3);

        // a write to the enrolment that changes nothing the unit holds leaves the measure alone
        jdbc.sql("UPDATE enrolment SET started_on = started_on WHERE id = ?").param(p.first().id()).update();
        assertThat(contacts(lead, p.id(), period)).isEqualTo(1);
        assertThat(cache.keptCount()).isEqualTo(kept + 4);

        // a contact rolled back was never there
        try (Connection c = contactWithoutCommit(lead, p.second().personId(), TODAY.minusDays(2))) {
            c.rollback();
        }
        assertThat(contacts(lead, p.id(), period)).isEqualTo(1);
        assertThat(cache.keptCount()).isEqualTo(kept + 5);

        // a discharge changes the participants' unit: the participant count for a period after it drops
        enrolments.discharge(lead, p.second().id(), TODAY.minusDays(1).toString(), "ARBETE", null);
        var today = reports.period(TODAY.toString(), TODAY.toString());
        assertThat(indicator(lead, p.id(), today, GoalIndicator.PARTICIPANTS).numerator().count()).isEqualTo(1);
        assertThat(indicator(lead, p.id(), period, GoalIndicator.PARTICIPANTS).numerator().count()).isEqualTo(2);
    }

    @Test
    void aWriteStillRunningWhenMeasuredIsCountedOnceItCommits() throws SQLException {
        Actor lead = actors.byUsername("insatsledare");
        Programme p = programme(lead);
        var period = reports.period(TODAY.minusDays(100).toString(), TODAY.toString());
        assertThat(contacts(lead, p.id(), period)).isZero();

        // kept while the writer runs (its contact is not there yet), then measured again once it has committed
        try (Connection writer = contactWithoutCommit(lead, p.first().personId(), TODAY.minusDays(5))) {
            // a later transaction commits meanwhile (another programme), so the writer is older than the snapshots
            // that follow: only its being invisible to them, not its number, tells that it came after
            enrol(lead, enrolments.saveProgramme(lead, "Under tiden " + UUID.randomUUID()));
            long kept = cache.keptCount();
            assertThat(contacts(lead, p.id(), period)).isZero();
            assertThat(contacts(lead, p.id(), period)).isZero();
            assertThat(cache.keptCount()).isEqualTo(kept + 2);
            writer.commit();
        }
        assertThat(contacts(lead, p.id(), period)).isEqualTo(1);

        // measured for the first time while a writer runs: the measure cannot hold once that writer commits
        var other = reports.period(TODAY.minusDays(90).toString(), TODAY.toString());
        try (Connection writer = contactWithoutCommit(lead, p.second().personId(), TODAY.minusDays(4))) {
            enrol(lead, enrolments.saveProgramme(lead, "Under tiden " + UUID.randomUUID()));
            assertThat(contacts(lead, p.id(), other)).isEqualTo(1);
            writer.commit();
        }
        long kept = cache.keptCount();
        assertThat(contacts(lead, p.id(), other)).isEqualTo(2);
        assertThat(cache.keptCount()).isEqualTo(kept);

        // and two writers at once of the same programme do not wait for each other's change-log row
        try (Connection one = contactWithoutCommit(lead, p.first().personId(), TODAY.minusDays(3));
                Connection two = contactWithoutCommit(lead, p.second().personId(), TODAY.minusDays(3))) {
            two.commit();
            one.commit();
        }
        assertThat(contacts(lead, p.id(), period)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM follow_up_change WHERE programme_id = ?").param(p.id())
                .query(Long.class).single()).as("one row per writing transaction").isGreaterThanOrEqualTo(4);
    }

    @Test
    void measuresAreKeptOnlyFromARepeatableReadTransaction() {
        var key = new GoalMeasureCache.Key(1, 1, TODAY, TODAY, List.of());
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                t -> cache.measured(key, () -> Map.of()))).isInstanceOf(IllegalStateException.class);
    }
}
