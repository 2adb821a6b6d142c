package se.lots.privacy.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;

/** The organisations' own retention rules ({@code privacy_retention_rule}). */
@Repository
class RetentionRules {

    /** An organisation's own rule, who set it and when, and its version (for the form's lost-update check). */
    record Stored(RetentionRule rule, String setByName, Instant setAt, int version) {
    }

    private final JdbcClient jdbc;

    RetentionRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Stored> ofOrganisation(OrganisationId organisation) {
        return jdbc.sql("""
                SELECT register, record_kind, keep_months, counted_from, legal_basis, archive_first, set_by_name,
                       set_at, version
                  FROM privacy_retention_rule WHERE organisation_id = ?
                 ORDER BY register, record_kind""").param(organisation.value()).query(RetentionRules::stored).list();
    }

    Optional<Stored> find(OrganisationId organisation, String register, String recordKind) {
        return jdbc.sql("""
                SELECT register, record_kind, keep_months, counted_from, legal_basis, archive_first, set_by_name,
                       set_at, version
                  FROM privacy_retention_rule WHERE organisation_id = ? AND register = ? AND record_kind = ?""")
                .params(organisation.value(), register, recordKind).query(RetentionRules::stored).optional();
    }

    /** Inserts the first own rule (version 0) or updates it when {@code version} is current; false on a lost update. */
    boolean save(OrganisationId organisation, RetentionRule rule, long userId, String userName, Instant at,
            Integer version) {
        if (version == null) {
            return jdbc.sql("""
                    INSERT INTO privacy_retention_rule (organisation_id, register, record_kind, keep_months,
                                                        counted_from, legal_basis, archive_first, set_by, set_by_name,
                                                        set_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (organisation_id, register, record_kind) DO NOTHING""")
                    .params(organisation.value(), rule.register(), rule.recordKind(), rule.keepMonths(),
                            rule.countedFrom().name(), rule.legalBasis(), rule.archiveFirst(), userId, userName,
                            java.sql.Timestamp.from(at))
                    .update() == 1;
        }
        return jdbc.sql("""
                UPDATE privacy_retention_rule
                   SET keep_months = ?, counted_from = ?, legal_basis = ?, archive_first = ?, set_by = ?,
                       set_by_name = ?, set_at = ?, version = version + 1
                 WHERE organisation_id = ? AND register = ? AND record_kind = ? AND version = ?""")
                .params(rule.keepMonths(), rule.countedFrom().name(), rule.legalBasis(), rule.archiveFirst(), userId,
                        userName, java.sql.Timestamp.from(at), organisation.value(), rule.register(),
                        rule.recordKind(), version)
                .update() == 1;
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(new RetentionRule(rs.getString("register"), rs.getString("record_kind"),
                rs.getInt("keep_months"), RetentionEvent.valueOf(rs.getString("counted_from")),
                rs.getString("legal_basis"), rs.getBoolean("archive_first")), rs.getString("set_by_name"),
                rs.getTimestamp("set_at").toInstant(), rs.getInt("version"));
    }
}
