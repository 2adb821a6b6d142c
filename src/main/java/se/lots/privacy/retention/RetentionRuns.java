package se.lots.privacy.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;
import se.lots.privacy.retention.RetentionRun.Line;
import se.lots.privacy.retention.RetentionRun.Status;

/** The retention runs ({@code privacy_retention_run}, its lines and per-table counts). */
@Repository
class RetentionRuns {

    private static final String COLUMNS = """
            id, organisation_id, run_day, status, prepared_by, prepared_by_name, prepared_at, approved_by,
            approved_by_name, approved_at, executed_by, executed_by_name, executed_at, reason_key, reason_detail,
            forgotten_persons, archive_reference, version""";

    private final JdbcClient jdbc;

    RetentionRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(OrganisationId organisation, LocalDate day, long userId, String userName, Instant at,
            List<Line> lines) {
        UUID id = jdbc.sql("""
                INSERT INTO privacy_retention_run (organisation_id, run_day, status, prepared_by, prepared_by_name,
                                                   prepared_at)
                VALUES (?, ?, 'PREPARED', ?, ?, ?) RETURNING id""")
                .params(organisation.value(), day, userId, userName, Timestamp.from(at)).query(UUID.class).single();
        int position = 0;
        for (Line line : lines) {
            RetentionRule r = line.rule();
            jdbc.sql("""
                    INSERT INTO privacy_retention_run_line (run_id, position, register, record_kind, keep_months,
                                                            counted_from, legal_basis, archive_first, own_rule,
                                                            rule_version, due_persons)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, position, r.register(), r.recordKind(), r.keepMonths(), r.countedFrom().name(),
                            r.legalBasis(), r.archiveFirst(), line.own(), line.ruleVersion(),
                            line.due() == null ? null : line.due().persons())
                    .update();
            if (line.due() != null) {
                int order = 0;
                for (var table : line.due().rowsByTable().entrySet()) {
                    jdbc.sql("""
                            INSERT INTO privacy_retention_run_table (run_id, position, table_order, table_name, due_rows)
                            VALUES (?, ?, ?, ?, ?)""").params(id, position, order++, table.getKey(), table.getValue())
                            .update();
                }
            }
            position++;
        }
        return id;
    }

    /** The run, if it is the organisation's. */
    Optional<RetentionRun> find(OrganisationId organisation, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM privacy_retention_run WHERE organisation_id = ? AND id = ?")
                .params(organisation.value(), id).query(this::run).optional();
    }

    /** As {@link #find}, the row locked until the transaction ends (two executions of one run wait for each other). */
    Optional<RetentionRun> lock(OrganisationId organisation, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM privacy_retention_run WHERE organisation_id = ? AND id = ? FOR UPDATE")
                .params(organisation.value(), id).query(this::run).optional();
    }

    /** The organisation's runs, newest first. */
    List<RetentionRun> ofOrganisation(OrganisationId organisation) {
        return jdbc.sql("SELECT " + COLUMNS
                + " FROM privacy_retention_run WHERE organisation_id = ? ORDER BY prepared_at DESC, id LIMIT 200")
                .param(organisation.value()).query(this::run).list();
    }

    boolean approve(UUID id, int version, long userId, String userName, Instant at) {
        return jdbc.sql("""
                UPDATE privacy_retention_run
                   SET status = 'APPROVED', approved_by = ?, approved_by_name = ?, approved_at = ?, version = version + 1
                 WHERE id = ? AND version = ? AND status = 'PREPARED'""")
                .params(userId, userName, Timestamp.from(at), id, version).update() == 1;
    }

    /** Ends the run (DONE, REFUSED or FAILED) with who executed it, and the reason where it was not done. */
    void finish(UUID id, Status status, long userId, String userName, Instant at, String reasonKey,
            String reasonDetail, Integer forgotten, String archiveReference) {
        jdbc.sql("""
                UPDATE privacy_retention_run
                   SET status = ?, executed_by = ?, executed_by_name = ?, executed_at = ?, reason_key = ?,
                       reason_detail = ?, forgotten_persons = ?, archive_reference = ?, version = version + 1
                 WHERE id = ?""")
                .params(status.name(), userId, userName, Timestamp.from(at), reasonKey, reasonDetail, forgotten,
                        archiveReference, id)
                .update();
    }

    void recordRemoved(UUID id, int position, RetentionCount removed) {
        jdbc.sql("UPDATE privacy_retention_run_line SET removed_persons = ? WHERE run_id = ? AND position = ?")
                .params(removed.persons(), id, position).update();
        for (var table : removed.rowsByTable().entrySet()) {
            jdbc.sql("""
                    UPDATE privacy_retention_run_table SET removed_rows = ?
                     WHERE run_id = ? AND position = ? AND table_name = ?""")
                    .params(table.getValue(), id, position, table.getKey()).update();
        }
    }

    private RetentionRun run(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new RetentionRun(id, new OrganisationId(rs.getLong("organisation_id")),
                rs.getObject("run_day", LocalDate.class), Status.valueOf(rs.getString("status")),
                rs.getLong("prepared_by"), rs.getString("prepared_by_name"), instant(rs, "prepared_at"),
                (Long) rs.getObject("approved_by"), rs.getString("approved_by_name"), instant(rs, "approved_at"),
                (Long) rs.getObject("executed_by"), rs.getString("executed_by_name"), instant(rs, "executed_at"),
                rs.getString("reason_key"), rs.getString("reason_detail"),
                (Integer) rs.getObject("forgotten_persons"), rs.getString("archive_reference"), rs.getInt("version"),
                lines(id));
    }

    private List<Line> lines(UUID runId) {
        record Row(int position, RetentionRule rule, boolean own, Integer version, Long duePersons,
                Long removedPersons) {
        }
        var rows = jdbc.sql("""
                SELECT position, register, record_kind, keep_months, counted_from, legal_basis, archive_first,
                       own_rule, rule_version, due_persons, removed_persons
                  FROM privacy_retention_run_line WHERE run_id = ? ORDER BY position""").param(runId)
                .query((rs, n) -> new Row(rs.getInt("position"), new RetentionRule(rs.getString("register"),
                        rs.getString("record_kind"), rs.getInt("keep_months"),
                        RetentionEvent.valueOf(rs.getString("counted_from")), rs.getString("legal_basis"),
                        rs.getBoolean("archive_first")), rs.getBoolean("own_rule"),
                        (Integer) rs.getObject("rule_version"), (Long) rs.getObject("due_persons"),
                        (Long) rs.getObject("removed_persons")))
                .list();
        Map<Integer, Map<String, Long>> due = new LinkedHashMap<>();
        Map<Integer, Map<String, Long>> removed = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT position, table_name, due_rows, removed_rows FROM privacy_retention_run_table
                 WHERE run_id = ? ORDER BY position, table_order""").param(runId).query(rs -> {
                    int position = rs.getInt("position");
                    due.computeIfAbsent(position, p -> new LinkedHashMap<>()).put(rs.getString("table_name"),
                            rs.getLong("due_rows"));
                    Long r = (Long) rs.getObject("removed_rows");
                    if (r != null) {
                        removed.computeIfAbsent(position, p -> new LinkedHashMap<>()).put(rs.getString("table_name"),
                                r);
                    }
                });
        var lines = new ArrayList<Line>();
        for (Row row : rows) {
            String register = row.rule().register();
            RetentionCount d = row.duePersons() == null ? null
                    : new RetentionCount(register, row.duePersons(), due.getOrDefault(row.position(), Map.of()));
            RetentionCount r = row.removedPersons() == null ? null
                    : new RetentionCount(register, row.removedPersons(),
                            removed.getOrDefault(row.position(), Map.of()));
            lines.add(new Line(row.rule(), row.own(), row.version(), d, r));
        }
        return lines;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
