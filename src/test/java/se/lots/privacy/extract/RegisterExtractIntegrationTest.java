package se.lots.privacy.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.WebSession;
import se.lots.appointment.AppointmentInput;
import se.lots.appointment.AppointmentService;
import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.privacy.PersonalDataHolder;
import se.lots.progression.registration.RegistrationInput;
import se.lots.progression.registration.RegistrationKind;
import se.lots.progression.registration.RegistrationService;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register extract as a case, on the real database: a person with data in every module has something in every
 * register; the request is prepared, reviewed and handed over with each export in the audit log; the deadline is a
 * month and an extension at most two more; another organisation's person, an adult's guardian, a protected identity's
 * address and a case worker's review are refused with the reason.
 */
@IntegrationTest
class RegisterExtractIntegrationTest {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final AtomicInteger LEADS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    RegisterExtractService extracts;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    RegistryService registry;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    RegistrationService registrations;
    @Autowired
    ConsentService consents;
    @Autowired
    AppointmentService appointments;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPersonWithDataInEveryModuleHasSomethingInEveryRegister() {
        Actor coordinator = fixture.newMunicipality();
        Actor worker = fixture.caseWorkerOf(coordinator);
        Actor lead = leadOf(coordinator);
        UUID person = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc).person("Alla", "kvinna").build()[0];
        long programme = enrolments.saveProgramme(lead, "Utdragsprogrammet");
        var enrolment = enrolments.enrol(lead, person, new EnrolmentInput(String.valueOf(programme),
                today().minusDays(10).toString(), null, null, "Vill hitta arbete"));
        registrations.save(lead, enrolment.id(), RegistrationKind.START, new RegistrationInput(
                today().minusDays(10).toString(), "ARBETSSOKANDE", null, List.of("EKONOMISKT_BISTAND"),
                "GYMNASIAL", true, null, null));
        consents.record(worker, person, worker.organisationId(), new NewConsent(null,
                actors.byUsername("af").organisationId(), ConsentPurpose.SAMORDNING,
                List.of(ConsentScope.GRUNDUPPGIFTER), GivenHow.SKRIFTLIGT, null, today().plusMonths(6)));
        appointments.book(worker, person, new AppointmentInput(today().plusDays(3).toString(), "10:00", 60,
                "Biblioteket", "Samtal om framtiden", "KAA", null, "INGEN", null));
        RegisterExtract request = extracts.request(coordinator, byThePerson(pinOf(person)));

        var prepared = extracts.prepare(coordinator, request.id(), request.version());
        var content = extracts.page(coordinator, prepared.id()).content();

        assertThat(content).extracting(s -> s.register()).containsExactly("registry", "kaa", "plan",
                "progression", "consent", "appointment", "audit", "privacy");
        assertThat(content).allSatisfy(section -> assertThat(section.isEmpty()).as(section.register()).isFalse());
        assertThat(extracts.holders()).extracting(PersonalDataHolder::register).hasSize(content.size());
    }

    @Test
    void aRequestIsPreparedReviewedAndHandedOverAndEachExportIsLogged() throws IOException {
        Actor coordinator = fixture.newMunicipality();
        Actor worker = fixture.caseWorkerOf(coordinator);
        UUID person = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc).person("Utdrag", "man").build()[0];
        var request = extracts.request(worker, byThePerson(pinOf(person)));
        assertThat(request.status()).isEqualTo(ExtractStatus.REQUESTED);
        assertThat(request.deadline()).isEqualTo(today().plusMonths(1));

        var prepared = extracts.prepare(worker, request.id(), request.version());
        assertThat(prepared.status()).isEqualTo(ExtractStatus.PREPARED);
        assertThatThrownBy(() -> extracts.review(worker, request.id(), Map.of(), Map.of(), false,
                prepared.version())).as("a case worker prepares; the coordinator reviews")
                .isInstanceOf(AccessDeniedException.class);
        var decisions = new HashMap<String, String>();
        extracts.page(coordinator, request.id()).content().forEach(s -> decisions.put(s.register(), "disclose"));
        decisions.put("audit", "withhold");
        assertThat(texts(() -> extracts.review(coordinator, request.id(), decisions, Map.of(), false,
                prepared.version()))).containsEntry("reason.audit",
                        "Skriv skälet (OSL-bestämmelsen) till att delen inte lämnas ut.");
        var reviewed = extracts.review(coordinator, request.id(), decisions,
                Map.of("audit", "OSL 18 kap. 8 § – prov av hemlig uppgift"), false, prepared.version());
        assertThat(reviewed.status()).isEqualTo(ExtractStatus.REVIEWED);

        WebSession web = WebSession.logIn(port, coordinator.username(), "ett-langt-losenord");
        HttpResponse<byte[]> pdf = web.send(web.request("/integritet/registerutdrag/" + request.id()
                + "/registerutdrag.pdf"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text;
        try (var document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Registerutdrag", "Utdrag Listsson", "Person- och kontaktuppgifter",
                "Kommunalt aktivitetsansvar (KAA)", "Integritetsskyddsmyndigheten",
                "Den här delen lämnas inte ut. Skäl: OSL 18 kap. 8 § – prov av hemlig uppgift");
        HttpResponse<byte[]> json = web.send(web.request("/integritet/registerutdrag/" + request.id()
                + "/registerutdrag.json"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(json.body());
        assertThat(document.get("person").get("name").asString()).isEqualTo("Utdrag Listsson");
        JsonNode registers = document.get("registers");
        assertThat(registers.get(0).get("register").asString()).isEqualTo("registry");
        assertThat(registers.get(0).get("records").get("young_person").get(0).get("first_name").asString())
                .isEqualTo("Utdrag");
        JsonNode audit = registers.get(6);
        assertThat(audit.get("register").asString()).isEqualTo("audit");
        assertThat(audit.get("withheld").asBoolean()).isTrue();
        assertThat(audit.has("records")).isFalse();

        var handedOver = extracts.handOver(coordinator, request.id(), "IN_PERSON", reviewed.version());
        assertThat(handedOver.status()).isEqualTo(ExtractStatus.HANDED_OVER);
        assertThat(jdbc.sql("""
                SELECT detail FROM audit_entry WHERE person_id = ? AND action = 'EXPORT' ORDER BY id""")
                .param(person).query(String.class).list()).containsExactly("registerutdrag förberett",
                        "registerutdrag (PDF)", "registerutdrag (JSON)", "registerutdrag utlämnat: IN_PERSON");
    }

    @Test
    void theDeadlineIsAMonthAndAnExtensionAtMostTwoMoreAndTheOverdueComeFirst() {
        Actor coordinator = fixture.newMunicipality();
        UUID[] persons = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc).person("Tidig", "kvinna")
                .person("Sen", "man").build();
        var first = extracts.request(coordinator, new ExtractRequestInput(pinOf(persons[0]),
                today().minusDays(20).toString(), "PERSON", null, "BANKID", null));
        var second = extracts.request(coordinator, new ExtractRequestInput(pinOf(persons[1]),
                today().minusDays(2).toString(), "PERSON", null, "KNOWN_BEFORE", null));
        assertThat(first.deadline()).isEqualTo(today().minusDays(20).plusMonths(1));

        clock.moveBy(Duration.ofDays(15));
        assertThat(extracts.list(coordinator)).first().satisfies(l -> {
            assertThat(l.extract().id()).isEqualTo(first.id());
            assertThat(l.overdue()).isTrue();
        });
        assertThat(extracts.list(coordinator)).filteredOn(l -> l.extract().id().equals(second.id()))
                .singleElement().satisfies(l -> assertThat(l.overdue()).isFalse());

        LocalDate received = first.receivedOn();
        assertThat(texts(() -> extracts.extend(coordinator, first.id(), received.plusMonths(3).plusDays(1)
                .toString(), "Många register", first.version()))).containsEntry("extendedTo",
                        "Tidsfristen kan förlängas efter " + first.deadline() + " och till och med "
                                + received.plusMonths(3) + " (GDPR art. 12.3).");
        assertThat(texts(() -> extracts.extend(coordinator, first.id(), received.plusMonths(2).toString(), " ",
                first.version()))).containsKey("extensionReason");
        var extended = extracts.extend(coordinator, first.id(), received.plusMonths(2).toString(),
                "Uppgifter från flera verksamheter", first.version());
        assertThat(extended.dueOn()).isEqualTo(received.plusMonths(2));
        assertThat(extracts.list(coordinator)).filteredOn(l -> l.extract().id().equals(first.id()))
                .singleElement().satisfies(l -> assertThat(l.overdue()).isFalse());
    }

    @Test
    void aPersonOfAnotherOrganisationIsRefusedWithTheReason() {
        Actor coordinator = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        UUID person = new KaaRegisterBuilder(other, imports, fixture, jdbc).person("Annan", "man").build()[0];

        assertThat(texts(() -> extracts.request(coordinator, byThePerson(pinOf(person)))))
                .containsEntry("personalIdentityNumber", "Personen finns hos en annan organisation. Registerutdraget "
                        + "görs av den organisation som har personens uppgifter; hänvisa den unge dit.");
        var own = extracts.request(other, byThePerson(pinOf(person)));
        assertThatThrownBy(() -> extracts.page(coordinator, own.id())).as("another organisation's case")
                .isInstanceOf(se.lots.shared.NotFoundException.class);
        assertThat(WebSession.logIn(port, coordinator.username(), "ett-langt-losenord")
                .get("/integritet/registerutdrag/" + own.id()).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> extracts.list(actors.byUsername("analytiker")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aProtectedIdentityIsHandedOverOnlyInPersonOrThroughSkatteverket() {
        Actor coordinator = fixture.newMunicipality();
        UUID person = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc).protectedPerson("Skyddad")
                .build()[0];
        var request = extracts.request(coordinator, byThePerson(pinOf(person)));
        var reviewed = reviewAll(coordinator, extracts.prepare(coordinator, request.id(), request.version()));

        String refused = "Personen har skyddad identitet. Utdraget lämnas bara ut personligen eller via "
                + "Skatteverkets förmedling av post, aldrig till en adress eller med e-post.";
        assertThat(texts(() -> extracts.handOver(coordinator, request.id(), "POST_TO_REGISTERED_ADDRESS",
                reviewed.version()))).containsEntry("handover", refused);
        assertThat(texts(() -> extracts.handOver(coordinator, request.id(), "EMAIL", reviewed.version())))
                .containsEntry("handover", refused);
        assertThat(extracts.page(coordinator, request.id()).handovers())
                .containsExactlyInAnyOrder(Handover.IN_PERSON, Handover.SKATTEVERKET_FORWARDING);
        assertThat(extracts.handOver(coordinator, request.id(), "SKATTEVERKET_FORWARDING", reviewed.version())
                .handover()).isEqualTo(Handover.SKATTEVERKET_FORWARDING);
    }

    @Test
    void aGuardianAsksOnlyForSomeoneUnder18AndTheReviewWeighsTheYoungPersonsSecrecy() {
        Actor coordinator = fixture.newMunicipality();
        // the list's numbers first: the fixture hands them out from a list read once, which knows no later person
        UUID adult = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc).person("Vuxen", "man").build()[0];
        String minor = fixture.unusedNumberBornBetween(today().minusYears(18).plusDays(60), today().minusYears(16));
        UUID minorId = registry.register(coordinator, aYoungPerson().withPin(minor).named("Minna", "Omyndig")
                .build()).id();
        jdbc.sql("UPDATE young_person SET birth_date = ? WHERE id = ?").params(today().minusYears(19), adult)
                .update();

        assertThat(texts(() -> extracts.request(coordinator, new ExtractRequestInput(pinOf(adult),
                today().toString(), "GUARDIAN", "Vera Vårdnadshavare", "ID_DOCUMENT", null))))
                .containsEntry("requestedBy", "En vårdnadshavare kan bara begära utdrag för den som är under 18 år "
                        + "(föräldrabalken 6 kap.). En vuxen kan ge fullmakt till ett ombud.");
        assertThat(texts(() -> extracts.request(coordinator, new ExtractRequestInput(minor, today().toString(),
                "GUARDIAN", " ", "ID_DOCUMENT", null)))).containsKey("requesterName");
        var request = extracts.request(coordinator, new ExtractRequestInput(minor, today().toString(), "GUARDIAN",
                "Vera Vårdnadshavare", "ID_DOCUMENT", "Körkort"));
        assertThat(request.personId()).isEqualTo(minorId);
        var prepared = extracts.prepare(coordinator, request.id(), request.version());
        var decisions = new HashMap<String, String>();
        extracts.page(coordinator, request.id()).content().forEach(s -> decisions.put(s.register(), "disclose"));

        assertThat(texts(() -> extracts.review(coordinator, request.id(), decisions, Map.of(), false,
                prepared.version()))).containsKey("youngPersonSecrecyConsidered");
        var reviewed = extracts.review(coordinator, request.id(), decisions, Map.of(), true, prepared.version());
        assertThat(reviewed.youngPersonSecrecyConsidered()).isTrue();
    }

    @Test
    void aFormOfACaseSomeoneChangedSinceSavesNothingAndSaysSo() {
        Actor coordinator = fixture.newMunicipality();
        UUID person = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc).person("Samtidig", "man").build()[0];
        var request = extracts.request(coordinator, byThePerson(pinOf(person)));
        String casePage = "/integritet/registerutdrag/" + request.id();
        WebSession web = WebSession.logIn(port, coordinator.username(), "ett-langt-losenord");
        assertThat(web.get(casePage).body()).contains("Förbered utdraget", "Den unge själv");
        extracts.prepare(coordinator, request.id(), request.version());

        var stale = web.postForm(casePage, casePage + "/forbered", Map.of("version", String.valueOf(
                request.version())));
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(web.get(casePage).body()).contains("Någon annan hann ändra ärendet. Läs sidan igen.");
        assertThat(web.postForm(casePage, casePage + "/forbered", Map.of()).body())
                .contains("Formuläret sa inte vilken version");
        web.postForm(casePage, casePage + "/lamna-ut", Map.of("handover", "IN_PERSON", "version", "1"));
        assertThat(web.get(casePage).body()).as("not reviewed yet")
                .contains("Det går inte i ärendets nuvarande läge.");
        assertThat(jdbc.sql("SELECT status FROM privacy_extract_request WHERE id = ?").param(request.id())
                .query(String.class).single()).isEqualTo("PREPARED");
    }

    private RegisterExtract reviewAll(Actor decider, RegisterExtract prepared) {
        var decisions = new HashMap<String, String>();
        extracts.page(decider, prepared.id()).content().forEach(s -> decisions.put(s.register(), "disclose"));
        return extracts.review(decider, prepared.id(), decisions, Map.of(), false, prepared.version());
    }

    private Actor leadOf(Actor coordinator) {
        String username = "utdrag-lead-" + LEADS.incrementAndGet() + "-" + coordinator.organisationId().value();
        organisations.createUser(new NewUser(username, "ett-langt-losenord", "Lena Ledare", Role.PROGRAMME_LEAD,
                coordinator.organisationId(), null));
        return actors.byUsername(username);
    }

    private String pinOf(UUID person) {
        return jdbc.sql("SELECT personal_identity_number FROM young_person WHERE id = ?").param(person)
                .query(String.class).single();
    }

    private ExtractRequestInput byThePerson(String pin) {
        return new ExtractRequestInput(pin, today().toString(), "PERSON", null, "ID_DOCUMENT", "Pass");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Map<String, String> texts(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.texts(messages, SWEDISH);
        }
        throw new AssertionError("expected invalid input");
    }
}
