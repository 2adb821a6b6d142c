package se.lots.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.kaa.ExitReason;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The administrator's dry run: per register what its rule would remove today in the organisation (the KAA register's
 * closed episodes through its eraser, the registers without one shown as not built), nothing removed, and nobody but the
 * administrator sees it.
 */
@IntegrationTest
class RetentionDryRunIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RetentionDryRun dryRun;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorSeesWhatEachRegistersRuleWouldRemoveTodayAndNothingIsRemoved() {
        Actor coordinator = fixture.newMunicipality();
        String username = "provkorning-" + coordinator.organisationId().value();
        organisations.createUser(new NewUser(username, "ett-langt-losenord", "Pia Provkör", Role.ADMIN,
                coordinator.organisationId(), null));
        Actor admin = actors.byUsername(username);
        var builder = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        UUID[] persons = builder.person("Gamla", "kvinna").person("Nya", "man").build();
        builder.registeredOn(persons[0], LocalDate.of(2019, 9, 1));
        builder.exited(persons[0], LocalDate.of(2020, 1, 10), ExitReason.FLYTTAT);

        var lines = dryRun.run(admin);
        var kaa = lines.stream().filter(l -> l.rule().register().equals("kaa")).findFirst().orElseThrow();
        assertThat(kaa.count().persons()).as("closed 2020-01-10, kept 60 months by default").isEqualTo(1);
        assertThat(kaa.count().rowsByTable()).containsEntry("kaa_episode", 1L);
        var plan = lines.stream().filter(l -> l.rule().register().equals("plan")).findFirst().orElseThrow().count();
        assertThat(plan).as("the plan register's eraser counts, and the new municipality holds no plan").isNotNull();
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.rowsByTable()).containsKeys("plan", "plan_step", "enrolment");

        var web = WebSession.logIn(port, username, "ett-langt-losenord");
        var page = web.get("/admin/gallring/provk%C3%B6rning");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Provkörning av gallring").contains("Period i aktivitetsansvaret: 1")
                .contains("Gallringen är inte byggd för registret ännu");
        assertThat(web.get("/admin/gallring").body()).contains("/admin/gallring/provkorning");
        assertThat(jdbc.sql("SELECT count(*) FROM kaa_episode WHERE person_id = ?").param(persons[0])
                .query(Long.class).single()).as("a dry run removes nothing").isEqualTo(1);

        assertThatThrownBy(() -> dryRun.run(coordinator)).isInstanceOf(AccessDeniedException.class);
        assertThat(WebSession.logIn(port, coordinator.username(), "ett-langt-losenord")
                .get("/admin/gallring/provkorning").statusCode()).isEqualTo(403);
    }
}
