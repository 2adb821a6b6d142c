package se.lots.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.intervention.coverage.CoverageFilter;
import se.lots.intervention.coverage.CoverageService;
import se.lots.reference.MunicipalityCode;
import se.lots.security.CurrentActor;

/** The intervention benchmark's generator at smoke size: the rows asked for, valid links, the same seed twice alike. */
@IntegrationTest
class InterventionBenchmarkSmokeIntegrationTest {

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CoverageService coverage;

    @Test
    void generatesTheProvidersAndInterventionsAskedForWithNeedsAndMunicipalitiesRepeatably() {
        long user = actors.byUsername("forbund").userId();
        var generator = new InterventionCatalogueGenerator(owner);
        var a = generator.generate(user, 20, 300, 42, "smokeA");
        var b = generator.generate(user, 20, 300, 42, "smokeB");

        assertThat(a.providers()).isEqualTo(20);
        assertThat(a.interventions()).isEqualTo(300);
        assertThat(a.needLinks()).isBetween(300L, 900L);
        assertThat(a.municipalityLinks()).isBetween(300L, 900L);
        assertThat(b.needLinks()).isEqualTo(a.needLinks());
        assertThat(b.municipalityLinks()).isEqualTo(a.municipalityLinks());
        long withoutNeed = jdbc.sql("""
                SELECT count(*) FROM intervention i WHERE i.name LIKE 'Bench smokeA insats %'
                   AND (NOT EXISTS (SELECT 1 FROM intervention_need n WHERE n.intervention_id = i.id)
                        OR NOT EXISTS (SELECT 1 FROM intervention_municipality m WHERE m.intervention_id = i.id))""")
                .query(Long.class).single();
        assertThat(withoutNeed).isZero();
        String shape = """
                SELECT string_agg(kind || age_min || '-' || age_max || coalesce(capacity, -1) || retired, ',' ORDER BY id)
                  FROM intervention WHERE name LIKE 'Bench ' || ? || ' insats %'""";
        assertThat(jdbc.sql(shape).param("smokeA").query(String.class).single())
                .isEqualTo(jdbc.sql(shape).param("smokeB").query(String.class).single());
        long older = jdbc.sql("SELECT count(*) FROM intervention WHERE name LIKE 'Bench smokeA insats %'"
                + " AND age_min >= 30").query(Long.class).single();
        long kinds = jdbc.sql("SELECT count(DISTINCT kind) FROM intervention WHERE name LIKE 'Bench smokeA insats %'")
                .query(Long.class).single();
        assertThat(older).isBetween(1L, 30L);
        assertThat(kinds).isEqualTo(5);
        assertThat(coverage.matrix(new CoverageFilter(new MunicipalityCode("1214"), null, null)).max()).isPositive();
    }
}
