package se.lots.federation.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.federation.FederationFixture.programme;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.federation.FederationFixture;
import se.lots.federation.FederationFixture.Federation;
import se.lots.federation.member.PartyOrganisation;
import se.lots.plan.EnrolmentService;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * The förbund's programmes on the real database: registered by the officer on a plan programme of a member that the
 * förbund then funds; the Finsam rule, shares that are not 100, dates and ages in the wrong order, a municipality
 * outside the area and an owner that is no member refused naming the field, with nothing saved; the owner's lead
 * edits all but the diarienummer; a second save on an old version refused; another förbund's officer refused, also
 * the programme's report in the progression module.
 */
@IntegrationTest
class FinsamProgrammeIntegrationTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @LocalServerPort
    int port;
    @Autowired
    FinsamProgrammeService service;
    @Autowired
    FederationFixture fixture;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficerRegistersAProgrammeThatThePlanModuleKnowsAsFundedByTheForbund() {
        Federation f = fixture.withMembers();
        var input = programme(f, "Framåt " + f.tag(), List.of(f.af(), f.region()), "FORBUND:80", "KOMMUN:20");
        FinsamProgramme p = service.register(f.officer(), withCaseNumber(input, "DNR " + f.tag()));

        assertThat(p.caseNumber()).isEqualTo("DNR " + f.tag());
        assertThat(p.ownerId()).isEqualTo(f.kommun().id());
        assertThat(p.parties()).extracting(PartyOrganisation::id).containsExactlyInAnyOrder(f.kommun().id(),
                f.af().id(), f.region().id());
        assertThat(p.funders()).extracting(Funder::kind).containsExactly(FunderKind.FORBUND, FunderKind.KOMMUN);
        assertThat(p.funders().get(0).name()).isEqualTo(f.forbund().name());
        assertThat(p.municipalities()).extracting(m -> m.shortName()).containsExactly("Svalöv");
        var planned = enrolments.programme(p.programmeId()).orElseThrow();
        assertThat(planned.organisationId()).isEqualTo(f.kommun().id());
        assertThat(planned.fundedBy()).as("the report access follows funded_by").isEqualTo(f.forbund().id());
        assertThat(service.programmes(f.officer())).extracting(FinsamProgramme::programmeId)
                .containsExactly(p.programmeId());
        assertThat(service.programmes(f.lead())).extracting(FinsamProgramme::programmeId)
                .containsExactly(p.programmeId());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = ? AND detail = ?")
                .params(f.officer().username(), "förbundsinsats " + p.programmeId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anExistingProgrammeOfTheOwnerIsLinkedNotCopied() {
        Federation f = fixture.withMembers();
        long existing = enrolments.saveProgramme(f.lead(), "Befintlig " + f.tag());
        assertThat(service.linkable(f.officer())).extracting(se.lots.plan.Programme::id).contains(existing);
        var input = programme(f, null, List.of(f.fk()), "FORBUND:100");
        input = new ProgrammeInput(null, null, String.valueOf(existing), input.ownerOrganisationId(), input.purpose(),
                null, null, null, List.of(), null, "2025-01-01", null, null, input.partyOrganisationIds(), null, null,
                input.funders(), null);
        FinsamProgramme p = service.register(f.officer(), input);
        assertThat(p.programmeId()).isEqualTo(existing);
        assertThat(p.name()).isEqualTo("Befintlig " + f.tag());
        assertThat(service.linkable(f.officer())).extracting(se.lots.plan.Programme::id).doesNotContain(existing);
    }

    @Test
    void twoMunicipalitiesAloneAreRefusedWhenTheForbundFundsTheProgramme() {
        Federation f = fixture.withMembers();
        String name = "Bara kommuner " + f.tag();
        assertRefused(() -> service.register(f.officer(), programme(f, name, List.of(f.otherKommun()),
                "FORBUND:100")), "partyOrganisationIds",
                "flera kommuner räknas som en part", "lag 2003:1210 5 § andra stycket");
        assertThat(jdbc.sql("SELECT count(*) FROM plan_programme WHERE name = ?").param(name).query(Long.class)
                .single()).as("nothing saved, not even the plan's programme").isZero();

        // with Arbetsförmedlingen the rule is met; without the förbund among the funders it does not apply
        assertThat(service.register(f.officer(), programme(f, name, List.of(f.otherKommun(), f.af()),
                "FORBUND:100")).parties()).hasSize(3);
        assertThat(service.register(f.officer(), programme(f, name + " egen", List.of(f.otherKommun()),
                "KOMMUN:100")).parties()).hasSize(2);
    }

    @Test
    void sharesThatDoNotAddUpToExactlyOneHundredAreRefused() {
        Federation f = fixture.withMembers();
        assertRefused(() -> service.register(f.officer(), programme(f, "Andelar " + f.tag(), List.of(f.af()),
                "FORBUND:80", "KOMMUN:10")), "funders", "Finansiärernas andelar blir 90 %; de ska bli exakt 100 %.");
        assertRefused(() -> service.register(f.officer(), programme(f, "Andelar " + f.tag(), List.of(f.af()),
                "FORBUND:80", "ESF:20.5")), "funders", "blir 100.5 %");
        assertThat(service.programmes(f.officer())).isEmpty();
    }

    @Test
    void datesAndAgesInTheWrongOrderAreRefusedNamingTheField() {
        Federation f = fixture.withMembers();
        var p = programme(f, "Ordning " + f.tag(), List.of(f.af()), "FORBUND:100");
        var wrong = new ProgrammeInput(null, p.name(), null, p.ownerOrganisationId(), p.purpose(), null, "25", "18",
                List.of(), null, "2026-01-01", "2025-12-31", null, p.partyOrganisationIds(), null, null, p.funders(),
                null);
        assertThatThrownBy(() -> service.register(f.officer(), wrong)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.texts(messages, SWEDISH))
                        .containsEntry("endsOn", "Slutdatum kan inte vara före startdatum.")
                        .containsEntry("ageTo", "Ålder till kan inte vara lägre än ålder från."));
    }

    @Test
    void aMunicipalityOutsideTheAreaAndAnOwnerThatIsNoMemberAreRefused() {
        Federation f = fixture.withMembers();
        var p = programme(f, "Utanför " + f.tag(), List.of(f.af()), "FORBUND:100");
        var outside = new ProgrammeInput(null, p.name(), null, p.ownerOrganisationId(), p.purpose(), null, null,
                null, List.of("1214", "1280"), null, "2025-01-01", null, null, p.partyOrganisationIds(), null, null,
                p.funders(), null);
        assertRefused(() -> service.register(f.officer(), outside), "municipalityCodes",
                "Malmö ligger inte i förbundets område.");

        Federation other = fixture.withMembers();
        var notMember = new ProgrammeInput(null, p.name(), null, other.kommun().id().toString(), p.purpose(), null,
                null, null, List.of(), null, "2025-01-01", null, null, List.of(other.af().id().toString()), null,
                null, p.funders(), null);
        assertThatThrownBy(() -> service.register(f.officer(), notMember)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.texts(messages, SWEDISH))
                        .containsEntry("ownerOrganisationId", "Ägaren måste vara medlem i förbundet.")
                        .containsEntry("partyOrganisationIds",
                                "Samverkansparterna måste vara medlemmar i förbundet."));
    }

    @Test
    void theOwnersLeadEditsTheFactsButNotTheDiarienummer() {
        Federation f = fixture.withMembers();
        FinsamProgramme p = service.register(f.officer(), withCaseNumber(programme(f, "Ledd " + f.tag(),
                List.of(f.af()), "FORBUND:100"), "DNR-1 " + f.tag()));

        var form = FinsamProgrammeController.input(p);
        var byLead = new ProgrammeInput(null, null, null, null, "Nytt syfte", form.targetGroup(), form.ageFrom(),
                form.ageTo(), form.municipalityCodes(), form.method(), form.startsOn(), form.endsOn(),
                form.expectedPerYear(), form.partyOrganisationIds(), form.contactName(), form.contactEmail(),
                form.funders(), p.version());
        FinsamProgramme saved = service.update(f.lead(), p.programmeId(), byLead);
        assertThat(saved.purpose()).isEqualTo("Nytt syfte");
        assertThat(saved.caseNumber()).as("kept").isEqualTo("DNR-1 " + f.tag());
        assertThat(saved.version()).isEqualTo(p.version() + 1);

        var changedNumber = withCaseNumber(byLead, "DNR-2").withVersion(saved.version());
        assertThatThrownBy(() -> service.update(f.lead(), p.programmeId(), changedNumber))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.update(f.officer(), p.programmeId(), changedNumber).caseNumber()).isEqualTo("DNR-2");

        for (var refused : List.of(f.otherLead(), f.caseWorker(), fixture.withMembers().officer())) {
            assertThatThrownBy(() -> service.update(refused, p.programmeId(), byLead))
                    .as(refused.username()).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void aSecondOfficerSavingOnTheOldVersionIsToldSomeoneSavedFirst() {
        Federation f = fixture.withMembers();
        FinsamProgramme p = service.register(f.officer(), programme(f, "Låst " + f.tag(), List.of(f.af()),
                "FORBUND:100"));
        var first = FinsamProgrammeController.input(p);
        service.update(f.officer(), p.programmeId(), new ProgrammeInput(first.caseNumber(), null, null, null,
                "Först", first.targetGroup(), first.ageFrom(), first.ageTo(), first.municipalityCodes(),
                first.method(), first.startsOn(), first.endsOn(), first.expectedPerYear(),
                first.partyOrganisationIds(), first.contactName(), first.contactEmail(), first.funders(),
                p.version()));
        var second = new ProgrammeInput(first.caseNumber(), null, null, null, "Sist", first.targetGroup(),
                first.ageFrom(), first.ageTo(), first.municipalityCodes(), first.method(), first.startsOn(),
                first.endsOn(), first.expectedPerYear(), first.partyOrganisationIds(), first.contactName(),
                first.contactEmail(), first.funders(), p.version());
        assertThatThrownBy(() -> service.update(f.officer(), p.programmeId(), second)).isInstanceOfSatisfying(
                ConflictException.class, e -> {
                    assertThat(messages.getMessage(e.messageKey(), new Object[] { 1 }, SWEDISH))
                            .startsWith("Någon annan sparade insatsen före dig");
                    assertThat(((FinsamProgramme) e.current()).purpose()).isEqualTo("Först");
                });
        assertThat(service.programme(f.officer(), p.programmeId()).purpose()).isEqualTo("Först");
    }

    @Test
    void anotherForbundsOfficerIsRefusedTheProgrammeAndItsReport() {
        Federation f = fixture.withMembers();
        Federation other = fixture.withMembers();
        FinsamProgramme p = service.register(f.officer(), programme(f, "Egen " + f.tag(), List.of(f.af()),
                "FORBUND:100"));
        assertThatThrownBy(() -> service.programme(other.officer(), p.programmeId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(service.programmes(other.officer())).isEmpty();
        assertThatThrownBy(() -> service.programme(f.caseWorker(), p.programmeId()))
                .isInstanceOf(AccessDeniedException.class);

        var own = WebSession.logIn(port, f.officer().username(), FederationFixture.PASSWORD);
        var stranger = WebSession.logIn(port, other.officer().username(), FederationFixture.PASSWORD);
        long id = p.programmeId();
        for (String path : List.of("/programmes/" + id + "/rapport", "/programmes/" + id + "/mal",
                "/forbund/insatser/" + id)) {
            assertThat(own.get(path).statusCode()).as("own officer " + path).isEqualTo(200);
            assertThat(stranger.get(path).statusCode()).as("other förbund's officer " + path).isEqualTo(403);
        }
        for (String path : List.of("/api/v1/follow-up/programmes/" + id + "/report",
                "/api/v1/federation/programmes/" + id)) {
            assertThat(api(own, f, path).statusCode()).as("own officer " + path).isEqualTo(200);
            assertThat(api(stranger, other, path).statusCode()).as("other förbund's officer " + path)
                    .isEqualTo(403);
        }
        assertThat(api(stranger, other, "/api/v1/federation/programmes").body()).doesNotContain("Egen " + f.tag());
    }

    private static java.net.http.HttpResponse<String> api(WebSession session, Federation f, String path) {
        return session.send(session.request(path).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((f.officer().username() + ":" + FederationFixture.PASSWORD)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET());
    }

    @Test
    void theEditPageOfALeadKeepsTheDiarienummerAndAStaleSaveSaysSomeoneSavedFirst() {
        Federation f = fixture.withMembers();
        FinsamProgramme p = service.register(f.officer(), withCaseNumber(programme(f, "Webb " + f.tag(),
                List.of(f.af()), "FORBUND:100"), "DNR-W " + f.tag()));
        String edit = "/forbund/insatser/" + p.programmeId() + "/andra";
        var lead = WebSession.logIn(port, f.lead().username(), FederationFixture.PASSWORD);
        var page = lead.get(edit);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("DNR-W " + f.tag() + " (sätts av förbundet)")
                .doesNotContain("name=\"caseNumber\"");

        var form = new java.util.LinkedHashMap<String, String>();
        form.put("purpose", "Från webben");
        form.put("startsOn", "2025-01-01");
        form.put("partyOrganisationIds", f.af().id().toString());
        form.put("funderKind", "FORBUND");
        form.put("funderShare", "100");
        form.put("version", String.valueOf(p.version()));
        var saved = lead.postForm(edit, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(service.programme(f.officer(), p.programmeId()).purpose()).isEqualTo("Från webben");

        var officer = WebSession.logIn(port, f.officer().username(), FederationFixture.PASSWORD);
        form.put("purpose", "Gammal version");
        var stale = officer.postForm(edit, form);
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("Någon annan sparade insatsen före dig", "Gammal version");
        assertThat(service.programme(f.officer(), p.programmeId()).purpose()).isEqualTo("Från webben");
        assertThat(WebSession.logIn(port, f.otherLead().username(), FederationFixture.PASSWORD).get(edit)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theDemoForbundHasTheFourPartiesItsAreaAndTwoFinsamProgrammesOneEnded() {
        var demo = WebSession.logIn(port, "forbund");
        var overview = demo.get("/forbund");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Samordningsförbundet Skåne Nordväst", "Svalövs kommun", "Region Skåne",
                "Arbetsförmedlingen", "Försäkringskassan", "Svalöv", "Helsingborg", "Framsteget ung",
                "Samordningsteamet", "SNV 2024/12", "Pågår", "Avslutad");
        var lead = WebSession.logIn(port, "insatsledare").get("/forbund");
        assertThat(lead.statusCode()).isEqualTo(200);
        assertThat(lead.body()).contains("Framsteget ung", "Samordningsteamet");
    }

    private static ProgrammeInput withCaseNumber(ProgrammeInput i, String caseNumber) {
        return new ProgrammeInput(caseNumber, i.name(), i.existingProgrammeId(), i.ownerOrganisationId(),
                i.purpose(), i.targetGroup(), i.ageFrom(), i.ageTo(), i.municipalityCodes(), i.method(),
                i.startsOn(), i.endsOn(), i.expectedPerYear(), i.partyOrganisationIds(), i.contactName(),
                i.contactEmail(), i.funders(), i.version());
    }

    private void assertRefused(Runnable action, String field, String... message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.texts(messages, SWEDISH)).containsKey(field).extractingByKey(field).asString()
                        .contains(message));
    }
}
