package se.lots.benchmark;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A national-size intervention catalogue, set-based and repeatable: {@code providers} providers (a third
 * municipal, a fifth civil society, the rest spread over the other parties) and {@code interventions}
 * interventions spread over them. Every "random" choice is {@code hashint8} of the row number and the seed, so the
 * same seed gives the same catalogue. Ages: most ranges start at 16, 18 or 20 and span 3–13 years, capped at 29;
 * one in fifty is for 30 and older. One to three needs (the early ones in the list more common), one to three
 * municipalities out of {@link #MUNICIPALITIES} (the demo area's four most common), capacity unknown for a fifth,
 * a quarter KAA measures, one in twenty retired and one in thirty past its validity.
 */
public final class InterventionCatalogueGenerator {

    /** Skåne, Stockholm, Västra Götaland, Västerbotten: 30 municipalities. The coverage tests' own (25xx) stay out. */
    public static final List<String> MUNICIPALITIES = List.of("1214", "1282", "1283", "1260", "1214", "1282", "1280",
            "1281", "1290", "1292", "1261", "1262", "1263", "1264", "0180", "0181", "0182", "0183", "0184", "0186",
            "1480", "1481", "1482", "1484", "2480", "2482", "2460", "2462", "1440", "1441", "1442", "1443");

    private static final String WORDS = "{arbete,studier,praktik,samtal,grupp,motivation,hälsa,boende,ekonomi,språk,"
            + "körkort,friluftsliv,matlagning,mentor,coachning,yrkesintroduktion,studiebesök,digital,idrott,musik}";

    public record Generated(long providers, long interventions, long needLinks, long municipalityLinks, Duration took) {
    }

    private final JdbcClient sql;

    public InterventionCatalogueGenerator(DataSource ownerDataSource) {
        this.sql = JdbcClient.create(ownerDataSource);
    }

    /** {@code batch} marks the rows ("Bench " + batch); the same seed gives the same catalogue. */
    public Generated generate(long userId, int providers, int interventions, long seed, String batch) {
        long t0 = System.nanoTime();
        long providersMade = sql.sql("""
                INSERT INTO provider (name, party_type, contact_name, phone, email, created_by, updated_by)
                SELECT 'Bench ' || :batch || ' utförare ' || g,
                       (ARRAY['KOMMUN', 'KOMMUN', 'KOMMUN', 'KOMMUN', 'KOMMUN', 'KOMMUN', 'KOMMUN', 'REGION', 'REGION',
                              'ARBETSFORMEDLINGEN', 'ARBETSFORMEDLINGEN', 'FORSAKRINGSKASSAN', 'FORBUND', 'SKOLA',
                              'SKOLA', 'CIVIL_SOCIETY', 'CIVIL_SOCIETY', 'CIVIL_SOCIETY', 'CIVIL_SOCIETY',
                              'OTHER'])[1 + (2147483647 & hashint8(g * 7 + :seed)) % 20],
                       'Kontakt ' || g, '010-' || lpad((g % 1000000)::text, 6, '0'), 'u' || g || '@example.se',
                       :user, :user
                  FROM generate_series(1, :providers) AS g""")
                .param("batch", batch).param("seed", seed).param("user", userId).param("providers", providers)
                .update();
        long made = sql.sql("""
                WITH p AS (SELECT array_agg(id ORDER BY id) AS ids FROM provider
                            WHERE name LIKE 'Bench ' || :batch || ' utförare %'),
                     r AS (SELECT g, (2147483647 & hashint8(g * 31 + :seed)) AS h1, (2147483647 & hashint8(g * 37 + :seed + 1)) AS h2,
                                  (2147483647 & hashint8(g * 41 + :seed + 2)) AS h3
                             FROM generate_series(1, :interventions) AS g),
                     a AS (SELECT r.*,
                                  CASE WHEN h1 % 50 = 0 THEN 30
                                       ELSE (ARRAY[16, 16, 16, 18, 18, 19, 20, 20, 22, 25])[1 + h1 % 10] END AS lo,
                                  (ARRAY[3, 4, 5, 9, 13])[1 + h2 % 5] AS span
                             FROM r)
                INSERT INTO intervention (provider_id, name, description, kind, target_group, age_min, age_max,
                                          eligibility, method, duration_weeks, capacity, occupancy, waiting_days,
                                          kaa_measure, valid_from, valid_to, retired, reviewed_on, created_by,
                                          updated_by)
                SELECT p.ids[1 + h1 % cardinality(p.ids)],
                       'Bench ' || :batch || ' insats ' || g || ' ' || w.words[1 + h2 % 20],
                       'Stöd med ' || w.words[1 + h1 % 20] || ' och ' || w.words[1 + h3 % 20] || ' för unga.',
                       (ARRAY['INSATS', 'INSATS', 'INSATS', 'ATGARD', 'AKTIVITET', 'AKTIVITET', 'PRAKTIK', 'PRAKTIK',
                              'UTBILDNING', 'UTBILDNING'])[1 + h3 % 10],
                       'Unga ' || lo || '–' || CASE WHEN lo = 30 THEN lo + span ELSE least(29, lo + span) END,
                       lo, CASE WHEN lo = 30 THEN lo + span ELSE least(29, lo + span) END,
                       CASE WHEN h2 % 4 = 0 THEN ARRAY['INSKRIVEN_AF'] WHEN h2 % 4 = 1 THEN ARRAY['KAA']
                            ELSE ARRAY['INGET_KRAV'] END,
                       'Metod ' || (h3 % 7), 2 + h1 % 40,
                       CASE WHEN h3 % 5 = 0 THEN NULL ELSE 5 + h2 % 56 END,
                       CASE WHEN h3 % 5 = 0 THEN NULL ELSE (h1 % (6 + h2 % 56))::integer END,
                       CASE WHEN h1 % 7 = 0 THEN NULL ELSE h3 % 91 END,
                       h2 % 4 = 0, current_date - 400, CASE WHEN h3 % 30 = 1 THEN current_date - 10 END,
                       h1 % 20 = 3, current_date - (h2 % 500)::integer, :user, :user
                  FROM a, p, (SELECT CAST(:words AS text[]) AS words) w""")
                .param("batch", batch).param("seed", seed).param("user", userId)
                .param("interventions", interventions).param("words", WORDS).update();
        // one to three needs; the first needs in the list are the most common (min of two draws)
        long needLinks = sql.sql("""
                WITH n AS (SELECT array_agg(id ORDER BY position, id) AS ids FROM need WHERE active)
                INSERT INTO intervention_need (intervention_id, need_id)
                SELECT i.id, n.ids[1 + least((2147483647 & hashint8(i.g * 13 + k + :seed)) % cardinality(n.ids),
                                             (2147483647 & hashint8(i.g * 17 + k + :seed)) % cardinality(n.ids))]
                  FROM (SELECT id, row_number() OVER (ORDER BY id) AS g FROM intervention
                         WHERE name LIKE 'Bench ' || :batch || ' insats %') i,
                       n, generate_series(1, 1 + ((2147483647 & hashint8(i.g + :seed)) % 3)::integer) AS k
                ON CONFLICT DO NOTHING""").param("batch", batch).param("seed", seed).update();
        long municipalityLinks = sql.sql("""
                WITH m AS (SELECT CAST(:codes AS text[]) AS codes)
                INSERT INTO intervention_municipality (intervention_id, municipality_code)
                SELECT i.id, m.codes[1 + (2147483647 & hashint8(i.g * 19 + k + :seed)) % cardinality(m.codes)]
                  FROM (SELECT id, row_number() OVER (ORDER BY id) AS g FROM intervention
                         WHERE name LIKE 'Bench ' || :batch || ' insats %') i,
                       m, generate_series(1, 1 + ((2147483647 & hashint8(i.g * 3 + :seed)) % 3)::integer) AS k
                ON CONFLICT DO NOTHING""").param("batch", batch).param("seed", seed)
                .param("codes", "{" + String.join(",", MUNICIPALITIES) + "}").update();
        return new Generated(providersMade, made, needLinks, municipalityLinks,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    public void analyze() {
        sql.sql("ANALYZE provider, intervention, intervention_need, intervention_municipality").update();
    }
}
