package se.lots.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.consent.ConsentService;
import se.lots.consent.DisclosureProvision;
import se.lots.consent.NewLineDisclosure;
import se.lots.organisation.LineOfWork;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanService;
import se.lots.registry.PersonBuilder;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.registry.search.PersonSearch;
import se.lots.security.CurrentActor;
import se.lots.shared.InvalidInputException;

/**
 * Secrecy inside one municipality (issue 23, docs/security.md): the demo's Svalöv has its KAA and labour-market unit
 * in the education committee's line of work and its economic-aid social worker in the social committee's. The social
 * worker no longer reads or exports the KAA register, nor finds the persons the education line holds; colleagues of
 * one line see each other's persons; a disclosure citing its provision opens one person to the other line until it
 * is withdrawn.
 */
@IntegrationTest
class LineOfWorkSecrecyIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    RegistryService registry;
    @Autowired
    PersonSearch search;
    @Autowired
    ConsentService consents;
    @Autowired
    PlanService plans;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void theSocialWorkerCannotOpenOrExportTheKaaRegisterAndIsNotShownIt() {
        var social = WebSession.logIn(port, "socialsekreterare");
        long mark = auditMark();

        assertThat(social.get("/kaa").statusCode()).isEqualTo(403);
        assertThat(social.get("/kaa/worklist.xlsx").statusCode()).isEqualTo(403);
        assertThat(api("socialsekreterare", "/api/v1/kaa/episodes?filter=ALL")).isEqualTo(403);
        assertThat(api("socialsekreterare", "/api/v1/kaa/overview")).isEqualTo(403);
        String start = social.get("/").body();
        assertThat(start).doesNotContain("href=\"/kaa\"");
        // (the start page may list referrals sent to the municipality as a whole: those are the sender's consent's)
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry
                 WHERE id > ? AND username = 'socialsekreterare'
                   AND (purpose LIKE 'LAGSTOD:KAA%' OR (action IN ('READ', 'SEARCH', 'EXPORT')
                        AND person_id IN (SELECT person_id FROM kaa_episode)))""")
                .param(mark).query(Long.class).single()).as("nothing of the KAA register read").isZero();

        // the KAA coordinator and the labour-market coach (the same line of work) still work in it
        var kaa = WebSession.logIn(port, "kaa");
        assertThat(kaa.get("/kaa").statusCode()).isEqualTo(200);
        assertThat(kaa.get("/kaa/worklist.xlsx").statusCode()).isEqualTo(200);
        assertThat(kaa.get("/").body()).contains("href=\"/kaa\"");
        assertThat(api("coach", "/api/v1/kaa/episodes?filter=ALL")).isEqualTo(200);
        assertThat(actors.byUsername("socialsekreterare").worksIn(LineOfWork.UTBILDNING_KAA)).isFalse();
    }

    @Test
    void colleaguesOfOneLineSeeEachOthersPersonsAndAnotherLineDoesNot() {
        var kaa = actors.byUsername("kaa");
        var coach = actors.byUsername("coach");
        var social = actors.byUsername("socialsekreterare");
        YoungPerson p = registry.register(kaa, PersonBuilder.aYoungPerson().named("Linje", "Kollegasson").build());

        // the coach, in another unit of the same nämnd and line of work, reads, finds and edits
        assertThat(registry.read(coach, p.id()).basis().purpose()).isEqualTo("EGEN_ORGANISATION");
        assertThat(search.search(coach, "Kollegasson", 0).persons()).extracting(s -> s.id()).contains(p.id());
        plans.create(coach, p.id());

        // the social worker of the social committee finds nothing, reads nothing, edits nothing
        long mark = auditMark();
        assertThat(search.search(social, "Kollegasson", 0).persons()).isEmpty();
        assertThat(search.search(social, p.personalIdentityNumber().value(), 0).persons()).isEmpty();
        assertThatThrownBy(() -> registry.read(social, p.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.page(social, p.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(registry.readAllIfAllowed(social, List.of(p.id()))).isEmpty();
        assertThat(readsOf(p.id(), "socialsekreterare", mark)).isZero();
        var page = WebSession.logIn(port, "socialsekreterare").get("/persons/" + p.id());
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("Kollegasson");
        assertThat(WebSession.logIn(port, "socialsekreterare").get("/persons?q=Kollegasson").body())
                .doesNotContain("/persons/" + p.id());
    }

    @Test
    void aProgrammesParticipantsListShowsAnotherLinesParticipantWithoutNameOrLink() {
        var coach = actors.byUsername("coach");
        YoungPerson p = registry.register(coach, PersonBuilder.aYoungPerson().named("Program", "Linjesson").build());
        var programme = enrolments.allProgrammes().stream()
                .filter(pr -> pr.organisationId().equals(coach.organisationId())).findFirst().orElseThrow();
        var enrolment = enrolments.enrol(coach, p.id(), new EnrolmentInput(String.valueOf(programme.id()),
                LocalDate.now(clock).toString(), null, null, "Linjeprov"));

        var social = WebSession.logIn(port, "socialsekreterare");
        var page = social.get("/programmes/" + programme.id() + "/deltagare");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("Linjesson")
                .as("no link the reader cannot open").doesNotContain("/enrolments/" + enrolment.id() + "/registrering");
        assertThat(social.get("/enrolments/" + enrolment.id() + "/registrering").statusCode()).isEqualTo(403);
        assertThat(WebSession.logIn(port, "coach").get("/programmes/" + programme.id() + "/deltagare").body())
                .as("the coach's own line still opens it").contains("Linjesson")
                .contains("/enrolments/" + enrolment.id() + "/registrering");
    }

    @Test
    void aDisclosureCitingItsProvisionOpensOnePersonToTheOtherLineUntilItIsWithdrawn() {
        var kaa = actors.byUsername("kaa");
        var social = actors.byUsername("socialsekreterare");
        YoungPerson p = registry.register(kaa, PersonBuilder.aYoungPerson().named("Linje", "Utlamnadsson").build());
        var owner = registry.ownerOf(p.id());
        LocalDate today = LocalDate.now(clock);

        // no reason, the same line, a line the municipality has not: refused with the reason
        assertThatThrownBy(() -> consents.disclose(kaa, p.id(), owner, new NewLineDisclosure("Socialnämnden",
                LineOfWork.SOCIALTJANST, DisclosureProvision.SAMTYCKE, "kort", null, today.plusMonths(3))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("reason"));
        assertThatThrownBy(() -> consents.disclose(kaa, p.id(), owner, new NewLineDisclosure("Bildningsnämnden",
                LineOfWork.UTBILDNING_KAA, DisclosureProvision.SAMTYCKE, "Den unga vill det själv.", null,
                today.plusMonths(3)))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> consents.disclose(kaa, p.id(), owner, new NewLineDisclosure("Socialnämnden",
                LineOfWork.HALSO_OCH_SJUKVARD, DisclosureProvision.SAMTYCKE, "Den unga vill det själv.", null,
                today.plusMonths(3)))).isInstanceOf(InvalidInputException.class);
        // only the holding line discloses
        assertThatThrownBy(() -> consents.disclose(social, p.id(), owner, new NewLineDisclosure("Bildningsnämnden",
                LineOfWork.UTBILDNING_KAA, DisclosureProvision.SAMTYCKE, "Den unga vill det själv.", null,
                today.plusMonths(3)))).isInstanceOf(AccessDeniedException.class);

        var d = consents.disclose(kaa, p.id(), owner, new NewLineDisclosure("Socialnämnden", LineOfWork.SOCIALTJANST,
                DisclosureProvision.NODVANDIGT_FOR_VERKSAMHETEN, "Behövs för att bedöma rätten till bistånd.", null,
                today.plusMonths(3)));
        long mark = auditMark();
        var read = registry.read(social, p.id());
        assertThat(read.basis().purpose()).isEqualTo("UTLAMNANDE_NODVANDIGT_FOR_VERKSAMHETEN");
        assertThat(read.basis().consentId()).isEqualTo(d.id());
        assertThat(search.search(social, "Utlamnadsson", 0).persons()).extracting(s -> s.id()).containsExactly(p.id());
        assertThat(jdbc.sql("""
                SELECT purpose FROM audit_entry WHERE id > ? AND username = 'socialsekreterare' AND person_id = ?
                 ORDER BY id""").params(mark, p.id()).query(String.class).list())
                .containsExactly("UTLAMNANDE_NODVANDIGT_FOR_VERKSAMHETEN", "UTLAMNANDE_NODVANDIGT_FOR_VERKSAMHETEN");
        // a disclosure opens reading, not editing: the holding line edits
        assertThatThrownBy(() -> registry.update(social, p.id(), se.lots.registry.PersonInput.of(p)))
                .isInstanceOf(AccessDeniedException.class);
        String page = WebSession.logIn(port, "socialsekreterare").get("/persons/" + p.id()).body();
        assertThat(page).contains("Utlamnadsson", "Nödvändigt utlämnande inom organisationen (OSL 10 kap. 2 §)");

        consents.withdrawDisclosure(social, d.id());
        mark = auditMark();
        assertThatThrownBy(() -> registry.read(social, p.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(search.search(social, "Utlamnadsson", 0).persons()).isEmpty();
        assertThat(readsOf(p.id(), "socialsekreterare", mark)).isZero();
    }

    @Test
    void theHoldingLineDisclosesOnThePersonPageAndTheReceivingLineEndsIt() {
        YoungPerson p = registry.register(actors.byUsername("kaa"),
                PersonBuilder.aYoungPerson().named("Linje", "Sidutlamnadsson").build());
        String person = "/persons/" + p.id();
        var kaa = WebSession.logIn(port, "kaa");
        assertThat(kaa.get(person).body()).contains("Lämna ut till annan verksamhetsgren",
                "value=\"SOCIALTJANST|Socialnämnden\"");
        var social = WebSession.logIn(port, "socialsekreterare");
        assertThat(social.get(person).statusCode()).isEqualTo(403);

        String validTo = LocalDate.now(clock).plusMonths(2).toString();
        var refused = kaa.postForm(person, person + "/line-disclosures", Map.of("to", "SOCIALTJANST|Socialnämnden",
                "provision", "SAMTYCKE", "reason", "kort", "validTo", validTo));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(kaa.get(person).body()).contains("Skriv varför uppgifterna lämnas ut (minst 10 tecken).");
        assertThat(social.get(person).statusCode()).isEqualTo(403);

        kaa.postForm(person, person + "/line-disclosures", Map.of("to", "SOCIALTJANST|Socialnämnden",
                "provision", "SAMTYCKE", "reason", "Den unga vill ha hjälp av båda.", "validTo", validTo));
        String shown = social.get(person).body();
        assertThat(shown).contains("Sidutlamnadsson", "Samtycke inom organisationen (OSL 12 kap. 2 §)",
                "Den unga vill ha hjälp av båda.");
        assertThat(shown).as("a disclosure opens reading, not editing").doesNotContain(person + "/edit");

        var d = consents.disclosuresFor(p.id()).get(0);
        social.postForm(person, person + "/line-disclosures/" + d.id() + "/withdraw", Map.of());
        assertThat(consents.disclosuresFor(p.id()).get(0).withdrawnAt()).isNotNull();
        assertThat(social.get(person).statusCode()).isEqualTo(403);
        assertThat(kaa.get(person).body()).contains("Återkallat");
    }

    @Test
    void theAdministratorSetsAUnitsLineOfWorkAndAUserWithoutALineSeesNoOneThere() {
        var admin = WebSession.logIn(port, "demoadmin");
        long unit = jdbc.sql("SELECT id FROM organisation_unit WHERE name = 'Ungdomsmottagningen'").query(Long.class)
                .single();
        assertThat(admin.get("/admin/units/" + unit).body()).contains("Hälso- och sjukvårdsnämnden");
        var refused = admin.postForm("/admin/units/" + unit, "/admin/units/" + unit,
                Map.of("committee", "Hälso- och sjukvårdsnämnden", "lineOfWork", "PÅHITTAD"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Ogiltigt värde.");
        // the region's units keep their line (the form was refused)
        assertThat(jdbc.sql("SELECT line_of_work FROM organisation_unit WHERE id = ?").param(unit)
                .query(String.class).single()).isEqualTo("HALSO_OCH_SJUKVARD");
        assertThat(WebSession.logIn(port, "kaa").get("/admin/units/" + unit).statusCode()).isEqualTo(403);
    }

    /** The status of a GET of the API as the demo user (HTTP Basic: the API keeps no session). */
    private int api(String username, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (username + ":lots-demo-2026").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Accept", "application/json").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long auditMark() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();
    }

    private long readsOf(UUID person, String username, long mark) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_entry
                 WHERE id > ? AND username = ? AND person_id = ? AND action IN ('READ', 'SEARCH')""")
                .params(mark, username, person).query(Long.class).single();
    }
}
