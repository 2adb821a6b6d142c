package se.lots.kaa.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

/**
 * The half-year KAA figures of one municipality, counted from the episodes, the status history and the measures.
 * A read model: it joins the registry's published view (registry_person) for gender, birth date and personnummer
 * (never the address).
 *
 * <p>Who counts: everyone with an episode that overlaps the period (registered on or before its last day, not exited
 * before its first day); a person with two such episodes counts once, by the later. Status at the period's end is the
 * latest status ascertained on or before that day, {@code AVSLUTAD} when the episode ended within the period, and
 * {@code OKAND} when there is none. Age is the age on the period's last day.
 */
@Repository
class HalfYearFigures {

    /** Paste into psql with {@code \set org 1}, {@code \set start '2026-07-01'}, {@code \set end '2026-12-31'}. */
    static final String PEOPLE = """
            WITH period AS (SELECT CAST(:start AS date) AS start_on, CAST(:end AS date) AS end_on),
            ep AS (
                SELECT DISTINCT ON (e.person_id) e.id, e.person_id, e.organisation_id, e.registered_on,
                       e.registration_reason, e.exited_on, e.exit_reason, y.gender, y.birth_date,
                       y.personal_identity_number
                  FROM kaa_episode e JOIN registry_person y ON y.id = e.person_id CROSS JOIN period p
                 WHERE e.organisation_id = :org AND e.registered_on <= p.end_on
                   AND (e.exited_on IS NULL OR e.exited_on >= p.start_on)
                 ORDER BY e.person_id, e.registered_on DESC
            ),
            person AS (
                SELECT ep.*,
                       CASE WHEN ep.exited_on <= p.end_on THEN 'AVSLUTAD' ELSE coalesce(s.status, 'OKAND') END
                           AS status_at_end,
                       date_part('year', age(p.end_on, ep.birth_date))::int AS age_at_end,
                       f.declined AS declined_first
                  FROM ep CROSS JOIN period p
                  LEFT JOIN LATERAL (
                      SELECT s.status FROM kaa_status s
                       WHERE s.organisation_id = ep.organisation_id AND s.person_id = ep.person_id
                         AND s.ascertained_on <= p.end_on
                       ORDER BY s.ascertained_on DESC, s.recorded_at DESC LIMIT 1) s ON true
                  -- the episode's first offer, counted in the period it was made
                  LEFT JOIN LATERAL (
                      SELECT m.declined, m.offered_on FROM kaa_measure m
                       WHERE m.episode_id = ep.id AND m.offered_on IS NOT NULL
                       ORDER BY m.offered_on, m.recorded_at LIMIT 1) f ON f.offered_on BETWEEN p.start_on AND p.end_on
            ),
            measure AS (
                SELECT m.person_id, m.category_code,
                       coalesce(m.offered_on BETWEEN p.start_on AND p.end_on, false) AS offered_in_period,
                       coalesce(m.started_on <= p.end_on AND (m.ended_on IS NULL OR m.ended_on >= p.start_on), false)
                           AS under_way
                  FROM kaa_measure m JOIN ep ON ep.organisation_id = m.organisation_id AND ep.person_id = m.person_id
                 CROSS JOIN period p
            )
            """;

    static final String COUNTS = PEOPLE + """
            SELECT 'TOTAL' AS dimension, 'ALL' AS key, count(*) AS n FROM person
            UNION ALL SELECT 'REASON', registration_reason, count(*) FROM person GROUP BY 2
            UNION ALL SELECT 'STATUS', status_at_end, count(*) FROM person GROUP BY 2
            UNION ALL SELECT 'AGE', coalesce(age_at_end::text, 'OKAND'), count(*) FROM person GROUP BY 2
            UNION ALL SELECT 'GENDER', gender, count(*) FROM person GROUP BY 2
            UNION ALL SELECT 'EXIT', CASE WHEN status_at_end = 'AVSLUTAD' THEN exit_reason ELSE 'KVAR' END, count(*)
                        FROM person GROUP BY 2
            UNION ALL SELECT 'DECLINED_FIRST', CASE WHEN declined_first THEN 'JA' ELSE 'NEJ' END, count(*)
                        FROM person WHERE declined_first IS NOT NULL GROUP BY 2
            UNION ALL SELECT 'OFFERED', category_code, count(DISTINCT person_id) FROM measure
                       WHERE offered_in_period GROUP BY 2
            UNION ALL SELECT 'OFFERED', 'ALL', count(DISTINCT person_id) FROM measure WHERE offered_in_period
            UNION ALL SELECT 'UNDER_WAY', category_code, count(DISTINCT person_id) FROM measure WHERE under_way
                       GROUP BY 2
            UNION ALL SELECT 'UNDER_WAY', 'ALL', count(DISTINCT person_id) FROM measure WHERE under_way
            """;

    static final String PER_PERSON = PEOPLE + """
            SELECT person.person_id, person.personal_identity_number, person.gender, person.registered_on,
                   person.registration_reason, person.status_at_end, person.age_at_end, person.declined_first,
                   CASE WHEN person.status_at_end = 'AVSLUTAD' THEN person.exited_on END AS exited_on,
                   CASE WHEN person.status_at_end = 'AVSLUTAD' THEN person.exit_reason END AS exit_reason,
                   (SELECT string_agg(DISTINCT m.category_code, ',' ORDER BY m.category_code) FROM measure m
                     WHERE m.person_id = person.person_id AND m.offered_in_period) AS offered,
                   (SELECT string_agg(DISTINCT m.category_code, ',' ORDER BY m.category_code) FROM measure m
                     WHERE m.person_id = person.person_id AND m.under_way) AS under_way
              FROM person ORDER BY person.personal_identity_number, person.person_id
            """;

    /** One row of the per-person file: no name, no address. */
    record PersonRow(UUID personId, String personalIdentityNumber, String gender, LocalDate registeredOn,
            String registrationReason, String statusAtEnd, Integer ageAtEnd, Boolean declinedFirst,
            LocalDate exitedOn, String exitReason, List<String> offered, List<String> underWay) {
    }

    private final JdbcClient jdbc;

    HalfYearFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Dimension → key → count; each dimension's total under key {@code ALL} where it is not the person total. */
    Map<String, Map<String, Long>> counts(OrganisationId organisationId, HalfYear half) {
        var result = new java.util.LinkedHashMap<String, Map<String, Long>>();
        jdbc.sql(COUNTS).param("org", organisationId.value()).param("start", half.start()).param("end", half.end())
                .query((rs, n) -> {
                    result.computeIfAbsent(rs.getString("dimension"), d -> new java.util.LinkedHashMap<>())
                            .put(rs.getString("key"), rs.getLong("n"));
                    return null;
                }).list();
        return result;
    }

    List<PersonRow> perPerson(OrganisationId organisationId, HalfYear half) {
        return jdbc.sql(PER_PERSON).param("org", organisationId.value()).param("start", half.start())
                .param("end", half.end())
                .query((rs, n) -> new PersonRow(rs.getObject("person_id", UUID.class),
                        rs.getString("personal_identity_number"), rs.getString("gender"),
                        rs.getObject("registered_on", LocalDate.class), rs.getString("registration_reason"),
                        rs.getString("status_at_end"), rs.getObject("age_at_end", Integer.class),
                        rs.getObject("declined_first", Boolean.class), rs.getObject("exited_on", LocalDate.class),
                        rs.getString("exit_reason"), codes(rs.getString("offered")), codes(rs.getString("under_way"))))
                .list();
    }

    private static List<String> codes(String joined) {
        return joined == null ? List.of() : new ArrayList<>(Arrays.asList(joined.split(",")));
    }
}
