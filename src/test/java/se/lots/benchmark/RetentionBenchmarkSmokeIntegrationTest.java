package se.lots.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The retention benchmark at smoke size, in a municipality of its own: the plain statements and the retention job (the
 * approved run, prepared and executed by one administrator, approved by another) remove the same rows of the same
 * tables, the committed job took exactly those rows out of the tables (and every old closed KAA episode, no open
 * one), the persons still held elsewhere stay in the registry while the others are gone and forgotten in the log, and
 * the ratio is measured.
 */
@IntegrationTest
class RetentionBenchmarkSmokeIntegrationTest {

    @Autowired
    ApplicationContext app;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KaaFixture fixture;
    @Autowired
    CurrentActor actors;
    @Autowired
    Clock clock;

    @Test
    void thePlainDeletesAndTheRetentionJobRemoveTheSameRowsAndTheRatioIsMeasured() {
        Actor coordinator = fixture.newMunicipality();
        long org = coordinator.organisationId().value();
        LocalDate today = LocalDate.now(clock);
        new PersonGenerator(dataSource, 23, today).generate(300,
                List.of(new PersonGenerator.Holder(org, 1.0, List.of("1260"))), List.of());
        List<String> usernames = PlanPageBenchmark.caseWorkers(jdbc, fixture.caseWorkerOf(coordinator).username(),
                "retention-smoke-" + org + "-", 2);
        List<Long> workers = usernames.stream().map(u -> actors.byUsername(u).userId()).toList();
        var generated = new RetentionDataGenerator(owner).generate(org, coordinator.userId(), workers, 100, 30, 120,
                600, 2_000, 2, today, 0.23);

        // a due person with an open enrolment is still held by the plan register: only the others can go
        long dueKeptByEnrolment = jdbc.sql("""
                SELECT count(DISTINCT e.person_id) FROM kaa_episode e JOIN enrolment n ON n.person_id = e.person_id
                 WHERE e.organisation_id = ? AND e.exited_on IS NOT NULL AND n.ended_on IS NULL""").param(org)
                .query(Long.class).single();

        var result = RetentionBenchmark.measure(app, coordinator.organisationId(), today);

        System.out.println(result.markdown());
        String unindexed = RetentionBenchmark.unindexedReferences(jdbc, result.job().rows().keySet());
        System.out.println(unindexed);
        assertThat(generated.duePersons()).isEqualTo(100);
        assertThat(generated.openEpisodes()).isEqualTo(30);
        Map<String, Long> removed = RetentionBenchmark.Result.nonZero(result.job().rows());
        assertThat(removed).containsEntry("kaa_episode", generated.dueEpisodes()).containsKeys("kaa_status",
                "contact_attempt", "plan", "plan_step", "journey_event", "young_person", "audit_entry");
        // the plain statements and the job, each round, remove the same rows; the committed job took exactly them
        assertThat(result.sameRows()).isTrue();
        assertThat(RetentionBenchmark.Result.nonZero(result.plainFirst().rows())).isEqualTo(removed);
        assertThat(RetentionBenchmark.Result.nonZero(result.jobFirst().rows())).isEqualTo(removed);
        var counted = new java.util.LinkedHashMap<>(removed);
        counted.remove(PlainRetentionDeletes.HOLDINGS + " (forgotten)");
        assertThat(result.gone()).isEqualTo(counted);
        assertThat(dueKeptByEnrolment).isBetween(1L, 99L);
        assertThat(result.job().forgotten()).isBetween(1L, 100 - dueKeptByEnrolment)
                .isEqualTo(result.plain().forgotten()).isEqualTo(removed.get("young_person"));
        assertThat(removed.get("audit_entry")).isEqualTo(2 * result.job().forgotten());
        long openLeft = jdbc.sql("SELECT count(*) FROM kaa_episode WHERE organisation_id = ? AND exited_on IS NULL")
                .param(org).query(Long.class).single();
        assertThat(openLeft).isEqualTo(30);
        long closedLeft = jdbc.sql("""
                SELECT count(*) FROM kaa_episode WHERE organisation_id = ? AND exited_on IS NOT NULL""").param(org)
                .query(Long.class).single();
        assertThat(closedLeft).isZero();
        long keptInRegistry = jdbc.sql("SELECT count(*) FROM young_person WHERE owner_organisation_id = ?").param(org)
                .query(Long.class).single();
        assertThat(keptInRegistry).isEqualTo(300 - result.job().forgotten());
        // V66: every removed row's foreign-key check finds the referring rows by an index
        assertThat(unindexed).doesNotContain("plan_step.track_id").doesNotContain("kaa_status.person_id");
        // the job was the approved run: the committed one is the organisation's only run (the first round's was
        // rolled back with it), done, its dry run timed apart
        assertThat(jdbc.sql("SELECT status FROM privacy_retention_run WHERE organisation_id = ?").param(org)
                .query(String.class).list()).containsExactly("DONE");
        assertThat(result.job().prepared()).isPositive();
        assertThat(result.jobFirst().prepared()).isPositive();
        assertThat(result.plain().took()).isPositive();
        assertThat(result.ratio()).isPositive().isFinite();
        assertThat(result.markdown()).contains("| kaa_episode | " + generated.dueEpisodes() + " | ")
                .contains("(b) ÷ (a)").contains("Rows equal on both sides: yes");
    }
}
