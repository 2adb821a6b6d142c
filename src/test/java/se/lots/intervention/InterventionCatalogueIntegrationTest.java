package se.lots.intervention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.intervention.InterventionBuilder.anIntervention;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.intervention.catalogue.CatalogueIndex;
import se.lots.intervention.catalogue.Intervention;
import se.lots.intervention.catalogue.InterventionHits;
import se.lots.intervention.catalogue.InterventionKind;
import se.lots.intervention.catalogue.InterventionQuery;
import se.lots.intervention.catalogue.InterventionSummary;
import se.lots.intervention.catalogue.ProviderVersion;
import se.lots.intervention.publiccatalogue.PublicCatalogue;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;

/**
 * The catalogue against the real schema: facet search (age bounds, needs, capacity, KAA, free text, counts),
 * versions, stale saves, who may write, Swedish field errors, retiring, and the public catalogue without login.
 * Each test marks its own interventions with a made-up word and searches for it, so the demo catalogue and the
 * other tests' entries do not disturb the counts.
 */
@IntegrationTest
class InterventionCatalogueIntegrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    @Autowired
    CatalogueService catalogue;
    @Autowired
    PublicCatalogue publicCatalogue;
    @Autowired
    CatalogueIndex index;
    @Autowired
    CurrentActor actors;
    @Autowired
    MessageSource messages;
    @Autowired
    se.lots.plan.EnrolmentService enrolments;
    @Autowired
    se.lots.registry.RegistryService registry;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static String marker() {
        return "zqxmark" + SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 100_000;
    }

    private Actor forbund() {
        return actors.byUsername("forbund");
    }

    private Provider civilSociety(String marker) {
        return catalogue.saveProvider(forbund(), null, new ProviderInput(null, null, "Föreningen " + marker,
                "CIVIL_SOCIETY", "Kalle Kontaktsson", "0418-123 45", "info@example.se", "Storgatan 1, Svalöv",
                "Mån–fre 9–16", null));
    }

    private Need need(String name) {
        return catalogue.needs().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private InterventionQuery text(String text) {
        return new InterventionQuery(text, null, null, null, null, null, null, false, false, false, 0);
    }

    private InterventionQuery aged(String text, int age) {
        return new InterventionQuery(text, age, null, null, null, null, null, false, false, false, 0);
    }

    private InterventionQuery fromProvider(Provider p, String text) {
        return new InterventionQuery(text, null, null, null, List.of(p.id()), null, null, false, false, false, 0);
    }

    private static List<String> names(InterventionHits hits) {
        return hits.items().stream().map(InterventionSummary::name).toList();
    }

    @Test
    void ageBoundsAreInclusive() {
        String m = marker();
        catalogue.create(forbund(), anIntervention(civilSociety(m)).named("Ung " + m).aged(16, 29).build());

        assertThat(names(catalogue.search(aged(m, 16)))).containsExactly("Ung " + m);
        assertThat(names(catalogue.search(aged(m, 29)))).containsExactly("Ung " + m);
        assertThat(names(catalogue.search(aged(m, 30)))).isEmpty();
        assertThat(names(catalogue.search(aged(m, 15)))).isEmpty();
    }

    /** A provider's every change is kept: who, when, which fields, the whole content; a refused save adds none. */
    @Test
    void everyChangeOfAProviderIsAVersionWithTheFieldsThatChanged() {
        String marker = marker();
        Provider p = civilSociety(marker);
        Provider phoned = catalogue.saveProvider(forbund(), p.id(), new ProviderInput(null, null, p.name(),
                "CIVIL_SOCIETY", "Kalle Kontaktsson", "0418-999 99", "info@example.se", "Storgatan 1, Svalöv",
                "Mån–tors 9–16", p.version()));
        assertThatThrownBy(() -> catalogue.saveProvider(forbund(), p.id(), new ProviderInput(null, null, p.name(),
                "CIVIL_SOCIETY", null, null, null, null, null, p.version())))
                .isInstanceOf(ConflictException.class);

        var history = catalogue.providerHistory(p.id());
        assertThat(history).extracting(ProviderVersion::version).containsExactly(phoned.version(), p.version());
        assertThat(history.get(0).changedFields()).containsExactly("openingHours", "phone");
        assertThat(history.get(0).content()).contains("0418-999 99", "Mån–tors 9–16").doesNotContain("0418-123 45");
        assertThat(history.get(0).changedByName()).isEqualTo(forbund().displayName());
        assertThat(history.get(1).changedFields()).contains("name", "partyType", "phone", "contactName");
        assertThat(history.get(1).content()).contains("0418-123 45", "Föreningen " + marker);
    }

    @Test
    void needsFilterAnyOfTheChosenAndFacetsCountWhatEachChoiceWouldGive() {
        String m = marker();
        Provider p = civilSociety(m);
        Need npf = need("NPF-stöd");
        Need boende = need("Boende");
        Need sprak = need("Språk");
        catalogue.create(forbund(), anIntervention(p).named("A " + m).ofKind(InterventionKind.PRAKTIK)
                .withNeeds(npf).build());
        catalogue.create(forbund(), anIntervention(p).named("B " + m).ofKind(InterventionKind.UTBILDNING)
                .withNeeds(boende, npf).build());
        catalogue.create(forbund(), anIntervention(p).named("C " + m).ofKind(InterventionKind.PRAKTIK)
                .withNeeds(sprak).build());

        var hits = catalogue.search(new InterventionQuery(m, null, List.of(npf.id()), null, null, null, null, false,
                false, false, 0));

        assertThat(names(hits)).containsExactly("A " + m, "B " + m);
        assertThat(hits.total()).isEqualTo(2);
        // the need facet ignores its own choice: choosing Språk instead would give 1
        assertThat(hits.count("need", npf.id())).isEqualTo(2);
        assertThat(hits.count("need", boende.id())).isEqualTo(1);
        assertThat(hits.count("need", sprak.id())).isEqualTo(1);
        // the other facets count within the chosen need
        assertThat(hits.count("kind", "PRAKTIK")).isEqualTo(1);
        assertThat(hits.count("kind", "UTBILDNING")).isEqualTo(1);
        assertThat(hits.count("provider", p.id())).isEqualTo(2);
        assertThat(hits.count("party", "CIVIL_SOCIETY")).isEqualTo(2);
        assertThat(hits.count("area", "1214")).isEqualTo(2);

        var twoNeeds = catalogue.search(new InterventionQuery(m, null, List.of(boende.id(), sprak.id()), null, null,
                null, null, false, false, false, 0));
        assertThat(names(twoNeeds)).containsExactly("B " + m, "C " + m);
    }

    @Test
    void openCapacityAndKaaFacetsKeepOnlyWhatTheySay() {
        String m = marker();
        Provider p = civilSociety(m);
        catalogue.create(forbund(), anIntervention(p).named("Full " + m).places(5, 5).kaaMeasure().build());
        catalogue.create(forbund(), anIntervention(p).named("Ledig " + m).places(5, 2).build());
        catalogue.create(forbund(), anIntervention(p).named("Okänd " + m).places(null, null).build());

        var all = catalogue.search(text(m));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.count("open", "true")).isEqualTo(1);
        assertThat(all.count("kaa", "true")).isEqualTo(1);
        var ledig = all.items().stream().filter(i -> i.name().startsWith("Ledig")).findFirst().orElseThrow();
        assertThat(ledig.openPlaces()).isEqualTo(3);

        var open = catalogue.search(new InterventionQuery(m, null, null, null, null, null, null, true, false, false,
                0));
        assertThat(names(open)).containsExactly("Ledig " + m);
        var kaa = catalogue.search(new InterventionQuery(m, null, null, null, null, null, null, false, true, false,
                0));
        assertThat(names(kaa)).containsExactly("Full " + m);
        // within KAA measures only, none has open places
        assertThat(kaa.count("open", "true")).isZero();
    }

    @Test
    void freeTextMatchesPartsOfWordsAndSwedishWordForms() {
        String m = marker();
        Provider p = civilSociety(m);
        catalogue.create(forbund(), anIntervention(p).named("Ungdomsgruppen " + m)
                .described("Vi pratar om framtiden.").build());
        catalogue.create(forbund(), anIntervention(p).named("Simklubben " + m).described("Simning varje tisdag.")
                .build());

        assertThat(names(catalogue.search(text("ungdomsgrupp")))).contains("Ungdomsgruppen " + m)
                .doesNotContain("Simklubben " + m);
        // "framtidens" is another form of "framtiden": found through the Swedish full-text configuration
        assertThat(names(catalogue.search(fromProvider(p, "framtidens")))).containsExactly("Ungdomsgruppen " + m);
        assertThat(names(catalogue.search(fromProvider(p, "simningen")))).containsExactly("Simklubben " + m);
        assertThat(names(catalogue.search(fromProvider(p, "100%_")))).isEmpty();
    }

    @Test
    void everySaveWritesAVersionWithWhoAndWhichFields() {
        String m = marker();
        Provider p = civilSociety(m);
        Intervention created = catalogue.create(forbund(), anIntervention(p).named("Version " + m).places(5, 1)
                .build());
        Intervention renamed = catalogue.update(forbund(), created.id(), anIntervention(p).named("Versionen " + m)
                .places(5, 1).atVersion(created.version()).build());
        Actor admin = actors.byUsername("demoadmin");
        Intervention bigger = catalogue.update(admin, created.id(), anIntervention(p).named("Versionen " + m)
                .places(8, 1).atVersion(renamed.version()).build());

        assertThat(bigger.capacity()).isEqualTo(8);
        var history = catalogue.history(created.id());
        assertThat(history).hasSize(3);
        assertThat(history.get(0).version()).isEqualTo(bigger.version());
        assertThat(history.get(0).changedByName()).isEqualTo("Diana Admin");
        assertThat(history.get(0).changedFields()).containsExactly("capacity");
        assertThat(history.get(0).content()).contains("\"capacity\": 8");
        assertThat(history.get(1).changedByName()).isEqualTo("Fredrik Öberg");
        assertThat(history.get(1).changedFields()).containsExactly("name");
        assertThat(history.get(1).content()).contains("Versionen " + m);
        assertThat(history.get(2).changedFields()).contains("name", "capacity");
    }

    @Test
    void aStaleSaveIsRefusedAndOverwritesNothing() {
        String m = marker();
        Provider p = civilSociety(m);
        Intervention opened = catalogue.create(forbund(), anIntervention(p).named("Krock " + m).places(5, 0)
                .build());
        catalogue.update(actors.byUsername("demoadmin"), opened.id(), anIntervention(p).named("Krock " + m)
                .places(6, 0).atVersion(opened.version()).build());

        assertThatThrownBy(() -> catalogue.update(forbund(), opened.id(), anIntervention(p).named("Krock " + m)
                .places(9, 0).atVersion(opened.version()).build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("intervention.stale");
                    assertThat(messages.getMessage(e.messageKey(), null, SWEDISH))
                            .startsWith("Någon annan har sparat insatsen");
                });
        assertThat(catalogue.intervention(opened.id()).capacity()).isEqualTo(6);
        assertThat(catalogue.history(opened.id())).hasSize(2);
    }

    @Test
    void aProgrammeLeadKeepsTheOwnOrganisationsInterventionsOnly() {
        String m = marker();
        Actor lead = actors.byUsername("insatsledare");
        Provider other = civilSociety(m);
        Intervention notTheirs = catalogue.create(forbund(), anIntervention(other).named("Annans " + m).build());
        Provider own = catalogue.saveProvider(lead, null, new ProviderInput(String.valueOf(lead.organisationId()),
                null, "AME " + m, null, null, null, null, null, null, null));
        Intervention theirs = catalogue.create(lead, anIntervention(own).named("Egen " + m).build());

        assertThatThrownBy(() -> catalogue.update(lead, notTheirs.id(), anIntervention(other).named("Kapad " + m)
                .atVersion(notTheirs.version()).build())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.retire(lead, notTheirs.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.create(lead, anIntervention(other).named("Ny " + m).build()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).contains("providerId"));
        assertThat(catalogue.intervention(notTheirs.id()).name()).isEqualTo("Annans " + m);

        var saved = catalogue.update(lead, theirs.id(), anIntervention(own).named("Egen ändrad " + m)
                .atVersion(theirs.version()).build());
        assertThat(saved.name()).isEqualTo("Egen ändrad " + m);
        assertThatThrownBy(() -> catalogue.create(actors.byUsername("coach"), anIntervention(own).build()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void occupancyOfAnInterventionLinkedToAProgrammeIsItsOpenEnrolments() {
        String m = marker();
        Actor lead = actors.byUsername("insatsledare");
        Actor coach = actors.byUsername("coach");
        long programme = enrolments.saveProgramme(lead, "Program " + m);
        Provider own = catalogue.saveProvider(lead, null, new ProviderInput(String.valueOf(lead.organisationId()),
                null, "Programutförare " + m, null, null, null, null, null, null, null));
        Intervention i = catalogue.create(lead, anIntervention(own).named("Räknad " + m).places(2, 1)
                .linkedTo(programme).build());
        assertThat(i.occupancyDerived()).isTrue();
        assertThat(i.occupancy()).isZero();
        var enrolled = new java.util.ArrayList<se.lots.plan.Enrolment>();
        for (int n = 0; n < 2; n++) {
            var person = registry.register(coach, se.lots.registry.PersonBuilder.aYoungPerson()
                    .named("Räknad", "Deltagare").build()).id();
            enrolled.add(enrolments.enrol(coach, person, new se.lots.plan.EnrolmentInput(String.valueOf(programme),
                    "2026-01-10", null, null, "Test")));
        }
        var open = new InterventionQuery(m, null, null, null, null, null, null, true, false, false, 0);

        assertThat(catalogue.intervention(i.id()).occupancy()).isEqualTo(2);
        assertThat(catalogue.search(text(m)).items().get(0).occupancy()).isEqualTo(2);
        assertThat(catalogue.search(open).total()).isZero();

        enrolments.discharge(coach, enrolled.get(0).id(), "2026-02-01", "ARBETE", enrolled.get(0).version());

        assertThat(catalogue.intervention(i.id()).openPlaces()).isEqualTo(1);
        assertThat(names(catalogue.search(open))).containsExactly("Räknad " + m);
    }

    @Test
    void wrongNumbersAreRefusedInSwedishNamingTheField() {
        String m = marker();
        Provider p = civilSociety(m);
        var input = anIntervention(p).named("Fel " + m).aged(25, 18).places(-3, null).build();

        assertThatThrownBy(() -> catalogue.create(forbund(), input))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    Map<String, String> texts = e.texts(messages, SWEDISH);
                    assertThat(texts.get("ageMin")).isEqualTo("Lägsta ålder (25) kan inte vara högre än högsta ålder (18).");
                    assertThat(texts.get("capacity")).isEqualTo("Kapacitet (platser) kan inte vara ett negativt tal.");
                });
        assertThat(catalogue.search(text(m)).total()).isZero();
    }

    @Test
    void aRetiredInterventionLeavesSearchAndThePublicCatalogueButStaysInHistory() {
        String m = marker();
        Provider p = civilSociety(m);
        Intervention i = catalogue.create(forbund(), anIntervention(p).named("Slutar " + m).build());
        assertThat(names(publicCatalogue.search(text(m)))).containsExactly("Slutar " + m);

        catalogue.retire(forbund(), i.id(), i.version());

        assertThat(catalogue.search(text(m)).total()).isZero();
        assertThat(publicCatalogue.search(text(m)).total()).isZero();
        assertThatThrownBy(() -> publicCatalogue.intervention(i.id())).isInstanceOf(NotFoundException.class);
        var withInactive = catalogue.search(new InterventionQuery(m, null, null, null, null, null, null, false, false,
                true, 0));
        assertThat(names(withInactive)).containsExactly("Slutar " + m);
        var history = catalogue.history(i.id());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).changedFields()).contains("retired");
    }

    @Test
    void thePublicCatalogueIsCachedAndSeesEveryChange() {
        String m = marker();
        Provider p = civilSociety(m);
        Intervention i = catalogue.create(forbund(), anIntervention(p).named("Cache " + m).build());
        // by provider, not by free text (free-text searches are not cached) nor all (other tests' rows come first)
        var query = new InterventionQuery(null, null, null, null, List.of(p.id()), null, null, false, false, false, 0);
        assertThat(names(publicCatalogue.search(query))).contains("Cache " + m);
        assertThat(publicCatalogue.search(query)).isSameAs(publicCatalogue.search(query));

        catalogue.update(forbund(), i.id(), anIntervention(p).named("Cachad " + m).atVersion(i.version()).build());

        assertThat(names(publicCatalogue.search(query))).contains("Cachad " + m).doesNotContain("Cache " + m);
    }

    @Test
    void thePublicListPageIsServedFromItsCacheUntilTheCatalogueChangesAlsoThroughPlainSql() throws Exception {
        String m = marker();
        Provider p = civilSociety(m);
        Intervention i = catalogue.create(forbund(), anIntervention(p).named("Sida " + m).build());
        String path = "/katalog?provider=" + p.id();

        var first = get(path);
        var second = get(path);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Lots-Page-Cache")).isEmpty();
        assertThat(second.headers().firstValue("X-Lots-Page-Cache")).hasValue("hit");
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(second.body()).isEqualTo(first.body()).contains("Sida " + m);
        // a free-text search is rendered every time
        assertThat(get("/katalog?q=" + m).headers().firstValue("X-Lots-Page-Cache")).isEmpty();
        assertThat(get("/katalog?q=" + m).headers().firstValue("X-Lots-Page-Cache")).isEmpty();

        catalogue.update(forbund(), i.id(), anIntervention(p).named("Sidan " + m).atVersion(i.version()).build());
        var afterSave = get(path);
        assertThat(afterSave.headers().firstValue("X-Lots-Page-Cache")).isEmpty();
        assertThat(afterSave.body()).contains("Sidan " + m).doesNotContain("Sida " + m + "<");

        // written past the application (psql, an import script): seen at once through the change stamp (V22)
        jdbc.sql("UPDATE intervention SET name = ? WHERE id = ?").params("Sidorna " + m, i.id()).update();
        assertThat(get(path).body()).contains("Sidorna " + m);
        assertThat(get(path).headers().firstValue("X-Lots-Page-Cache")).hasValue("hit");
    }

    @Test
    void thePublicPageAndApiNeedNoLoginAndShowNoPersonalData() throws IOException, InterruptedException {
        String m = marker();
        Provider p = civilSociety(m);
        Intervention i = catalogue.create(forbund(), anIntervention(p).named("Öppen " + m).build());

        var list = get("/katalog?q=" + m);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(list.body()).contains("Öppen " + m).contains("lang=\"sv\"")
                .doesNotContain("Kalle Kontaktsson").doesNotContain("Fredrik Öberg");

        var page = get("/katalog/" + i.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        assertThat(page.body()).contains("Öppen " + m).contains("0418-123 45").contains("info@example.se")
                .doesNotContain("Kalle Kontaktsson").doesNotContain("Fredrik Öberg");

        var api = get("/api/v1/interventions?q=" + m);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("Öppen " + m).doesNotContain("Kalle").doesNotContain("contactName");
        var one = get("/api/v1/interventions/" + i.id());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("info@example.se").doesNotContain("Kalle");

        var glossary = get("/katalog/begrepp");
        assertThat(glossary.statusCode()).isEqualTo(200);
        assertThat(glossary.body()).contains("id=\"kind-PRAKTIK\"").contains("Tid på en arbetsplats för att pröva ett yrke")
                .contains("href=\"/katalog\"");

        assertThat(get("/insatser").statusCode()).isEqualTo(302);
        var write = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/interventions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSavedInterventionIsInTheIndexBeforeAnyoneSearches() {
        Provider p = catalogue.saveProvider(actors.byUsername("forbund"), null, new ProviderInput(null, null,
                "Förvärmd " + System.nanoTime(), "CIVIL_SOCIETY", null, null, null, null, null, null));
        assertThat(index.loadedStamp()).as("the writer reloaded the index after its commit").isEqualTo(index.stamp());
        catalogue.create(actors.byUsername("forbund"), InterventionBuilder.anIntervention(p).named("Förvärmd").build());
        assertThat(index.loadedStamp()).isEqualTo(index.stamp());
    }
}
