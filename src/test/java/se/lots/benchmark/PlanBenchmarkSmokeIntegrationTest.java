package se.lots.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.register.KaaService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The plan benchmark's generators at smoke size: the rows asked for, each step on a track of its own plan, the plans
 * shared out among the case workers, each named step its plan's case worker's; and a benchmark case worker's start
 * page with every panel the benchmark times, each with the generated work in it.
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
    @Autowired
    DataSource dataSource;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaService kaa;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

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

    @Test
    void aBenchmarkCaseWorkersStartPageShowsTheCaseloadTheKaaRegisterTheEnrolmentsAndTheBookedTimes() {
        // a municipality of its own, so that the generated register and caseloads meet no other test's
        Actor coordinator = fixture.newMunicipality();
        long org = coordinator.organisationId().value();
        LocalDate today = LocalDate.now(clock);
        new PersonGenerator(dataSource, 91, today).generate(400,
                List.of(new PersonGenerator.Holder(org, 1.0, List.of("1260"))), List.of());
        var register = new KaaRegisterGenerator(owner).generate(org, 60, today, 0.91);
        // three case workers with the fixture's case worker's password, as the benchmark's get the coach's
        List<String> usernames = PlanPageBenchmark.caseWorkers(jdbc, fixture.caseWorkerOf(coordinator).username(),
                "plan-smoke-" + org + "-", 3);
        List<Long> ids = usernames.stream().map(u -> actors.byUsername(u).userId()).toList();
        var plans = new PlanDataGenerator(owner).generate(org, coordinator.userId(), ids, 120, 1_200, 0);

        var day = new CaseWorkerDayGenerator(owner).generate(org, coordinator.userId(), ids, plans.batch(), today,
                clock.instant());

        assertThat(register.episodes()).isEqualTo(60);
        // 40 plans each, one in four enrolled; the third case worker's four oldest without a start registration
        assertThat(day.enrolments()).isEqualTo(30);
        assertThat(day.withoutStart()).isEqualTo(4);
        // six times a week each, four weeks before this week to two after
        assertThat(day.appointments()).isEqualTo(3 * 6 * 7);
        assertThat(day.thisWeek()).isEqualTo(3 * 6);
        Actor third = actors.byUsername(usernames.get(2));
        long due = kaa.today(third).due();
        assertThat(due).as("reviews overdue in the generated register").isPositive();

        String home = WebSession.logIn(port, usernames.get(2), "ett-langt-losenord").get("/").body();
        var panels = StartPagePanels.of(home);

        assertThat(panels.ids()).contains("plan-start", "start-kaa", "progression-start", "my-appointments");
        assertThat(panel(panels, "plan-start").text()).contains("Du har 40 ärenden");
        assertThat(panel(panels, "start-kaa").text()).contains(due + (due == 1 ? " uppföljning" : " uppföljningar"));
        assertThat(panel(panels, "progression-start").heading()).endsWith(" 4");
        assertThat(home).contains("id=\"my-appointments-week\"");
        assertThat(panels.markdown()).contains("- `start-kaa` **");
    }

    private static StartPagePanels.Panel panel(StartPagePanels panels, String id) {
        return panels.panels().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
