package se.lots.intervention.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.intervention.Need;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;

/** Interventions, their needs and municipalities, and their versions, in SQL. */
@Repository
public class Interventions {

    private static final String COLUMNS = """
            i.id, i.provider_id, p.name AS provider_name, p.party_type, p.organisation_id AS provider_organisation_id,
            i.programme_id, i.name, i.description, i.kind, i.target_group, i.age_min, i.age_max, i.eligibility,
            i.method, i.duration_weeks, i.capacity, i.occupancy AS entered_occupancy,
            (SELECT count(*) FROM plan_enrolment e
              WHERE e.programme_id = i.programme_id AND e.ended_on IS NULL)::integer AS enrolled,
            i.waiting_days, i.cost, i.financing, i.kaa_measure, i.valid_from, i.valid_to, i.retired, i.reviewed_on,
            r.display_name AS reviewed_by_name, i.updated_at, u.display_name AS updated_by_name, i.version,
            ARRAY(SELECT trim(m.municipality_code) FROM intervention_municipality m WHERE m.intervention_id = i.id
                  ORDER BY m.municipality_code) AS municipality_codes
              FROM intervention i JOIN provider p ON p.id = i.provider_id
                                  LEFT JOIN organisation_staff r ON r.id = i.reviewed_by
                                  JOIN organisation_staff u ON u.id = i.updated_by""";

    private final JdbcClient jdbc;

    Interventions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Intervention> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " WHERE i.id = ?").param(id)
                .query((rs, n) -> intervention(rs, needsOf(rs.getLong("id"))))
                .optional();
    }

    /** Every intervention not retired (current or not yet valid), by provider and name: the catalogue export. */
    public List<Intervention> allNotRetired() {
        var needs = new java.util.HashMap<Long, List<Need>>();
        jdbc.sql("""
                SELECT x.intervention_id, n.id, n.name, n.position, n.active, n.code
                  FROM intervention_need x JOIN need n ON n.id = x.need_id
                  JOIN intervention i ON i.id = x.intervention_id
                 WHERE NOT i.retired ORDER BY n.position, lower(n.name)""")
                .query((java.sql.ResultSet rs) -> {
                    needs.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(new Need(rs.getLong(2),
                            rs.getString(3), rs.getInt(4), rs.getBoolean(5), rs.getString(6)));
                });
        return jdbc.sql("SELECT " + COLUMNS + " WHERE NOT i.retired ORDER BY lower(p.name), lower(i.name), i.id")
                .query((rs, n) -> intervention(rs, needs.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    public long insert(InterventionValues v, long userId) {
        long id = jdbc.sql("""
                INSERT INTO intervention (provider_id, programme_id, name, description, kind, target_group, age_min,
                                          age_max, eligibility, method, duration_weeks, capacity, occupancy,
                                          waiting_days, cost, financing, kaa_measure, valid_from, valid_to, retired,
                                          reviewed_on, reviewed_by, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(v.providerId(), v.programmeId(), v.name(), v.description(), v.kind().name(),
                        v.targetGroup(), v.ageMin(), v.ageMax(), eligibility(v), v.method(), v.durationWeeks(),
                        v.capacity(), v.occupancy(), v.waitingDays(), v.cost(), v.financing(), v.kaaMeasure(),
                        v.validFrom(), v.validTo(), v.retired(), v.reviewedOn(),
                        v.reviewedOn() == null ? null : userId, userId, userId)
                .query(Long.class).single();
        replaceLinks(id, v);
        return id;
    }

    /**
     * Saves only if nobody saved since {@code version}; false means someone did. The reviewer changes only when
     * the review date does.
     */
    public boolean update(long id, InterventionValues v, int version, long userId) {
        boolean saved = jdbc.sql("""
                UPDATE intervention SET provider_id = ?, programme_id = ?, name = ?, description = ?, kind = ?,
                                        target_group = ?, age_min = ?, age_max = ?, eligibility = ?, method = ?,
                                        duration_weeks = ?, capacity = ?, occupancy = ?, waiting_days = ?, cost = ?,
                                        financing = ?, kaa_measure = ?, valid_from = ?, valid_to = ?, retired = ?,
                                        reviewed_by = CASE WHEN reviewed_on IS DISTINCT FROM ? THEN ? ELSE reviewed_by END,
                                        reviewed_on = ?, updated_by = ?, updated_at = now(), version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(v.providerId(), v.programmeId(), v.name(), v.description(), v.kind().name(),
                        v.targetGroup(), v.ageMin(), v.ageMax(), eligibility(v), v.method(), v.durationWeeks(),
                        v.capacity(), v.occupancy(), v.waitingDays(), v.cost(), v.financing(), v.kaaMeasure(),
                        v.validFrom(), v.validTo(), v.retired(), v.reviewedOn(), userId, v.reviewedOn(), userId, id,
                        version)
                .update() == 1;
        if (saved) {
            replaceLinks(id, v);
        }
        return saved;
    }

    private void replaceLinks(long id, InterventionValues v) {
        jdbc.sql("DELETE FROM intervention_need WHERE intervention_id = ?").param(id).update();
        jdbc.sql("INSERT INTO intervention_need (intervention_id, need_id) SELECT ?, unnest(?::bigint[])")
                .params(id, v.needIds().toArray(Long[]::new)).update();
        jdbc.sql("DELETE FROM intervention_municipality WHERE intervention_id = ?").param(id).update();
        jdbc.sql("""
                INSERT INTO intervention_municipality (intervention_id, municipality_code)
                SELECT ?, unnest(?::bpchar[])""")
                .params(id, v.municipalityCodes().toArray(String[]::new)).update();
    }

    public List<Need> needsOf(long id) {
        return jdbc.sql("""
                SELECT n.id, n.name, n.position, n.active, n.code FROM intervention_need x JOIN need n ON n.id = x.need_id
                 WHERE x.intervention_id = ? ORDER BY n.position, lower(n.name)""")
                .param(id).query(Need.class).list();
    }

    public void insertVersion(long id, int version, long userId, List<String> changedFields, String content) {
        jdbc.sql("""
                INSERT INTO intervention_version (intervention_id, version, changed_by, changed_fields, content)
                VALUES (?, ?, ?, ?, ?::jsonb)""")
                .params(id, version, userId, changedFields.toArray(String[]::new), content).update();
    }

    public List<InterventionVersion> versions(long id) {
        return jdbc.sql("""
                SELECT v.intervention_id, v.version, u.display_name, v.changed_at, v.changed_fields, v.content::text
                  FROM intervention_version v JOIN organisation_staff u ON u.id = v.changed_by
                 WHERE v.intervention_id = ? ORDER BY v.version DESC""")
                .param(id)
                .query((rs, n) -> new InterventionVersion(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), strings(rs.getArray(5)), rs.getString(6)))
                .list();
    }

    private Intervention intervention(ResultSet rs, List<Need> needs) throws SQLException {
        long id = rs.getLong("id");
        Long programmeId = rs.getObject("programme_id", Long.class);
        Integer entered = rs.getObject("entered_occupancy", Integer.class);
        return new Intervention(id, rs.getLong("provider_id"), rs.getString("provider_name"),
                PartyType.valueOf(rs.getString("party_type")),
                OrganisationId.ofNullable(rs.getObject("provider_organisation_id", Long.class)),
                programmeId, rs.getString("name"), rs.getString("description"),
                InterventionKind.valueOf(rs.getString("kind")), rs.getString("target_group"), rs.getInt("age_min"),
                rs.getInt("age_max"), needs,
                strings(rs.getArray("eligibility")).stream().map(Eligibility::valueOf).toList(),
                rs.getString("method"), rs.getObject("duration_weeks", Integer.class),
                rs.getObject("capacity", Integer.class), entered,
                programmeId == null ? entered : Integer.valueOf(rs.getInt("enrolled")), programmeId != null,
                rs.getObject("waiting_days", Integer.class), rs.getString("cost"), rs.getString("financing"),
                rs.getBoolean("kaa_measure"), strings(rs.getArray("municipality_codes")),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getBoolean("retired"), rs.getObject("reviewed_on", LocalDate.class),
                rs.getString("reviewed_by_name"), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by_name"), rs.getInt("version"));
    }

    private static String[] eligibility(InterventionValues v) {
        return v.eligibility().stream().map(Enum::name).toArray(String[]::new);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
