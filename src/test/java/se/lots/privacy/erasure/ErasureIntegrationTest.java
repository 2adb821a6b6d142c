package se.lots.privacy.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import se.lots.MovableClock;
import se.lots.WebSession;
import se.lots.audit.AuditAction;
import se.lots.audit.internal.AuditEntries;
import se.lots.audit.internal.AuditQuery;
import se.lots.kaa.KaaFixture;
import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.registry.PersonBuilder;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;

/**
 * Erasure on request as the law draws it: an authority's request is refused with the rule that governs each register
 * (GDPR art. 17.3 b), an open KAA episode keeps the record, a civil-society organisation erases its own records and
 * nobody else's, and no other organisation sees or asks for the person.
 */
@IntegrationTest
class ErasureIntegrationTest {

    private static final String PASSWORD = "ett-langt-losenord";

    @Autowired
    ErasureService erasures;
    @Autowired
    RegistryService registry;
    @Autowired
    KaaFixture kaa;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    AuditEntries audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @LocalServerPort
    int port;

    @Test
    void anAuthoritysRequestIsRefusedWithTheRuleThatGovernsEachRegisterAndNothingIsRemoved() {
        Actor coordinator = kaa.newMunicipality();
        YoungPerson person = registry.register(coordinator, PersonBuilder.aYoungPerson()
                .named("Myndig", "Myndighetsson").build());
        episode(coordinator, person.id(), true);
        long rowsBefore = kaaRows(person.id());

        var decided = erasures.decide(coordinator, request(person));

        ErasureCase c = decided.erasureCase();
        assertThat(c.outcome()).isEqualTo(ErasureOutcome.REFUSED_AUTHORITY);
        // the registry's record, and each register that holds something on the person there (the KAA episode, the
        // consent register's holding of the person by the registering line)
        assertThat(c.grounds()).extracting(ErasureGround::register).startsWith("registry", "kaa")
                .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of("registry"),
                        c.registers().keySet().stream().sorted(java.util.Comparator.comparing(
                                r -> List.of("registry", "kaa", "plan", "progression", "consent", "appointment")
                                        .indexOf(r)))).toList());
        assertThat(c.grounds()).allSatisfy(g -> assertThat(g.legalBasis()).isNotBlank());
        assertThat(c.grounds().get(1).legalBasis()).contains("Skollagen 29 kap. 9 §", "förordning (2006:39)");
        assertThat(c.grounds().get(1).keepMonths()).isEqualTo(60);
        assertThat(c.registers()).containsKeys("kaa").doesNotContainKey("registry");
        assertThat(registry.exists(person.id())).isTrue();
        assertThat(kaaRows(person.id())).isEqualTo(rowsBefore);
        assertThat(caseRow(c.id())).doesNotContain(person.id().toString(), "Myndighetsson",
                person.personalIdentityNumber().value());
        // the refusal is in the person's history, with the case number
        var entry = audit.search(new AuditQuery(person.id(), null, null, null, AuditAction.ERASURE), 1, 0).get(0);
        assertThat(entry.detail()).contains(c.caseNumber(), "17.3 b");

        // the page: the decision letter names the person and cites art. 17.3 b and the governing rules
        var session = WebSession.logIn(port, coordinator.username(), PASSWORD);
        var preview = session.get("/integritet/radering/ny?person=" + person.id());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"erasure-held\"", "Period i aktivitetsansvaret: 1",
                "Begäran avslås", "Skollagen 29 kap. 9 §")
                .as("staff see what is held by name, not by table").doesNotContain("kaa_episode");
        var letter = session.postForm("/integritet/radering/ny", Map.of("identity",
                person.personalIdentityNumber().value(), "receivedOn", LocalDate.now(clock).toString(),
                "requestedBy", "PERSON", "identityCheck", "ID_DOCUMENT"));
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.body()).contains("id=\"decision-letter\"", "Myndig Myndighetsson", "art. 17.3 b",
                "arkivlagen (1990:782)", "sparas 60 månader efter den senaste uppgiften i KAA-registret");
        String page = session.get("/integritet/radering/" + c.id()).body();
        assertThat(page).contains(c.caseNumber(), "Avslagen: allmänna handlingar", "Period i aktivitetsansvaret: 1")
                .doesNotContain("Myndighetsson", "kaa_episode");
    }

    @Test
    void anOpenKaaEpisodeIsARefusalWithItsReasonForAnyOrganisation() {
        Actor coordinator = kaa.newMunicipality();
        YoungPerson inKaa = registry.register(coordinator, PersonBuilder.aYoungPerson().build());
        episode(coordinator, inKaa.id(), false);

        var byAuthority = erasures.decide(coordinator, request(inKaa)).erasureCase();

        assertThat(byAuthority.outcome()).isEqualTo(ErasureOutcome.REFUSED_AUTHORITY);
        assertThat(byAuthority.grounds()).extracting(ErasureGround::reasonKey)
                .contains("privacy.keep.kaa.openEpisode");

        // an organisation that is not an authority but holds an open episode (the register's own rule) refuses too
        Actor other = newOrganisation(PartyType.OTHER, Role.PROGRAMME_LEAD);
        YoungPerson held = registry.register(other, PersonBuilder.aYoungPerson().build());
        episode(other, held.id(), false);
        var preview = erasures.preview(other, held.personalIdentityNumber().value());
        assertThat(preview.outcome()).isEqualTo(ErasureOutcome.REFUSED_MUST_KEEP);

        var refused = erasures.decide(other, request(held)).erasureCase();

        assertThat(refused.outcome()).isEqualTo(ErasureOutcome.REFUSED_MUST_KEEP);
        assertThat(refused.grounds()).singleElement()
                .satisfies(g -> assertThat(g.reasonKey()).isEqualTo("privacy.keep.kaa.openEpisode"));
        assertThat(registry.exists(held.id())).isTrue();
        assertThat(kaaRows(held.id())).isEqualTo(1);
        var session = WebSession.logIn(port, other.username(), PASSWORD);
        assertThat(session.get("/integritet/radering/ny?person=" + held.id()).body())
                .contains("Kommunens aktivitetsansvar för den unga pågår");
    }

    @Test
    void aCivilSocietyOrganisationErasesItsRecordsAndAnotherOrganisationsRecordsOfThePersonStay() {
        Actor lead = newOrganisation(PartyType.CIVIL_SOCIETY, Role.PROGRAMME_LEAD);
        YoungPerson person = registry.register(lead, PersonBuilder.aYoungPerson().named("Kvar", "Kvarsson").build());
        Actor municipality = kaa.newMunicipality();
        episode(municipality, person.id(), true);
        assertThat(erasures.preview(lead, person.personalIdentityNumber().value()).outcome())
                .isEqualTo(ErasureOutcome.ERASED);

        var erased = erasures.decide(lead, request(person)).erasureCase();

        assertThat(erased.outcome()).isEqualTo(ErasureOutcome.ERASED);
        assertThat(erased.personForgotten()).as("the municipality still holds its KAA record").isFalse();
        assertThat(registry.exists(person.id())).isTrue();
        assertThat(kaaRows(person.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM person_holding WHERE person_id = ? AND organisation_id = ?")
                .params(person.id(), lead.organisationId().value()).query(Long.class).single())
                .as("the civil-society organisation's own records of the person").isZero();
        var entry = audit.search(new AuditQuery(person.id(), null, null, null, AuditAction.ERASURE), 1, 0).get(0);
        assertThat(entry.detail()).contains(erased.caseNumber(), "finns kvar hos andra organisationer");
        assertThat(caseRow(erased.id())).doesNotContain(person.id().toString(), "Kvarsson");
    }

    @Test
    void aCaseWorkerPreviewsButOnlyTheLeadDecidesAnErasure() {
        Actor lead = newOrganisation(PartyType.CIVIL_SOCIETY, Role.PROGRAMME_LEAD);
        String worker = lead.username() + "-hl";
        organisations.createUser(new NewUser(worker, PASSWORD, "Hanna Handläggare", Role.CASE_WORKER,
                lead.organisationId(), null));
        YoungPerson person = registry.register(lead, PersonBuilder.aYoungPerson().build());
        Actor caseWorker = actors.byUsername(worker);

        assertThat(erasures.preview(caseWorker, person.personalIdentityNumber().value()).outcome())
                .isEqualTo(ErasureOutcome.ERASED);
        assertThatThrownBy(() -> erasures.decide(caseWorker, request(person)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(f -> assertThat(f.messageKey()).isEqualTo("privacy.erasure.decideRole")));
        assertThat(registry.exists(person.id())).isTrue();
    }

    @Test
    void aUserOfAnotherOrganisationNeitherSeesNorAsksForThePerson() {
        Actor lead = newOrganisation(PartyType.CIVIL_SOCIETY, Role.PROGRAMME_LEAD);
        YoungPerson person = registry.register(lead, PersonBuilder.aYoungPerson().named("Egen", "Egensson").build());
        Actor municipality = kaa.newMunicipality();
        episode(municipality, person.id(), true);
        String pin = person.personalIdentityNumber().value();

        assertThatThrownBy(() -> erasures.preview(municipality, pin))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .anySatisfy(f -> assertThat(f.messageKey()).isEqualTo("privacy.erasure.otherOrganisation")));
        assertThatThrownBy(() -> erasures.decide(municipality, request(person)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(erasures.identityOf(municipality, person.id())).isEmpty();
        var session = WebSession.logIn(port, municipality.username(), PASSWORD);
        var page = session.get("/integritet/radering/ny?identitet=" + pin);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Personen finns hos en annan organisation").doesNotContain("Egensson")
                .doesNotContain("id=\"erasure-held\"");
        assertThat(kaaRows(person.id())).isEqualTo(1);
        assertThat(registry.exists(person.id())).isTrue();

        // the organisation's own case is not found by another organisation; a role without personal data is refused
        var refused = erasures.decide(municipality, request(registry.register(municipality,
                PersonBuilder.aYoungPerson().build()))).erasureCase();
        assertThatThrownBy(() -> erasures.get(lead, refused.id())).isInstanceOf(NotFoundException.class);
        assertThat(WebSession.logIn(port, lead.username(), PASSWORD).get("/integritet/radering/" + refused.id())
                .statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> erasures.list(actors.byUsername("analytiker")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private ErasureService.RequestInput request(YoungPerson person) {
        return new ErasureService.RequestInput(person.personalIdentityNumber().value(),
                LocalDate.now(clock).toString(), "PERSON", "ID_DOCUMENT");
    }

    private Actor newOrganisation(PartyType type, Role role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var org = organisations.create(new NewOrganisation("Förening " + suffix, type, null, null, List.of("Enhet")));
        organisations.createUser(new NewUser("forening-" + suffix, PASSWORD, "Fia Föreningsledare", role, org.id(),
                null));
        return actors.byUsername("forening-" + suffix);
    }

    /** A KAA episode of the actor's organisation for the person, closed a year ago or open. */
    private void episode(Actor organisation, UUID person, boolean closed) {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                INSERT INTO kaa_episode (person_id, organisation_id, registered_on, registration_reason, exited_on,
                                         exit_reason)
                VALUES (?, ?, ?, 'AVBRUTIT_NATIONELLT_PROGRAM', ?, ?)""")
                .params(person, organisation.organisationId().value(), today.minusYears(2),
                        closed ? today.minusYears(1) : null, closed ? "FLYTTAT" : null)
                .update();
    }

    private long kaaRows(UUID person) {
        return jdbc.sql("SELECT count(*) FROM kaa_episode WHERE person_id = ?").param(person).query(Long.class)
                .single();
    }

    private String caseRow(UUID id) {
        return jdbc.sql("SELECT row_to_json(r)::text FROM privacy_erasure_request r WHERE id = ?").param(id)
                .query(String.class).single();
    }
}
