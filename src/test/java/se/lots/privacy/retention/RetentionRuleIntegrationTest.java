package se.lots.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.kaa.KaaFixture;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.privacy.RetentionEvent;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * The organisation's retention rules as the administrator keeps them: Lots' defaults with their source until the
 * organisation sets its own, a rule without legal basis refused in Swedish naming the field, each change audited, a
 * stale form refused, and nobody but the administrator reading or changing them.
 */
@IntegrationTest
class RetentionRuleIntegrationTest {

    private static final AtomicInteger ADMINS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    RetentionRuleService service;
    @Autowired
    KaaFixture fixture;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    private Actor newAdmin() {
        Actor coordinator = fixture.newMunicipality();
        String username = "gallring-admin-" + ADMINS.incrementAndGet() + "-" + coordinator.organisationId().value();
        organisations.createUser(new NewUser(username, "ett-langt-losenord", "Ada Administratör", Role.ADMIN,
                coordinator.organisationId(), null));
        return actors.byUsername(username);
    }

    @Test
    void anOrganisationWithoutRulesOfItsOwnHasTheDefaultsWithTheirSource() {
        Actor admin = newAdmin();
        var rules = service.rules(admin);
        assertThat(rules).extracting(a -> a.rule().register())
                .containsExactly("registry", "kaa", "plan", "progression", "consent", "appointment", "audit",
                        "privacy");
        assertThat(rules).allSatisfy(a -> {
            assertThat(a.own()).isFalse();
            assertThat(a.rule().legalBasis()).isNotBlank().contains("att bekräfta");
        });
        var kaa = rules.get(1).rule();
        assertThat(kaa.recordKind()).isEqualTo("EPISODE");
        assertThat(kaa.countedFrom()).isEqualTo(RetentionEvent.EPISODE_CLOSED);
        assertThat(kaa.legalBasis()).containsIgnoringCase("skollagen 29 kap. 9 §").contains("förordning (2006:39)");
    }

    @Test
    void aRuleWithoutLegalBasisIsRefusedNamingTheFieldInSwedishAndNothingIsSaved() {
        Actor admin = newAdmin();
        assertThatThrownBy(() -> service.set(admin, new RetentionRuleService.RuleInput("kaa", "EPISODE", "36",
                "EPISODE_CLOSED", "   ", false, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.texts(messages, Locale.forLanguageTag("sv")).get("legalBasis"))
                        .startsWith("Rättslig grund:"));
        assertThatThrownBy(() -> service.set(admin, new RetentionRuleService.RuleInput("kaa", "EPISODE", "-1",
                "EPISODE_CLOSED", "Skollagen 29 kap. 9 §", false, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.texts(messages, Locale.forLanguageTag("sv"))).containsKey("keepMonths"));
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_retention_rule WHERE organisation_id = ?")
                .param(admin.organisationId().value()).query(Long.class).single()).isZero();
    }

    @Test
    void theAdministratorSetsTheOrganisationsOwnRuleAndTheChangeIsAudited() {
        Actor admin = newAdmin();
        service.set(admin, new RetentionRuleService.RuleInput("kaa", "EPISODE", "36", "EPISODE_CLOSED",
                "Kommunens gallringsbeslut 2026-05, dnr 12/2026", true, null));
        var kaa = service.rules(admin).stream().filter(a -> a.rule().register().equals("kaa")).findFirst()
                .orElseThrow();
        assertThat(kaa.own()).isTrue();
        assertThat(kaa.rule().keepMonths()).isEqualTo(36);
        assertThat(kaa.rule().archiveFirst()).isTrue();
        assertThat(kaa.setByName()).isEqualTo("Ada Administratör");
        assertThat(kaa.version()).isZero();
        assertThat(kaa.defaultRule().keepMonths()).isEqualTo(60);
        List<String> logged = jdbc.sql("""
                SELECT action || ' ' || detail FROM audit_entry WHERE username = ? AND detail LIKE 'gallringsregel%'""")
                .param(admin.username()).query(String.class).list();
        assertThat(logged).singleElement().asString().startsWith("CREATE gallringsregel kaa/EPISODE: standard -> 36 mån")
                .contains("dnr 12/2026");

        service.set(admin, new RetentionRuleService.RuleInput("kaa", "EPISODE", "48", "EPISODE_CLOSED",
                "Kommunens gallringsbeslut 2026-06", false, 0));
        assertThat(service.rules(admin).get(1).version()).isEqualTo(1);
        assertThatThrownBy(() -> service.set(admin, new RetentionRuleService.RuleInput("kaa", "EPISODE", "12",
                "EPISODE_CLOSED", "Kommunens gallringsbeslut 2026-07", false, 0)))
                .as("a form shown before the last change").isInstanceOf(ConflictException.class);
        assertThat(service.rules(admin).get(1).rule().keepMonths()).isEqualTo(48);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = ? AND detail LIKE 'gallringsregel%'")
                .param(admin.username()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void onlyTheAdministratorReadsOrChangesTheRules() {
        Actor coordinator = fixture.newMunicipality();
        assertThatThrownBy(() -> service.rules(coordinator)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.set(coordinator, new RetentionRuleService.RuleInput("kaa", "EPISODE", "1",
                "EPISODE_CLOSED", "ingen", false, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(WebSession.logIn(port, coordinator.username(), "ett-langt-losenord").get("/admin/gallring")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void thePageListsTheRulesWithTheirSourceAndTheFormRefusesAMissingLegalBasis() {
        Actor admin = newAdmin();
        var web = WebSession.logIn(port, admin.username(), "ett-langt-losenord");
        var page = web.get("/admin/gallring");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Gallringsregler för organisationen").contains("Lots standard")
                .contains("skollagen 29 kap. 9 §").contains("60 månader efter den senaste uppgiften i KAA-registret");

        var refused = web.postForm("/admin/gallring?regel=kaa/EPISODE", "/admin/gallring", Map.of("register", "kaa",
                "recordKind", "EPISODE", "keepMonths", "24", "countedFrom", "EPISODE_CLOSED", "legalBasis", ""));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Rättslig grund: ange lagrummet").contains("govuk-error-summary");

        var saved = web.postForm("/admin/gallring?regel=kaa/EPISODE", "/admin/gallring", Map.of("register", "kaa",
                "recordKind", "EPISODE", "keepMonths", "24", "countedFrom", "EPISODE_CLOSED", "legalBasis",
                "Kommunens gallringsbeslut", "archiveFirst", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(web.get("/admin/gallring").body()).contains("24 månader efter den senaste uppgiften i KAA-registret")
                .contains("Organisationens egen, satt av Ada Administratör");
    }
}
