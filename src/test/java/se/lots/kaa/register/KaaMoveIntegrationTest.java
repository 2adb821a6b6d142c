package se.lots.kaa.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import se.lots.organisation.Organisations;
import se.lots.reference.ReferenceData;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.NotFoundException;

/**
 * Moves and placements between two municipalities' KAA registers (docs/kaa.md, "Flytt och placering"): the old
 * episode closes with FLYTTAT in the same transaction as the new one opens, the new municipality gets the fact and
 * nothing more, both see the handover, a third municipality sees nothing, and a placement keeps the responsibility.
 */
@IntegrationTest
class KaaMoveIntegrationTest {

    private static final String PASSWORD = "ett-langt-losenord";

    @LocalServerPort
    int port;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
    @Autowired
    KaaService kaa;
    @Autowired
    KaaMoveService moves;
    @Autowired
    Organisations organisations;
    @Autowired
    ReferenceData reference;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    se.lots.kaa.letter.LetterService letters;

    @Test
    void aMoveClosesTheOldEpisodeOpensTheNewOneAndBothHistoriesShowIt() {
        Actor old = fixture.newMunicipalityOfItsOwn();
        Actor fresh = fixture.newMunicipalityOfItsOwn();
        UUID person = register(old);
        kaa.recordContact(old, person, new KaaService.ContactInput("TELEFON", LocalDate.now(clock).toString(), "NADD", false,
                "Vill prata om studier i höst", null));
        KaaEpisode before = kaa.person(old, person).openEpisode().orElseThrow();
        var oldSession = WebSession.logIn(port, old.username(), PASSWORD);
        String page = "/kaa/persons/" + person;
        String movedOn = LocalDate.now(clock).minusDays(3).toString();

        var response = oldSession.postForm(page, page + "/move", Map.of("episodeId", before.id().toString(),
                "version", String.valueOf(before.version()), "toMunicipality", code(fresh), "movedOn", movedOn,
                "moveSource", "FOLKBOKFORINGEN"));

        assertThat(response.statusCode()).isEqualTo(302);
        KaaEpisode closed = kaa.person(old, person).episodes().get(0);
        assertThat(closed.id()).isEqualTo(before.id());
        assertThat(closed.exitReason()).isEqualTo(ExitReason.FLYTTAT);
        assertThat(closed.exitedOn()).isEqualTo(LocalDate.parse(movedOn));
        var inNew = kaa.person(fresh, person);
        KaaEpisode opened = inNew.openEpisode().orElseThrow();
        assertThat(opened.registrationReason()).isEqualTo(RegistrationReason.INFLYTTAD);
        assertThat(opened.registeredOn()).isEqualTo(LocalDate.parse(movedOn));
        // the fact and nothing more: no school, status, contact attempt or measure of the old register
        assertThat(opened.school()).isNull();
        assertThat(inNew.statuses()).isEmpty();
        assertThat(inNew.contacts()).isEmpty();
        assertThat(jdbc.sql("SELECT municipality_code FROM registry_person WHERE id = ?").param(person)
                .query(String.class).single()).isEqualTo(code(fresh));

        // the old municipality: only "flyttat till X den D"; the new episode is not its to read
        String oldPage = oldSession.get(page).body();
        assertThat(oldPage).contains("Flyttat till " + municipalityName(fresh) + " den " + movedOn)
                .doesNotContain("id=\"move-form\"");
        assertThat(kaa.person(old, person).episodes()).extracting(KaaEpisode::id).containsExactly(before.id());
        assertThatThrownBy(() -> kaa.exit(old, opened.id(), new KaaService.ExitInput(null, "FLYTTAT",
                opened.version()))).isInstanceOf(NotFoundException.class);

        // the new municipality: identity and the handover, not the old register's notes or the holder's address
        var freshSession = WebSession.logIn(port, fresh.username(), PASSWORD);
        var newPage = freshSession.get(page);
        assertThat(newPage.statusCode()).isEqualTo(200);
        assertThat(newPage.body()).contains("id=\"identity-only\"", "Inflyttad", old.organisationName())
                .doesNotContain("Vill prata om studier", "Storgatan 1");
        for (String body : List.of(oldPage, newPage.body())) {
            assertThat(body).contains("id=\"moves\"", movedOn, old.displayName(), "Folkbokföringen (Skatteverket)",
                    old.organisationName() + " (" + code(old) + ")", fresh.organisationName() + " (" + code(fresh) + ")");
        }

        // every step audited with the activity responsibility as basis
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? AND purpose = 'LAGSTOD:KAA'"
                + " AND detail LIKE 'KAA-flytt%'").param(person).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aUserOfAThirdMunicipalitySeesNothing() throws Exception {
        Actor old = fixture.newMunicipalityOfItsOwn();
        Actor fresh = fixture.newMunicipalityOfItsOwn();
        Actor third = fixture.newMunicipalityOfItsOwn();
        UUID person = register(old);
        move(old, person, code(fresh));

        var thirdSession = WebSession.logIn(port, third.username(), PASSWORD);
        assertThat(thirdSession.get("/kaa/persons/" + person).statusCode()).isEqualTo(403);
        assertThat(moves.history(third, person).moves()).isEmpty();
        assertThat(kaa.person(third, person).episodes()).isEmpty();
        assertThatThrownBy(() -> kaa.identity(third, person)).isInstanceOf(AccessDeniedException.class);
        // the API as the page: the new municipality reads its episode and the identity, the third nothing
        var fresh200 = api(fresh, "/api/v1/kaa/persons/" + person);
        assertThat(fresh200.statusCode()).isEqualTo(200);
        assertThat(fresh200.body()).contains("INFLYTTAD", "\"firstName\":\"Ada\"");
        assertThat(api(third, "/api/v1/kaa/persons/" + person).statusCode()).isEqualTo(403);
    }

    private java.net.http.HttpResponse<String> api(Actor user, String path) throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((user.username() + ":" + PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).header("Authorization", basic).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPlacementKeepsTheResponsibilityAndTellsThePlacementMunicipalityNothing() {
        Actor responsible = fixture.newMunicipalityOfItsOwn();
        Actor placement = fixture.newMunicipalityOfItsOwn();
        UUID person = register(responsible);
        var session = WebSession.logIn(port, responsible.username(), PASSWORD);
        String page = "/kaa/persons/" + person;
        String from = LocalDate.now(clock).minusMonths(1).toString();

        var response = session.postForm(page, page + "/placements", Map.of("placementMunicipality", code(placement),
                "placementKind", "HVB", "placementFrom", from, "placementTo", ""));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(kaa.person(responsible, person).openEpisode()).isPresent();
        assertThat(jdbc.sql("SELECT municipality_code FROM registry_person WHERE id = ?").param(person)
                .query(String.class).single()).isEqualTo(code(responsible));
        assertThat(session.get(page).body()).contains("Kontaktkommun (placering)",
                municipalityName(placement) + " – HVB (hem för vård eller boende) sedan " + from);
        var placed = WebSession.logIn(port, placement.username(), PASSWORD);
        assertThat(placed.get(page).statusCode()).isEqualTo(403);
        assertThat(kaa.person(placement, person).episodes()).isEmpty();
        assertThat(moves.history(placement, person).placements()).isEmpty();

        // ended, it is no longer a contact municipality, and stays in the list
        Placement p = moves.history(responsible, person).placements().get(0);
        assertThat(session.postForm(page, page + "/placements/" + p.id() + "/end", Map.of("toOn",
                LocalDate.now(clock).minusDays(1).toString(), "version", String.valueOf(p.version()))).statusCode())
                .isEqualTo(302);
        assertThat(session.get(page).body()).doesNotContain("Kontaktkommun (placering)").contains("id=\"placements\"");
    }

    @Test
    void aMoveToTheSameOrAnUnknownMunicipalityIsRefusedNamingTheField() {
        Actor old = fixture.newMunicipalityOfItsOwn();
        UUID person = register(old);
        KaaEpisode e = kaa.person(old, person).openEpisode().orElseThrow();
        var session = WebSession.logIn(port, old.username(), PASSWORD);
        String page = "/kaa/persons/" + person;

        var same = session.postForm(page, page + "/move", Map.of("episodeId", e.id().toString(), "version",
                String.valueOf(e.version()), "toMunicipality", code(old), "movedOn", LocalDate.now(clock).toString(),
                "moveSource", "UNGDOMEN"));
        var unknown = session.postForm(page, page + "/move", Map.of("episodeId", e.id().toString(), "version",
                String.valueOf(e.version()), "toMunicipality", "9999", "movedOn", LocalDate.now(clock).toString(),
                "moveSource", "UNGDOMEN"));

        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("Ny hemkommun: personen är redan folkbokförd i " + municipalityName(old));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Ny hemkommun: kommunkoden 9999 finns inte.");
        assertThat(kaa.person(old, person).openEpisode()).isPresent();
        assertThat(moves.history(old, person).moves()).isEmpty();
    }

    @Test
    void twoMovesAtOnceOneWinsAndTheOtherIsAConflict() throws Exception {
        Actor old = fixture.newMunicipalityOfItsOwn();
        Actor one = fixture.newMunicipalityOfItsOwn();
        Actor other = fixture.newMunicipalityOfItsOwn();
        UUID person = register(old);
        KaaEpisode e = kaa.person(old, person).openEpisode().orElseThrow();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        var results = new ArrayList<Future<KaaMove>>();
        try {
            for (Actor to : List.of(one, other)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return moves.move(old, person, new KaaMoveService.MoveInput(e.id(), e.version(), code(to),
                            LocalDate.now(clock).toString(), "FOLKBOKFORINGEN"));
                }));
            }
            start.countDown();
            int won = 0;
            var conflicts = new ArrayList<String>();
            for (var f : results) {
                try {
                    f.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException x) {
                    assertThat(x.getCause()).isInstanceOf(ConflictException.class);
                    conflicts.add(((ConflictException) x.getCause()).messageKey());
                }
            }
            assertThat(won).isEqualTo(1);
            // which of the two depends on when the loser read the episode: before the winner's commit or after
            assertThat(conflicts).singleElement().isIn("kaa.move.stale", "kaa.move.alreadyEnded");
        } finally {
            pool.shutdown();
        }
        assertThat(moves.history(old, person).moves()).hasSize(1);
        long open = kaa.person(one, person).episodes().size() + kaa.person(other, person).episodes().size();
        assertThat(open).isEqualTo(1);
    }

    @Test
    void aListThatNamesAnotherHomeMunicipalityHandsTheResponsibilityOverOnConfirmation() {
        Actor old = fixture.newMunicipalityOfItsOwn();
        Actor fresh = fixture.newMunicipalityOfItsOwn();
        var register = new KaaRegisterBuilder(old, imports, fixture, jdbc).person("Ada", "kvinna");
        UUID person = register.build()[0];
        String csv = "personnummer;förnamn;efternamn;situation;hemkommun\n" + register.pinOf(0)
                + ";Ada;Listsson;studiebevis;" + code(fresh) + "\n";
        var sv = java.util.Locale.forLanguageTag("sv");

        var preview = imports.upload(old, "lista.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), sv);
        assertThat(preview.closing()).singleElement()
                .satisfies(c -> assertThat(c.suggested()).isEqualTo(ExitReason.FLYTTAT));
        imports.confirm(old, preview.importId(), preview.digest(), Map.of(), sv);

        assertThat(kaa.person(old, person).episodes().get(0).exitReason()).isEqualTo(ExitReason.FLYTTAT);
        assertThat(kaa.person(fresh, person).openEpisode().orElseThrow().registrationReason())
                .isEqualTo(RegistrationReason.INFLYTTAD);
        assertThat(moves.history(fresh, person).moves()).singleElement()
                .satisfies(m -> assertThat(m.source()).isEqualTo(MoveSource.FOLKBOKFORINGEN));
        assertThat(jdbc.sql("SELECT municipality_code FROM registry_person WHERE id = ?").param(person)
                .query(String.class).single()).isEqualTo(code(fresh));
    }

    @Test
    void theNewMunicipalitysLetterDoesNotUseTheAddressTheOldOneHolds() {
        Actor old = fixture.newMunicipalityOfItsOwn();
        Actor fresh = fixture.newMunicipalityOfItsOwn();
        UUID person = register(old);
        move(old, person, code(fresh));
        UUID opened = kaa.person(fresh, person).openEpisode().orElseThrow().id();
        letters.saveSender(fresh, new se.lots.kaa.letter.LetterService.SenderInput("KAA\nBox 1\n111 11 Ort",
                "042-45 85 00"));
        UUID template = letters.activeTemplates(fresh).get(0).id();

        var preview = letters.preview(fresh, template, List.of(opened));

        assertThat(preview.recipients()).isEmpty();
        assertThat(preview.skipped()).singleElement().satisfies(skip -> assertThat(skip.reason())
                .isEqualTo(se.lots.kaa.letter.LetterSkip.NO_ADDRESS));
    }

    private UUID register(Actor coordinator) {
        var register = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc).person("Ada", "kvinna");
        UUID person = register.build()[0];
        register.registeredOn(person, LocalDate.now(clock).minusDays(60));
        return person;
    }

    private void move(Actor from, UUID person, String to) {
        KaaEpisode e = kaa.person(from, person).openEpisode().orElseThrow();
        moves.move(from, person, new KaaMoveService.MoveInput(e.id(), e.version(), to, LocalDate.now(clock).toString(),
                "UNGDOMEN"));
    }

    private String code(Actor actor) {
        return organisations.byId(actor.organisationId()).orElseThrow().municipalityCode().value();
    }

    private String municipalityName(Actor actor) {
        return reference.municipality(code(actor)).orElseThrow().name();
    }
}
