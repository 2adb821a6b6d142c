package se.lots.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.kaa.KaaFixture;
import se.lots.privacy.retention.RetentionRuleService;
import se.lots.security.CurrentActor;
import se.lots.shared.InvalidInputException;

/**
 * The audit log's own retention is the installation's rule (one chain for all organisations): an organisation's
 * administrator sees it on /admin/gallring but cannot set it, and the nightly job removes nothing while no signed
 * checkpoint is that old, leaving a chain that verifies.
 */
@IntegrationTest
class AuditRetentionIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditRetentionSchedule schedule;
    @Autowired
    AuditEntries entries;
    @Autowired
    RetentionRuleService rules;
    @Autowired
    KaaFixture fixture;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLogsRuleIsTheInstallationsAndAnAdministratorCannotSetIt() {
        var coordinator = fixture.newMunicipality();
        String username = "loggallring-" + coordinator.organisationId().value();
        organisations.createUser(new NewUser(username, "ett-langt-losenord", "Lena Logg", Role.ADMIN,
                coordinator.organisationId(), null));
        var admin = actors.byUsername(username);
        var audit = rules.rules(admin).stream().filter(a -> a.rule().register().equals("audit")).findFirst()
                .orElseThrow();
        assertThat(audit.own()).isFalse();
        assertThat(audit.rule().keepMonths()).as("lots.audit.retention.months").isEqualTo(60);
        assertThatThrownBy(() -> rules.set(admin, new RetentionRuleService.RuleInput("audit", "ENTRY", "1",
                "LAST_ACTIVITY", "Vårt eget beslut", false, null))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).messageKey())
                        .isEqualTo("privacy.retention.installationRule"));

        var page = WebSession.logIn(port, username, "ett-langt-losenord").get("/admin/gallring").body();
        assertThat(page).contains("Installationens regel").doesNotContain("regel=audit/ENTRY");
    }

    @Test
    void theNightlyJobRemovesNothingWhileNoCheckpointIsThatOld() {
        long before = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
        assertThat(schedule.removeDue()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single())
                .isGreaterThanOrEqualTo(before);
        assertThat(entries.verify().valid()).isTrue();
    }
}
