package se.lots.intervention.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static se.lots.intervention.InterventionBuilder.anIntervention;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import se.lots.IntegrationTest;
import se.lots.intervention.CatalogueService;
import se.lots.intervention.InterventionBuilder;
import se.lots.intervention.Need;
import se.lots.intervention.Provider;
import se.lots.intervention.ProviderInput;
import se.lots.intervention.catalogue.AgeBand;
import se.lots.intervention.catalogue.Intervention;
import se.lots.intervention.catalogue.InterventionKind;
import se.lots.intervention.catalogue.InterventionQuery;
import se.lots.intervention.catalogue.InterventionSummary;
import se.lots.organisation.PartyType;
import se.lots.reference.MunicipalityCode;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/**
 * The coverage map, overlaps and matching on hand-built catalogues with known answers. The matrix is filtered to a
 * provider made for the test, overlaps and matches to a municipality no other test uses, so the demo catalogue and
 * the other tests' entries do not disturb the counts.
 */
@IntegrationTest
class InterventionCoverageIntegrationTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final AgeBand YOUNG = AgeBand.BANDS.get(0);
    private static final AgeBand MIDDLE = AgeBand.BANDS.get(1);
    private static final AgeBand OLDER = AgeBand.BANDS.get(2);

    @Autowired
    CatalogueService catalogue;
    @Autowired
    CoverageService coverage;
    @Autowired
    CurrentActor actors;
    @Autowired
    MessageSource messages;
    @LocalServerPort
    int port;

    private static String marker() {
        return "cvmark" + SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 100_000;
    }

    private Actor forbund() {
        return actors.byUsername("forbund");
    }

    private Provider provider(String name, PartyType party) {
        return catalogue.saveProvider(forbund(), null, new ProviderInput(null, null, name, party.name(), null, null,
                null, null, null, null));
    }

    private Need need(String name) {
        return catalogue.needs().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private Intervention add(InterventionBuilder b) {
        return catalogue.create(forbund(), b.build());
    }

    @Test
    void matrixCountsInterventionsPerOverlappingBandAndNeedAndLeavesOutRetiredPastAndOlder() {
        String m = marker();
        Provider p = provider("Utförare " + m, PartyType.CIVIL_SOCIETY);
        Need npf = need("NPF-stöd");
        Need boende = need("Boende");
        Need sprak = need("Språk");
        add(anIntervention(p).named("A " + m).aged(18, 20).withNeeds(npf).places(10, 4).in("1214", "1282"));
        add(anIntervention(p).named("B " + m).aged(16, 16).withNeeds(npf, boende).places(null, null).in("1214"));
        add(anIntervention(p).named("C " + m).aged(29, 29).withNeeds(boende).places(5, 5).in("1214"));
        add(anIntervention(p).named("D " + m).aged(30, 35).withNeeds(npf).places(10, 0));
        Intervention e = add(anIntervention(p).named("E " + m).aged(20, 24).withNeeds(npf).places(10, 0));
        catalogue.retire(forbund(), e.id(), e.version());
        add(anIntervention(p).named("F " + m).aged(25, 29).withNeeds(sprak).places(10, 0)
                .valid("2020-01-01", "2020-12-31"));

        CoverageMatrix matrix = coverage.matrix(new CoverageFilter(null, null, p.id()));

        assertThat(matrix.cells()).hasSize(3 * matrix.needs().size());
        // A 18–20 counts in 16–19 and in 20–24 (overlap at both edges); B 16–16 in 16–19
        assertThat(matrix.cell(YOUNG, npf)).isEqualTo(new CoverageCell(YOUNG, npf, 2, 6, 1));
        assertThat(matrix.cell(MIDDLE, npf)).isEqualTo(new CoverageCell(MIDDLE, npf, 1, 6, 0));
        // D is 30–35: in no band; E (20–24) is retired
        assertThat(matrix.cell(OLDER, npf).interventions()).isZero();
        assertThat(matrix.cell(YOUNG, boende)).isEqualTo(new CoverageCell(YOUNG, boende, 1, 0, 1));
        assertThat(matrix.cell(MIDDLE, boende).gap()).isTrue();
        // C is full: counted, with no open place
        assertThat(matrix.cell(OLDER, boende)).isEqualTo(new CoverageCell(OLDER, boende, 1, 0, 0));
        // F's validity ended in 2020
        assertThat(matrix.cell(OLDER, sprak).gap()).isTrue();
        assertThat(matrix.cells().stream().mapToLong(CoverageCell::interventions).sum()).isEqualTo(5);
        assertThat(matrix.gaps()).isEqualTo(matrix.cells().size() - 4);

        var inLandskrona = coverage.matrix(new CoverageFilter(new MunicipalityCode("1282"), null, p.id()));
        assertThat(inLandskrona.cell(YOUNG, npf).interventions()).isEqualTo(1);
        assertThat(inLandskrona.cell(YOUNG, boende).interventions()).isZero();
        var municipal = coverage.matrix(new CoverageFilter(null, PartyType.KOMMUN, p.id()));
        assertThat(municipal.cells()).allMatch(CoverageCell::gap);
        var civil = coverage.matrix(new CoverageFilter(null, PartyType.CIVIL_SOCIETY, p.id()));
        assertThat(civil.cell(YOUNG, npf).interventions()).isEqualTo(2);
    }

    @Test
    void drillDownSearchFindsTheInterventionsOfACell() {
        String m = marker();
        Provider p = provider("Utförare " + m, PartyType.CIVIL_SOCIETY);
        Need npf = need("NPF-stöd");
        add(anIntervention(p).named("A " + m).aged(18, 20).withNeeds(npf));
        add(anIntervention(p).named("B " + m).aged(16, 16).withNeeds(npf));
        add(anIntervention(p).named("C " + m).aged(25, 29).withNeeds(npf));
        CoverageMatrix matrix = coverage.matrix(new CoverageFilter(null, null, p.id()));
        String link = matrix.drillDown(matrix.cell(MIDDLE, npf));
        assertThat(link).isEqualTo("/insatser?band=20-24&need=" + npf.id());

        var hits = catalogue.search(InterventionQuery.parse(m, null, List.of(String.valueOf(npf.id())), null, null,
                null, null, false, false, false, 0, "20-24"));
        assertThat(hits.items()).extracting(InterventionSummary::name).containsExactly("A " + m);
        var young = catalogue.search(InterventionQuery.parse(m, null, null, null, null, null, null, false, false,
                false, 0, "16-19"));
        assertThat(young.items()).extracting(InterventionSummary::name).containsExactly("A " + m, "B " + m);
    }

    @Test
    void overlapsAreSeveralProvidersWithTheSameKindForTheSameNeedBandAndMunicipality() {
        String m = marker();
        Need npf = need("NPF-stöd");
        Need sprak = need("Språk");
        Provider p1 = provider("Ett " + m, PartyType.KOMMUN);
        Provider p2 = provider("Två " + m, PartyType.CIVIL_SOCIETY);
        Provider p3 = provider("Tre " + m, PartyType.REGION);
        add(anIntervention(p1).named("P1a " + m).ofKind(InterventionKind.PRAKTIK).aged(18, 22).withNeeds(npf)
                .in("2584"));
        add(anIntervention(p1).named("P1b " + m).ofKind(InterventionKind.PRAKTIK).aged(20, 24).withNeeds(npf)
                .in("2584"));
        add(anIntervention(p2).named("P2 " + m).ofKind(InterventionKind.PRAKTIK).aged(20, 24).withNeeds(npf, sprak)
                .in("2584"));
        // another kind, another municipality: no overlap
        add(anIntervention(p3).named("P3 " + m).ofKind(InterventionKind.UTBILDNING).aged(20, 24).withNeeds(npf)
                .in("2584"));
        add(anIntervention(p3).named("P3b " + m).ofKind(InterventionKind.PRAKTIK).aged(20, 24).withNeeds(npf)
                .in("2583"));

        var found = coverage.overlaps(new CoverageFilter(new MunicipalityCode("2584"), null, null)).stream()
                .filter(o -> o.offers().stream().anyMatch(x -> x.contains(m))).toList();

        assertThat(found).hasSize(1);
        var o = found.get(0);
        assertThat(o.municipality().code()).isEqualTo(new MunicipalityCode("2584"));
        assertThat(o.need()).isEqualTo(npf);
        assertThat(o.kind()).isEqualTo(InterventionKind.PRAKTIK);
        assertThat(o.band()).isEqualTo(MIDDLE);
        assertThat(o.providers()).isEqualTo(2);
        assertThat(o.offers()).containsExactly("Ett " + m + ": P1a " + m, "Ett " + m + ": P1b " + m,
                "Två " + m + ": P2 " + m);
    }

    @Test
    void matchForKeepsAgeBoundsInclusiveNeedsCapacityAndMunicipalityAndPutsTheBestFitFirst() {
        String m = marker();
        Provider p = provider("Utförare " + m, PartyType.CIVIL_SOCIETY);
        Need npf = need("NPF-stöd");
        Need boende = need("Boende");
        Need sprak = need("Språk");
        String pitea = "2581";
        MunicipalityCode inPitea = new MunicipalityCode(pitea);
        add(anIntervention(p).named("M1 " + m).aged(19, 25).withNeeds(npf).places(10, 2).waiting(30).in(pitea));
        add(anIntervention(p).named("M2 " + m).aged(16, 19).withNeeds(npf, boende).places(null, null).waiting(60)
                .in(pitea));
        add(anIntervention(p).named("M3 " + m).aged(20, 29).withNeeds(npf).in(pitea));
        add(anIntervention(p).named("M4 " + m).aged(16, 18).withNeeds(npf).in(pitea));
        add(anIntervention(p).named("M5 " + m).aged(16, 29).withNeeds(npf).places(5, 5).in(pitea));
        add(anIntervention(p).named("M6 " + m).aged(16, 29).withNeeds(sprak).places(5, 0).in(pitea));
        add(anIntervention(p).named("M7 " + m).aged(16, 29).withNeeds(npf).places(5, 0).in("1214"));
        Intervention retired = add(anIntervention(p).named("M8 " + m).aged(16, 29).withNeeds(npf).in(pitea));
        catalogue.retire(forbund(), retired.id(), retired.version());
        add(anIntervention(p).named("M9 " + m).aged(16, 29).withNeeds(npf).places(3, 0).waiting(5).in(pitea));

        List<Match> matches = mine(coverage.matchFor(19, inPitea, Set.of("NPF_STOD", "BOENDE"), 100), m);

        assertThat(matches).extracting(Match::name).containsExactly("M2 " + m, "M9 " + m, "M1 " + m);
        Match m1 = matches.get(2);
        assertThat(m1.matchedNeeds()).containsExactly(npf);
        assertThat(m1.reasons().stream().map(r -> messages.getMessage(r, SWEDISH)))
                .containsExactly("Åldern 19 ryms i 19–25 år", "Finns i Piteå kommun", "Möter behovet NPF-stöd",
                        "8 lediga platser", "Väntetid 30 dagar");
        assertThat(matches.get(0).matchedNeeds()).containsExactlyInAnyOrder(npf, boende);
        assertThat(matches.get(0).reasons()).extracting(Match.Reason::key).contains("match.reason.capacityUnknown");

        // no needs: every need; M6 (Språk) too
        assertThat(mine(coverage.matchFor(19, inPitea, Set.of(), 100), m)).extracting(Match::name)
                .contains("M6 " + m).doesNotContain("M3 " + m, "M4 " + m, "M5 " + m, "M7 " + m, "M8 " + m);
        // no municipality: M7 in Svalöv too
        assertThat(mine(coverage.matchFor(19, null, Set.of("NPF_STOD"), 1000), m)).extracting(Match::name)
                .contains("M7 " + m);
        // the other edges of the age bounds
        assertThat(mine(coverage.matchFor(25, inPitea, Set.of("NPF_STOD"), 100), m)).extracting(Match::name)
                .contains("M1 " + m).doesNotContain("M2 " + m);
        assertThat(mine(coverage.matchFor(26, inPitea, Set.of("NPF_STOD"), 100), m)).extracting(Match::name)
                .doesNotContain("M1 " + m);
        assertThat(coverage.matchFor(19, inPitea, Set.of("NO_SUCH_NEED"), 100)).isEmpty();
        assertThat(mine(coverage.matchFor(19, inPitea, Set.of("NPF_STOD", "BOENDE"), 2), m))
                .hasSizeLessThanOrEqualTo(2);
    }

    private static List<Match> mine(List<Match> matches, String marker) {
        return matches.stream().filter(x -> x.name().endsWith(marker)).toList();
    }

    @Test
    void theMapAndItsViewsRenderForStaffAndNeedALogin() throws Exception {
        var anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var response = anonymous.send(HttpRequest.newBuilder(URI.create(base() + "/insatser/karta")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(302, 401);

        HttpClient http = loggedIn("forbund");
        String map = get(http, "/insatser/karta?area=1214");
        assertThat(map).contains("role=\"img\"", "<title id=\"coverage-svg-title\"", "<desc", "id=\"coverage-legend\"",
                "<th scope=\"row\" class=\"govuk-table__header\">NPF-stöd</th>", "/insatser?band=20-24&amp;need=",
                "&amp;area=1214");
        // the map's own <title> names the image only, not the page too
        assertThat(map.substring(0, map.indexOf("</head>"))).doesNotContain("coverage-svg-title");
        assertThat(get(http, "/insatser/karta/aktorer")).contains("Aktörer per insats");
        assertThat(get(http, "/insatser/karta/parter?party=KOMMUN")).contains("id=\"parties-table\"");
        assertThat(get(http, "/insatser/karta/overlapp")).contains("Överlapp");
        assertThat(get(http, "/insatser?band=20-24")).contains("id=\"band-filter\"");
    }

    @Test
    void theApiGivesTheMatrixAsJsonWithoutLogin() throws Exception {
        String m = marker();
        Provider p = provider("Utförare " + m, PartyType.CIVIL_SOCIETY);
        add(anIntervention(p).named("A " + m).aged(18, 20).withNeeds(need("Motivation")).places(7, 2).in("2580"));
        var anonymous = HttpClient.newHttpClient();
        var response = anonymous.send(HttpRequest.newBuilder(URI.create(base()
                + "/api/v1/interventions/coverage?area=2580&party=CIVIL_SOCIETY")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
        assertThat(json.get("municipalityCode").asString()).isEqualTo("2580");
        assertThat(json.get("bands").toString()).isEqualTo("[\"16-19\",\"20-24\",\"25-29\"]");
        int motivation = 0;
        for (var cell : json.get("cells")) {
            if (cell.get("needCode").asString().equals("MOTIVATION")) {
                motivation++;
                boolean older = cell.get("band").asString().equals("25-29");
                // only this test uses Luleå (2580)
                assertThat(cell.get("interventions").asLong()).isEqualTo(older ? 0 : 1);
                assertThat(cell.get("openPlaces").asLong()).isEqualTo(older ? 0 : 5);
            }
        }
        assertThat(motivation).isEqualTo(3);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A client logged in through the login form, as a browser would. */
    HttpClient loggedIn(String username) throws IOException, InterruptedException {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(http, "/login"));
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=lots-demo-2026&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return http;
    }

    String get(HttpClient http, String path) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
