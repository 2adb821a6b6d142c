package se.lots.federation.money;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.federation.money.FederationYear.Area;
import se.lots.federation.money.FederationYear.StructuralGrant;
import se.lots.federation.money.ProgrammeMoney.BudgetLine;
import se.lots.federation.money.ProgrammeMoney.FunderShare;
import se.lots.federation.money.ProgrammeMoney.Grant;
import se.lots.federation.money.ProgrammeMoney.Payment;
import se.lots.federation.money.ProgrammeMoney.QuarterUse;
import se.lots.federation.money.ProgrammeMoney.Return;

/**
 * The money tables, and the programmes as the money pages see them: the federation's own V70 rows joined to the plan
 * module's published view plan_programme and the organisation module's organisation_directory.
 */
@Repository
class MoneyEntries {

    /** A programme of a förbund: who owns it, which förbund funds it. */
    record Programme(long id, long federationId, String name, String caseNumber, long ownerId, String ownerName) {
    }

    /** One programme's sums in a year, in the order of {@link ProgrammeLine}. */
    private static final String LINES = """
            SELECT fp.programme_id, p.name, fp.case_number, o.name AS owner_name,
                   (SELECT coalesce(sum(amount), 0) FROM federation_budget_line b
                     WHERE b.programme_id = fp.programme_id AND b.year = :year) AS budgeted,
                   (SELECT coalesce(sum(amount), 0) FROM federation_grant g
                     WHERE g.programme_id = fp.programme_id AND g.year = :year) AS granted,
                   (SELECT coalesce(sum(amount), 0) FROM federation_payment y
                     WHERE y.programme_id = fp.programme_id AND y.paid_on >= make_date(:year, 1, 1)
                       AND y.paid_on < make_date(:year + 1, 1, 1)) AS paid,
                   (SELECT coalesce(sum(amount), 0) FROM federation_use u
                     WHERE u.programme_id = fp.programme_id AND u.year = :year) AS used,
                   (SELECT coalesce(sum(amount), 0) FROM federation_return r
                     WHERE r.programme_id = fp.programme_id AND r.returned_on >= make_date(:year, 1, 1)
                       AND r.returned_on < make_date(:year + 1, 1, 1)) AS returned
              FROM federation_programme fp
              JOIN plan_programme p ON p.id = fp.programme_id
              JOIN organisation_directory o ON o.id = p.organisation_id
            """;

    private final JdbcClient jdbc;

    MoneyEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Programme> programme(long programmeId) {
        return jdbc.sql("""
                SELECT fp.programme_id, fp.federation_id, p.name, fp.case_number, p.organisation_id, o.name AS owner
                  FROM federation_programme fp
                  JOIN plan_programme p ON p.id = fp.programme_id
                  JOIN organisation_directory o ON o.id = p.organisation_id
                 WHERE fp.programme_id = ?""").param(programmeId)
                .query((rs, n) -> new Programme(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6)))
                .optional();
    }

    /** The förbund's programmes, by name; {@code null} federation: none. */
    List<Programme> programmes(long federationId) {
        return jdbc.sql("""
                SELECT fp.programme_id, fp.federation_id, p.name, fp.case_number, p.organisation_id, o.name AS owner
                  FROM federation_programme fp
                  JOIN plan_programme p ON p.id = fp.programme_id
                  JOIN organisation_directory o ON o.id = p.organisation_id
                 WHERE fp.federation_id = ? ORDER BY lower(p.name), fp.programme_id""").param(federationId)
                .query((rs, n) -> new Programme(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6)))
                .list();
    }

    /** The organisation's name and whether it is a förbund (party type FORBUND). */
    Optional<String> federationName(long organisationId) {
        return jdbc.sql("SELECT name FROM organisation_directory WHERE id = ? AND party_type = 'FORBUND'")
                .param(organisationId).query(String.class).optional();
    }

    ProgrammeLine line(long programmeId, int year) {
        return jdbc.sql(LINES + " WHERE fp.programme_id = :programme").param("year", year)
                .param("programme", programmeId).query((rs, n) -> line(rs, year)).single();
    }

    List<ProgrammeLine> lines(long federationId, int year) {
        return jdbc.sql(LINES + " WHERE fp.federation_id = :federation ORDER BY lower(p.name), fp.programme_id")
                .param("year", year).param("federation", federationId).query((rs, n) -> line(rs, year)).list();
    }

    private static ProgrammeLine line(ResultSet rs, int year) throws SQLException {
        return ProgrammeLine.of(rs.getLong("programme_id"), rs.getString("name"), rs.getString("case_number"),
                rs.getString("owner_name"), year, rs.getBigDecimal("budgeted"), rs.getBigDecimal("granted"),
                rs.getBigDecimal("paid"), rs.getBigDecimal("used"), rs.getBigDecimal("returned"));
    }

    // ---- grants ---------------------------------------------------------------------------------------------

    /** Books a grant once: false when the decision's grant for the year is booked already. */
    boolean bookGrant(long federationId, long decisionId, long applicationId, Long programmeId, int year,
            BigDecimal amount, LocalDate decidedOn) {
        return jdbc.sql("""
                INSERT INTO federation_grant (federation_id, decision_id, application_id, programme_id, year, amount,
                                              decided_on)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id, year) DO NOTHING""")
                .params(federationId, decisionId, applicationId, programmeId, year, amount, decidedOn).update() == 1;
    }

    BigDecimal decided(long federationId, int year) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM federation_grant WHERE federation_id = ? AND year = ?")
                .params(federationId, year).query(BigDecimal.class).single();
    }

    BigDecimal granted(long programmeId, int year) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM federation_grant WHERE programme_id = ? AND year = ?")
                .params(programmeId, year).query(BigDecimal.class).single();
    }

    List<StructuralGrant> structural(long federationId, int year) {
        return jdbc.sql("""
                SELECT decision_id, application_id, amount, decided_on FROM federation_grant
                 WHERE federation_id = ? AND year = ? AND programme_id IS NULL ORDER BY decided_on, decision_id""")
                .params(federationId, year).query((rs, n) -> new StructuralGrant(rs.getLong(1), rs.getLong(2),
                        rs.getBigDecimal(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    List<Grant> grants(long programmeId) {
        return jdbc.sql("""
                SELECT decision_id, year, amount, decided_on FROM federation_grant WHERE programme_id = ?
                 ORDER BY year DESC, decided_on, decision_id""").param(programmeId)
                .query((rs, n) -> new Grant(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    // ---- budget lines ---------------------------------------------------------------------------------------

    List<FunderShare> funders(long programmeId) {
        return jdbc.sql("""
                SELECT f.id, coalesce(f.name, o.name, f.kind) AS name, f.share_percent
                  FROM federation_programme_funder f LEFT JOIN organisation_directory o ON o.id = f.organisation_id
                 WHERE f.programme_id = ? ORDER BY f.id""").param(programmeId)
                .query((rs, n) -> new FunderShare(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3))).list();
    }

    /** Whether the programme already has a line for the year from the funder (by id, or by name in any case). */
    boolean hasBudgetLine(long programmeId, int year, Long funderId, String funderName) {
        return jdbc.sql("""
                SELECT count(*) FROM federation_budget_line WHERE programme_id = ? AND year = ?
                   AND (funder_id = ? OR (funder_id IS NULL AND lower(trim(funder_name)) = lower(trim(?))))""")
                .params(programmeId, year, funderId, funderName).query(Long.class).single() > 0;
    }

    long insertBudgetLine(long programmeId, int year, Long funderId, String funderName, BigDecimal amount,
            long userId) {
        return jdbc.sql("""
                INSERT INTO federation_budget_line (programme_id, year, funder_id, funder_name, amount, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(programmeId, year, funderId, funderName, amount, userId).query(Long.class).single();
    }

    boolean deleteBudgetLine(long programmeId, long lineId) {
        return jdbc.sql("DELETE FROM federation_budget_line WHERE id = ? AND programme_id = ?")
                .params(lineId, programmeId).update() == 1;
    }

    List<BudgetLine> budget(long programmeId) {
        return jdbc.sql("""
                SELECT b.id, b.year, coalesce(b.funder_name, f.name, o.name, f.kind) AS funder, b.amount
                  FROM federation_budget_line b
                  LEFT JOIN federation_programme_funder f ON f.id = b.funder_id
                  LEFT JOIN organisation_directory o ON o.id = f.organisation_id
                 WHERE b.programme_id = ? ORDER BY b.year DESC, b.id""").param(programmeId)
                .query((rs, n) -> new BudgetLine(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4)))
                .list();
    }

    // ---- payments, use, returns -----------------------------------------------------------------------------

    long insertPayment(long programmeId, LocalDate paidOn, BigDecimal amount, String note, long userId) {
        return jdbc.sql("""
                INSERT INTO federation_payment (programme_id, paid_on, amount, note, created_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""").params(programmeId, paidOn, amount, note, userId)
                .query(Long.class).single();
    }

    List<Payment> payments(long programmeId) {
        return jdbc.sql("SELECT id, paid_on, amount, note FROM federation_payment WHERE programme_id = ?"
                + " ORDER BY paid_on DESC, id DESC").param(programmeId)
                .query((rs, n) -> new Payment(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                        rs.getString(4)))
                .list();
    }

    long insertReturn(long programmeId, LocalDate returnedOn, BigDecimal amount, String reason, long userId) {
        return jdbc.sql("""
                INSERT INTO federation_return (programme_id, returned_on, amount, reason, created_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""").params(programmeId, returnedOn, amount, reason, userId)
                .query(Long.class).single();
    }

    List<Return> returns(long programmeId) {
        return jdbc.sql("SELECT id, returned_on, amount, reason FROM federation_return WHERE programme_id = ?"
                + " ORDER BY returned_on DESC, id DESC").param(programmeId)
                .query((rs, n) -> new Return(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                        rs.getString(4)))
                .list();
    }

    List<QuarterUse> uses(long programmeId) {
        return jdbc.sql("""
                SELECT year, quarter, amount, import_id IS NOT NULL AS imported, version, entered_at
                  FROM federation_use WHERE programme_id = ? ORDER BY year DESC, quarter""").param(programmeId)
                .query((rs, n) -> new QuarterUse(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBoolean(4),
                        rs.getInt(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    Optional<QuarterUse> use(long programmeId, int year, int quarter) {
        return uses(programmeId).stream().filter(u -> u.year() == year && u.quarter() == quarter).findFirst();
    }

    /** The year's use of the programme without the one quarter (what a new figure for it is added to). */
    BigDecimal usedExcept(long programmeId, int year, int quarter) {
        return jdbc.sql("""
                SELECT coalesce(sum(amount), 0) FROM federation_use
                 WHERE programme_id = ? AND year = ? AND quarter <> ?""").params(programmeId, year, quarter)
                .query(BigDecimal.class).single();
    }

    /**
     * Inserts a quarter's use ({@code version} null) or corrects it as it was at {@code version}; false when someone
     * entered or changed the quarter since.
     */
    boolean saveUse(long programmeId, int year, int quarter, BigDecimal amount, UUID importId, long userId,
            Integer version) {
        if (version != null) {
            return updateUse(programmeId, year, quarter, version, amount, importId, userId);
        }
        try {
            insertUse(programmeId, year, quarter, amount, importId, userId);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void insertUse(long programmeId, int year, int quarter, BigDecimal amount, UUID importId, long userId) {
        jdbc.sql("""
                INSERT INTO federation_use (programme_id, year, quarter, amount, import_id, entered_by)
                VALUES (?, ?, ?, ?, ?, ?)""").params(programmeId, year, quarter, amount, importId, userId).update();
    }

    /** Corrects a quarter's figure, only as it was at {@code version}: false when someone changed it since. */
    private boolean updateUse(long programmeId, int year, int quarter, int version, BigDecimal amount, UUID importId,
            long userId) {
        return jdbc.sql("""
                UPDATE federation_use SET amount = ?, import_id = ?, entered_by = ?, entered_at = now(),
                       version = version + 1
                 WHERE programme_id = ? AND year = ? AND quarter = ? AND version = ?""")
                .params(amount, importId, userId, programmeId, year, quarter, version).update() == 1;
    }

    // ---- the annual budget ----------------------------------------------------------------------------------

    Optional<FederationYear.AnnualBudget> annualBudget(long federationId, int year) {
        List<Area> areas = jdbc.sql("""
                SELECT area, amount FROM federation_annual_budget_area WHERE federation_id = ? AND year = ?
                 ORDER BY position""").params(federationId, year)
                .query((rs, n) -> new Area(rs.getString(1), rs.getBigDecimal(2))).list();
        return jdbc.sql("SELECT total, version FROM federation_annual_budget WHERE federation_id = ? AND year = ?")
                .params(federationId, year)
                .query((rs, n) -> FederationYear.AnnualBudget.of(rs.getBigDecimal(1), areas, rs.getInt(2)))
                .optional();
    }

    /** Sets the year's budget: new (version null), or as it was at {@code version}; false when changed since. */
    boolean saveAnnualBudget(long federationId, int year, BigDecimal total, List<Area> areas, Integer version,
            long userId) {
        int rows;
        if (version == null) {
            rows = jdbc.sql("""
                    INSERT INTO federation_annual_budget (federation_id, year, total, updated_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT (federation_id, year) DO NOTHING""").params(federationId, year, total, userId)
                    .update();
        } else {
            rows = jdbc.sql("""
                    UPDATE federation_annual_budget SET total = ?, version = version + 1, updated_by = ?,
                           updated_at = now()
                     WHERE federation_id = ? AND year = ? AND version = ?""")
                    .params(total, userId, federationId, year, version).update();
        }
        if (rows != 1) {
            return false;
        }
        jdbc.sql("DELETE FROM federation_annual_budget_area WHERE federation_id = ? AND year = ?")
                .params(federationId, year).update();
        for (int i = 0; i < areas.size(); i++) {
            jdbc.sql("""
                    INSERT INTO federation_annual_budget_area (federation_id, year, position, area, amount)
                    VALUES (?, ?, ?, ?, ?)""").params(federationId, year, i + 1, areas.get(i).area(),
                    areas.get(i).amount()).update();
        }
        return true;
    }
}
