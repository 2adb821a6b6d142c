package se.lots.progression.instrument;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

@Repository
class Instruments {

    private final JdbcClient jdbc;

    Instruments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shared instruments and the organisation's own; every instrument when {@code organisationId} is null. */
    List<Instrument> visibleTo(OrganisationId organisationId, boolean activeOnly) {
        return jdbc.sql("""
                SELECT id FROM instrument
                 WHERE (active OR NOT ?) AND (organisation_id IS NULL OR organisation_id = ? OR ?)
                 ORDER BY name""").params(activeOnly, organisationId == null ? -1L : organisationId.value(),
                        organisationId == null)
                .query(Long.class).list().stream().map(id -> byId(id).orElseThrow()).toList();
    }

    Optional<Instrument> byId(long id) {
        List<InstrumentItem> items = jdbc.sql("""
                SELECT id, position, label, scale_min, scale_max, scale_step, min_label, max_label, rater
                  FROM instrument_item WHERE instrument_id = ? ORDER BY position""").param(id)
                .query((rs, n) -> new InstrumentItem(rs.getLong("id"), rs.getInt("position"), rs.getString("label"),
                        rs.getBigDecimal("scale_min").stripTrailingZeros(),
                        rs.getBigDecimal("scale_max").stripTrailingZeros(),
                        rs.getBigDecimal("scale_step").stripTrailingZeros(), rs.getString("min_label"),
                        rs.getString("max_label"), ItemRater.valueOf(rs.getString("rater"))))
                .list();
        return jdbc.sql("""
                SELECT id, name, description, total_rule, cut_off, reliable_change, higher_is_better, active, version,
                       organisation_id
                  FROM instrument WHERE id = ?""").param(id)
                .query((rs, n) -> new Instrument(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
                        TotalRule.valueOf(rs.getString("total_rule")), plain(rs.getBigDecimal("cut_off")),
                        plain(rs.getBigDecimal("reliable_change")), rs.getBoolean("higher_is_better"),
                        rs.getBoolean("active"), rs.getInt("version"), items,
                        OrganisationId.ofNullable((Long) rs.getObject("organisation_id"))))
                .optional();
    }

    long insert(String name, String description, TotalRule rule, BigDecimal cutOff, BigDecimal reliableChange,
            boolean higherIsBetter, OrganisationId organisationId) {
        return jdbc.sql("""
                INSERT INTO instrument (name, description, total_rule, cut_off, reliable_change, higher_is_better,
                                        organisation_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(name, description, rule.name(), cutOff, reliableChange, higherIsBetter,
                        organisationId == null ? null : organisationId.value())
                .query(Long.class).single();
    }

    boolean update(long id, int version, String name, String description, TotalRule rule, BigDecimal cutOff,
            BigDecimal reliableChange, boolean higherIsBetter, boolean active) {
        return jdbc.sql("""
                UPDATE instrument SET name = ?, description = ?, total_rule = ?, cut_off = ?, reliable_change = ?,
                       higher_is_better = ?, active = ?, version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(name, description, rule.name(), cutOff, reliableChange, higherIsBetter, active, id, version)
                .update() == 1;
    }

    /** Items are kept by position, so that scores already given stay attached to their question. */
    void saveItem(long instrumentId, int position, String label, BigDecimal min, BigDecimal max, BigDecimal step,
            String minLabel, String maxLabel, ItemRater rater) {
        jdbc.sql("""
                INSERT INTO instrument_item (instrument_id, position, label, scale_min, scale_max, scale_step, min_label,
                                             max_label, rater)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (instrument_id, position) DO UPDATE SET label = EXCLUDED.label,
                       scale_min = EXCLUDED.scale_min, scale_max = EXCLUDED.scale_max, scale_step = EXCLUDED.scale_step,
                       min_label = EXCLUDED.min_label, max_label = EXCLUDED.max_label, rater = EXCLUDED.rater""")
                .params(instrumentId, position, label, min, max, step, minLabel, maxLabel, rater.name()).update();
    }

    /** Whether the owner (null: shared) already has another instrument by that name. */
    boolean nameTaken(String name, Long exceptId, OrganisationId owner) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM instrument
                                WHERE lower(name) = lower(?) AND id <> ? AND coalesce(organisation_id, 0) = ?)""")
                .params(name, exceptId == null ? -1L : exceptId,
                owner == null ? 0L : owner.value()).query(Boolean.class)
                .single();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
