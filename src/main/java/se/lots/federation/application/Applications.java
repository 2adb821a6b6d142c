package se.lots.federation.application;

import java.math.BigDecimal;
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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.organisation.PartyType;

/**
 * Applications, their budget and parties, proposals, and the decisions the board recorded on them (read here, written
 * by the governance feature). Organisation, user and programme names from the published views.
 */
@Repository
class Applications {

    /** The status as what followed the application makes it (ApplicationStatus). */
    private static final String STATUS = """
            CASE WHEN a.withdrawn_at IS NOT NULL THEN 'ATERKALLAD'
                 WHEN EXISTS (SELECT 1 FROM federation_decision d
                               WHERE d.application_id = a.id AND d.outcome <> 'POSTPONED'
                                 AND NOT EXISTS (SELECT 1 FROM federation_decision n WHERE n.supersedes_id = d.id))
                      THEN 'BESLUTAD'
                 WHEN EXISTS (SELECT 1 FROM federation_agenda_item i WHERE i.application_id = a.id) THEN 'PA_DAGORDNING'
                 WHEN EXISTS (SELECT 1 FROM federation_proposal p WHERE p.application_id = a.id) THEN 'BEREDD'
                 ELSE 'INKOMMEN' END""";

    private static final String SUMMARY = """
            SELECT a.id, a.title, o.name AS applicant_name, a.kind, a.period_from, a.period_to,
                   (SELECT coalesce(sum(b.amount), 0) FROM federation_application_budget b
                     WHERE b.application_id = a.id) AS budget_total,
                   a.submitted_at, %s AS status
              FROM federation_application a JOIN organisation_directory o ON o.id = a.applicant_id
            """.formatted(STATUS);

    private final JdbcClient jdbc;

    Applications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(OrganisationId federation, OrganisationId applicant, ApplicationKind kind, Long programmeId,
            String newProgrammeName, String title, String purpose, String goals, LocalDate from, LocalDate to,
            long userId, Instant at, List<YearAmount> budget, List<Application.PartyCommitment> parties) {
        long id = jdbc.sql("""
                INSERT INTO federation_application (federation_id, applicant_id, kind, programme_id, new_programme_name,
                                                    title, purpose, goals, period_from, period_to, submitted_by,
                                                    submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(federation.value(), applicant.value(), kind.name(), programmeId, newProgrammeName, title,
                        purpose, goals, from, to, userId, Timestamp.from(at))
                .query(Long.class).single();
        for (YearAmount line : budget) {
            jdbc.sql("INSERT INTO federation_application_budget (application_id, year, amount) VALUES (?, ?, ?)")
                    .params(id, line.year(), line.amount()).update();
        }
        for (Application.PartyCommitment p : parties) {
            jdbc.sql("""
                    INSERT INTO federation_application_party (application_id, organisation_id, commitment,
                                                              commitment_amount)
                    VALUES (?, ?, ?, ?)""").params(id, p.organisationId().value(), p.commitment(), p.commitmentAmount())
                    .update();
        }
        return id;
    }

    List<ApplicationSummary> ofFederation(OrganisationId federation) {
        return jdbc.sql(SUMMARY + " WHERE a.federation_id = ? ORDER BY a.submitted_at DESC, a.id DESC LIMIT 500")
                .param(federation.value()).query(this::summary).list();
    }

    List<ApplicationSummary> ofApplicant(OrganisationId applicant) {
        return jdbc.sql(SUMMARY + " WHERE a.applicant_id = ? ORDER BY a.submitted_at DESC, a.id DESC LIMIT 500")
                .param(applicant.value()).query(this::summary).list();
    }

    /** The application with its budget, parties and decisions; proposals only when {@code withProposals}. */
    Optional<Application> find(long id, boolean withProposals) {
        return core(id, "").map(c -> assemble(c, withProposals));
    }

    /** As {@link #find}, the application's row locked until the transaction ends (a decision and a withdrawal wait). */
    Optional<Application> lock(long id, boolean withProposals) {
        return core(id, " FOR UPDATE OF a").map(c -> assemble(c, withProposals));
    }

    void withdraw(long id, long userId, Instant at) {
        jdbc.sql("UPDATE federation_application SET withdrawn_by = ?, withdrawn_at = ? WHERE id = ?")
                .params(userId, Timestamp.from(at), id).update();
    }

    long insertProposal(long applicationId, DecisionOutcome outcome, BigDecimal amount, String reasoning, Long supersedes,
            long userId, Instant at) {
        return jdbc.sql("""
                INSERT INTO federation_proposal (application_id, outcome, amount, reasoning, supersedes_id, proposed_by,
                                                 proposed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(applicationId, outcome.name(), amount, reasoning, supersedes, userId, Timestamp.from(at))
                .query(Long.class).single();
    }

    boolean isFederation(OrganisationId organisation) {
        return jdbc.sql("SELECT count(*) FROM organisation_directory WHERE id = ? AND party_type = 'FORBUND'")
                .param(organisation.value()).query(Long.class).single() > 0;
    }

    /** The förbunds the organisation is a member of on {@code day}. */
    List<ApplicationChoices.Choice> federationsOf(OrganisationId organisation, LocalDate day) {
        return jdbc.sql("""
                SELECT f.id, f.name FROM federation_member m JOIN organisation_directory f ON f.id = m.federation_id
                 WHERE m.organisation_id = ? AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)
                 ORDER BY f.name, f.id""").params(organisation.value(), day, day)
                .query((rs, n) -> new ApplicationChoices.Choice(rs.getLong("id"), rs.getString("name"))).list();
    }

    /** The förbund's member organisations on {@code day}. */
    List<ApplicationChoices.MemberChoice> members(OrganisationId federation, LocalDate day) {
        return jdbc.sql("""
                SELECT o.id, o.name, o.party_type FROM federation_member m
                  JOIN organisation_directory o ON o.id = m.organisation_id
                 WHERE m.federation_id = ? AND m.joined_on <= ? AND (m.left_on IS NULL OR m.left_on > ?)
                 ORDER BY o.party_type, o.name, o.id""").params(federation.value(), day, day)
                .query((rs, n) -> new ApplicationChoices.MemberChoice(new OrganisationId(rs.getLong("id")),
                        rs.getString("name"), PartyType.valueOf(rs.getString("party_type"))))
                .list();
    }

    /** The förbund's Finsam programmes. */
    List<ApplicationChoices.Choice> programmes(OrganisationId federation) {
        return jdbc.sql("""
                SELECT fp.programme_id, p.name FROM federation_programme fp
                  JOIN plan_programme p ON p.id = fp.programme_id
                 WHERE fp.federation_id = ? ORDER BY p.name, fp.programme_id""").param(federation.value())
                .query((rs, n) -> new ApplicationChoices.Choice(rs.getLong("programme_id"), rs.getString("name")))
                .list();
    }

    private record Core(Application application) {
    }

    private Optional<Core> core(long id, String lock) {
        return jdbc.sql("""
                SELECT a.*, f.name AS federation_name, o.name AS applicant_name, p.name AS programme_name,
                       s.display_name AS submitted_by_name, w.display_name AS withdrawn_by_name, %s AS status
                  FROM federation_application a
                  JOIN organisation_directory f ON f.id = a.federation_id
                  JOIN organisation_directory o ON o.id = a.applicant_id
                  LEFT JOIN plan_programme p ON p.id = a.programme_id
                  LEFT JOIN organisation_staff s ON s.id = a.submitted_by
                  LEFT JOIN organisation_staff w ON w.id = a.withdrawn_by
                 WHERE a.id = ?""".formatted(STATUS) + lock).param(id)
                .query((rs, n) -> new Core(new Application(rs.getLong("id"),
                        new OrganisationId(rs.getLong("federation_id")), rs.getString("federation_name"),
                        new OrganisationId(rs.getLong("applicant_id")), rs.getString("applicant_name"),
                        ApplicationKind.valueOf(rs.getString("kind")), (Long) rs.getObject("programme_id"),
                        rs.getString("programme_id") != null ? rs.getString("programme_name")
                                : rs.getString("new_programme_name"),
                        rs.getString("new_programme_name") != null, rs.getString("title"), rs.getString("purpose"),
                        rs.getString("goals"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), List.of(), List.of(),
                        rs.getString("submitted_by_name"), instant(rs, "submitted_at"),
                        rs.getString("withdrawn_by_name"), instant(rs, "withdrawn_at"),
                        ApplicationStatus.valueOf(rs.getString("status")), List.of(), List.of())))
                .optional();
    }

    private Application assemble(Core core, boolean withProposals) {
        Application a = core.application();
        List<YearAmount> budget = jdbc.sql("""
                SELECT year, amount FROM federation_application_budget WHERE application_id = ? ORDER BY year""")
                .param(a.id()).query((rs, n) -> new YearAmount(rs.getInt("year"), rs.getBigDecimal("amount"))).list();
        List<Application.PartyCommitment> parties = jdbc.sql("""
                SELECT p.organisation_id, o.name, o.party_type, p.commitment, p.commitment_amount
                  FROM federation_application_party p JOIN organisation_directory o ON o.id = p.organisation_id
                 WHERE p.application_id = ? ORDER BY o.party_type, o.name, o.id""").param(a.id())
                .query((rs, n) -> new Application.PartyCommitment(new OrganisationId(rs.getLong("organisation_id")),
                        rs.getString("name"), PartyType.valueOf(rs.getString("party_type")),
                        rs.getString("commitment"), rs.getBigDecimal("commitment_amount")))
                .list();
        List<FundingProposal> proposals = withProposals ? proposals(a.id()) : List.of();
        return new Application(a.id(), a.federationId(), a.federationName(), a.applicantId(), a.applicantName(),
                a.kind(), a.programmeId(), a.programmeName(), a.newProgramme(), a.title(), a.purpose(), a.goals(),
                a.periodFrom(), a.periodTo(), budget, parties, a.submittedByName(), a.submittedAt(),
                a.withdrawnByName(), a.withdrawnAt(), a.status(), proposals, decisions(a.id()));
    }

    private List<FundingProposal> proposals(long applicationId) {
        return jdbc.sql("""
                SELECT p.*, s.display_name FROM federation_proposal p
                  LEFT JOIN organisation_staff s ON s.id = p.proposed_by
                 WHERE p.application_id = ? ORDER BY p.id""").param(applicationId)
                .query((rs, n) -> new FundingProposal(rs.getLong("id"), applicationId, DecisionOutcome.valueOf(rs.getString("outcome")),
                        rs.getBigDecimal("amount"), rs.getString("reasoning"), (Long) rs.getObject("supersedes_id"),
                        rs.getString("display_name"), instant(rs, "proposed_at")))
                .list();
    }

    /** The decisions on the application in the order they were recorded: each later one supersedes the one before. */
    List<BoardDecision> decisions(long applicationId) {
        Map<Long, List<YearAmount>> grants = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT g.decision_id, g.year, g.amount FROM federation_decision_grant g
                  JOIN federation_decision d ON d.id = g.decision_id WHERE d.application_id = ? ORDER BY g.year""")
                .param(applicationId).query(rs -> {
                    grants.computeIfAbsent(rs.getLong("decision_id"), k -> new ArrayList<>())
                            .add(new YearAmount(rs.getInt("year"), rs.getBigDecimal("amount")));
                });
        Map<Long, List<LocalDate>> dates = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.decision_id, r.due_on FROM federation_decision_reporting_date r
                  JOIN federation_decision d ON d.id = r.decision_id WHERE d.application_id = ? ORDER BY r.due_on""")
                .param(applicationId).query(rs -> {
                    dates.computeIfAbsent(rs.getLong("decision_id"), k -> new ArrayList<>())
                            .add(rs.getObject("due_on", LocalDate.class));
                });
        return jdbc.sql("""
                SELECT d.*, i.meeting_id, s.display_name FROM federation_decision d
                  JOIN federation_agenda_item i ON i.id = d.agenda_item_id
                  LEFT JOIN organisation_staff s ON s.id = d.recorded_by
                 WHERE d.application_id = ? ORDER BY d.id""").param(applicationId)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new BoardDecision(id, applicationId, rs.getLong("meeting_id"), rs.getLong("agenda_item_id"),
                            DecisionOutcome.valueOf(rs.getString("outcome")), rs.getObject("decided_on", LocalDate.class),
                            List.copyOf(grants.getOrDefault(id, List.of())), rs.getString("conditions"),
                            List.copyOf(dates.getOrDefault(id, List.of())), (Long) rs.getObject("supersedes_id"),
                            rs.getString("display_name"), instant(rs, "recorded_at"));
                }).list();
    }

    private ApplicationSummary summary(ResultSet rs, int n) throws SQLException {
        return new ApplicationSummary(rs.getLong("id"), rs.getString("title"), rs.getString("applicant_name"),
                ApplicationKind.valueOf(rs.getString("kind")), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getBigDecimal("budget_total"),
                instant(rs, "submitted_at"), ApplicationStatus.valueOf(rs.getString("status")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
