package se.lots.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The plan benchmark's generator at smoke size: the rows asked for, each step on a track of its own plan, the plans
 * shared out among the case workers, each named step its plan's case worker's.
 */
@IntegrationTest
class PlanBenchmarkSmokeIntegrationTest {

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;

    @Test
    void generatesThePlansStepsAndEventsAskedFor() {
        Actor coach = actors.byUsername("coach");
        Actor kaa = actors.byUsername("kaa");
        var generated = new PlanDataGenerator(owner).generate(coach.organisationId().value(), coach.userId(),
                List.of(coach.userId(), kaa.userId()), 20, 400, 1_000);

        assertThat(generated.plans()).isEqualTo(20);
        assertThat(generated.steps()).isEqualTo(400);
        assertThat(generated.events()).isEqualTo(1_000);
        long misplaced = jdbc.sql("SELECT count(*) FROM plan_step s JOIN plan_track t ON t.id = s.track_id"
                + " WHERE t.plan_id <> s.plan_id").query(Long.class).single();
        assertThat(misplaced).isZero();
        // this run's steps only (other tests write steps called "Steg n" for the same case workers): three in ten
        // steps are named, each for its own plan's case worker, and both case workers get some
        long named = jdbc.sql("SELECT count(*) FROM plan_step WHERE title LIKE ? AND responsible_user_id IS NOT NULL")
                .param("Steg % " + generated.batch()).query(Long.class).single();
        assertThat(named).isEqualTo(120);
        for (Actor worker : List.of(coach, kaa)) {
            long namedFor = jdbc.sql("SELECT count(*) FROM plan_step WHERE title LIKE ? AND responsible_user_id = ?")
                    .param("Steg % " + generated.batch()).param(worker.userId()).query(Long.class).single();
            assertThat(namedFor).as(worker.username()).isBetween(1L, 119L);
        }
        long coordinated = jdbc.sql("SELECT count(*) FROM plan WHERE goal = ? AND coordinator_user_id = ?"
                + " AND next_review_on IS NOT NULL").param("Mål " + generated.batch()).param(kaa.userId()).query(Long.class).single();
        assertThat(coordinated).isEqualTo(10);
        long namedForOthers = jdbc.sql("SELECT count(*) FROM plan_step s JOIN plan p ON p.id = s.plan_id"
                + " WHERE s.title LIKE ? AND s.responsible_user_id <> p.coordinator_user_id")
                .param("Steg % " + generated.batch()).query(Long.class).single();
        assertThat(namedForOthers).isZero();
    }
}
