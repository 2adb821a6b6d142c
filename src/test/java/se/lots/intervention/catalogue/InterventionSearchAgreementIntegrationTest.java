package se.lots.intervention.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.benchmark.InterventionCatalogueGenerator;
import se.lots.intervention.Need;
import se.lots.intervention.coverage.Coverage;
import se.lots.intervention.coverage.CoverageFilter;
import se.lots.intervention.coverage.CoverageRows;
import se.lots.intervention.coverage.CoverageSql;
import se.lots.organisation.PartyType;
import se.lots.reference.MunicipalityCode;
import se.lots.security.CurrentActor;

/**
 * The in-memory search and coverage matrix give exactly what the SQL statements give (the oracles
 * {@link InterventionSearchSql}, {@link CoverageSql}) for random facet combinations over a generated catalogue;
 * and rows written past the application (plain SQL, as the generator does) are seen at once, through the change
 * stamp of V22.
 */
@IntegrationTest
class InterventionSearchAgreementIntegrationTest {

    private static final String[] WORDS = { "arbete", "praktik", "samtal", "boende", "språk", "mentor", "insats 1" };

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;
    @Autowired
    CurrentActor actors;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InterventionSearch search;
    @Autowired
    Coverage coverage;
    @Autowired
    Needs needs;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void theIndexGivesTheSameHitsAndCountsAsTheSqlForRandomSearches() {
        var sql = new InterventionSearchSql(jdbc);
        LocalDate today = LocalDate.now(clock);
        // loaded before the generation: the rows below are written past the application and must still be seen
        search.search(InterventionQuery.all(), today);
        var generator = new InterventionCatalogueGenerator(owner);
        generator.generate(actors.byUsername("forbund").userId(), 30, 400, 7, "agree" + System.nanoTime() % 100000);
        List<Long> needIds = needs.all().stream().map(Need::id).toList();
        List<Long> providerIds = jdbc.sql("SELECT id FROM provider ORDER BY id").query(Long.class).list();
        var random = new Random(99);
        int withHits = 0;
        for (int i = 0; i < 300; i++) {
            InterventionQuery q = randomQuery(random, needIds, providerIds);
            InterventionHits expected = sql.search(q, today);
            InterventionHits actual = search.search(q, today);
            assertThat(actual.items()).as(q.toString()).isEqualTo(expected.items());
            assertThat(actual.total()).as(q.toString()).isEqualTo(expected.total());
            for (String facet : List.of("kind", "provider", "party", "need", "area", "open", "kaa", "total")) {
                assertThat(actual.facets().getOrDefault(facet, java.util.Map.of())).as(facet + " of " + q)
                        .isEqualTo(expected.facets().getOrDefault(facet, java.util.Map.of()));
            }
            if (expected.total() > 0) {
                withHits++;
            }
        }
        // the random searches are not all empty (which would make the comparison say little)
        assertThat(withHits).isGreaterThan(100);
    }

    @Test
    void theMatrixFromTheIndexIsTheSqlMatrix() {
        LocalDate today = LocalDate.now(clock);
        coverage.matrix(CoverageFilter.all(), today, activeNeeds());
        new InterventionCatalogueGenerator(owner).generate(actors.byUsername("forbund").userId(), 20, 300, 11,
                "agreeMap" + System.nanoTime() % 100000);
        long provider = jdbc.sql("SELECT max(provider_id) FROM intervention").query(Long.class).single();
        for (CoverageFilter f : List.of(CoverageFilter.all(), new CoverageFilter(new MunicipalityCode("1214"), null,
                null),
                new CoverageFilter(null, PartyType.KOMMUN, null), new CoverageFilter(new MunicipalityCode("0180"),
                PartyType.REGION, null),
                new CoverageFilter(null, null, provider))) {
            assertThat(coverage.matrix(f, today, activeNeeds())).as(f.toString())
                    .isEqualTo(CoverageSql.matrix(jdbc, f, today));
        }
        assertThat(coverage.matrix(CoverageFilter.all(), today, activeNeeds()).stream()
                .mapToLong(CoverageRows.CellRow::interventions).sum()).isGreaterThan(300);
    }

    @Test
    void theProviderDropDownListsAtMostAHundredProvidersAndSaysHowManyThereAre() throws Exception {
        new InterventionCatalogueGenerator(owner).generate(actors.byUsername("forbund").userId(), 120, 360, 13,
                "agreeFacet" + System.nanoTime() % 100000);
        long withHits = jdbc.sql("""
                SELECT count(DISTINCT provider_id) FROM intervention
                 WHERE NOT retired AND (valid_to IS NULL OR valid_to >= ?)
                   AND (valid_from IS NULL OR valid_from <= ?)""").params(LocalDate.now(clock), LocalDate.now(clock))
                .query(Long.class).single();
        assertThat(withHits).isGreaterThan(FacetView.PROVIDER_OPTIONS);

        String page = anonymous("/katalog");
        String select = page.substring(page.indexOf("<select id=\"facet-provider\""));
        select = select.substring(0, select.indexOf("</select>"));
        assertThat(select.split("<option", -1).length - 1).isEqualTo(1);
        assertThat(select).contains("aria-describedby=\"facet-narrow\"");
        assertThat(page).contains("id=\"facet-narrow\"").contains(withHits + " utförare har träffar");

        long chosen = jdbc.sql("SELECT max(provider_id) FROM intervention").query(Long.class).single();
        String narrowed = anonymous("/katalog?provider=" + chosen);
        assertThat(narrowed).contains("<option value=\"" + chosen + "\" selected=\"selected\"");
    }

    private String anonymous(String path) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private List<Long> activeNeeds() {
        return needs.all().stream().filter(Need::active).map(Need::id).toList();
    }

    private static InterventionQuery randomQuery(Random r, List<Long> needIds, List<Long> providerIds) {
        Integer age = r.nextInt(2) == 0 ? null : 14 + r.nextInt(20);
        var chosen = new ArrayList<Long>();
        for (int n = r.nextInt(3); n > 0; n--) {
            chosen.add(needIds.get(r.nextInt(needIds.size())));
        }
        var kinds = r.nextInt(3) == 0 ? List.of(InterventionKind.values()[r.nextInt(5)]) : List.<InterventionKind>of();
        var providers = r.nextInt(8) == 0 ? List.of(providerIds.get(r.nextInt(providerIds.size())))
                : List.<Long>of();
        var parties = r.nextInt(4) == 0 ? List.of(PartyType.values()[r.nextInt(PartyType.values().length)])
                : List.<PartyType>of();
        var areas = r.nextInt(2) == 0 ? List.of(InterventionCatalogueGenerator.MUNICIPALITIES.get(
                r.nextInt(InterventionCatalogueGenerator.MUNICIPALITIES.size()))) : List.<String>of();
        String text = r.nextInt(6) == 0 ? WORDS[r.nextInt(WORDS.length)] : null;
        AgeBand band = r.nextInt(6) == 0 ? AgeBand.BANDS.get(r.nextInt(3)) : null;
        return new InterventionQuery(text, age, chosen.stream().distinct().toList(), kinds, providers, parties, areas,
                r.nextInt(5) == 0, r.nextInt(10) == 0, r.nextInt(8) == 0, r.nextInt(10) == 0 ? 1 : 0, band);
    }
}
