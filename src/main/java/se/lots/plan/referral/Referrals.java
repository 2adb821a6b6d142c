package se.lots.plan.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;

@Repository
public class Referrals {

    private static final String SELECT = """
            SELECT r.*, fo.name AS from_organisation_name, fu.name AS from_unit_name, u.display_name AS from_user_name,
                   tor.name AS to_organisation_name, tu.name AS to_unit_name
              FROM referral r
              JOIN organisation_directory fo ON fo.id = r.from_organisation_id
              LEFT JOIN organisation_unit_directory fu ON fu.id = r.from_unit_id
              JOIN organisation_staff u ON u.id = r.from_user_id
              JOIN organisation_directory tor ON tor.id = r.to_organisation_id
              LEFT JOIN organisation_unit_directory tu ON tu.id = r.to_unit_id
            """;
    private static final String OPEN_FIRST = """
             ORDER BY CASE WHEN r.status IN ('SKICKAD', 'MOTTAGEN', 'ACCEPTERAD', 'PABORJAD') THEN 0 ELSE 1 END,
                      r.sent_at, r.id""";

    public record NewReferral(UUID personId, OrganisationId fromOrganisationId, Long fromUnitId, long fromUserId,
            OrganisationId toOrganisationId, Long toUnitId, String intervention, String reason, String request,
            UUID consentId, Long interventionId, Instant sentAt) {
    }

    private final JdbcClient jdbc;

    Referrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insert(NewReferral r) {
        return jdbc.sql("""
                INSERT INTO referral (person_id, from_organisation_id, from_unit_id, from_user_id, to_organisation_id,
                                      to_unit_id, intervention, reason, request, consent_id, status, intervention_id,
                                      sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SKICKAD', ?, ?) RETURNING id""")
                .params(r.personId(), r.fromOrganisationId().value(), r.fromUnitId(), r.fromUserId(),
                        r.toOrganisationId().value(),
                        r.toUnitId(), r.intervention(), r.reason(), r.request(), r.consentId(), r.interventionId(),
                        Timestamp.from(r.sentAt()))
                .query(UUID.class).single();
    }

    public void history(UUID referralId, ReferralStatus status, String reason, long userId, Instant at) {
        jdbc.sql("INSERT INTO referral_status (referral_id, status, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)")
                .params(referralId, status.name(), reason, userId, Timestamp.from(at)).update();
    }

    /**
     * Moves the referral when nobody changed it after {@code version}; sets the first time each state was reached, by
     * the application's clock (the waiting time is counted from these times).
     */
    public boolean move(UUID id, ReferralStatus to, String reason, int version, Instant at) {
        return jdbc.sql("""
                UPDATE referral SET status = :to, status_reason = :reason, version = version + 1,
                       received_at = CASE WHEN :to = 'MOTTAGEN' THEN coalesce(received_at, :at) ELSE received_at END,
                       answered_at = CASE WHEN :to IN ('ACCEPTERAD', 'AVBOJD') THEN coalesce(answered_at, :at)
                                          ELSE answered_at END,
                       started_at = CASE WHEN :to = 'PABORJAD' THEN coalesce(started_at, :at) ELSE started_at END,
                       ended_at = CASE WHEN :to IN ('AVSLUTAD', 'AVBOJD', 'ATERKALLAD') THEN coalesce(ended_at, :at)
                                       ELSE ended_at END
                 WHERE id = :id AND version = :version""")
                .param("to", to.name()).param("reason", reason).param("id", id).param("version", version)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    public Optional<Referral> byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(Referrals::referral).optional();
    }

    public List<Referral> forPerson(UUID personId) {
        return jdbc.sql(SELECT + " WHERE r.person_id = ? ORDER BY r.sent_at DESC, r.id").param(personId)
                .query(Referrals::referral).list();
    }

    public List<Referral> incoming(OrganisationId organisationId) {
        return jdbc.sql(SELECT + " WHERE r.to_organisation_id = ? " + OPEN_FIRST).param(organisationId.value())
                .query(Referrals::referral).list();
    }

    public List<Referral> outgoing(OrganisationId organisationId) {
        return jdbc.sql(SELECT + " WHERE r.from_organisation_id = ? " + OPEN_FIRST).param(organisationId.value())
                .query(Referrals::referral).list();
    }

    /** Per receiving organisation and unit, among the referrals sent by or to {@code organisationId}. */
    public List<WaitingTime> waitingTimes(OrganisationId organisationId, LocalDate today, int responseDays,
            ZoneId zone) {
        return jdbc.sql("""
                WITH r AS (
                    SELECT r.to_organisation_id, r.to_unit_id, r.status, r.started_at,
                           (r.sent_at AT TIME ZONE CAST(:zone AS text))::date AS sent_on,
                           (r.started_at AT TIME ZONE CAST(:zone AS text))::date - (r.sent_at AT TIME ZONE CAST(:zone AS text))::date AS waited
                      FROM referral r
                     WHERE r.from_organisation_id = :org OR r.to_organisation_id = :org)
                SELECT r.to_organisation_id, o.name AS to_organisation_name, r.to_unit_id, u.name AS to_unit_name,
                       count(*) AS sent,
                       count(r.started_at) AS started,
                       count(*) FILTER (WHERE r.status = 'AVSLUTAD') AS completed,
                       count(*) FILTER (WHERE r.status IN ('SKICKAD', 'MOTTAGEN')
                                          AND CAST(:today AS date) - r.sent_on >= :days) AS unanswered,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY r.waited) AS median_days,
                       avg(r.waited)::float8 AS mean_days
                  FROM r JOIN organisation_directory o ON o.id = r.to_organisation_id
                  LEFT JOIN organisation_unit_directory u ON u.id = r.to_unit_id
                 GROUP BY r.to_organisation_id, o.name, r.to_unit_id, u.name
                 ORDER BY o.name, u.name NULLS FIRST""")
                .param("org", organisationId.value()).param("today", today).param("days", responseDays)
                .param("zone", pgZone(zone))
                .query((rs, n) -> new WaitingTime(new OrganisationId(rs.getLong("to_organisation_id")),
                        rs.getString("to_organisation_name"),
                        rs.getObject("to_unit_id", Long.class), rs.getString("to_unit_name"), rs.getLong("sent"),
                        rs.getLong("started"), rs.getLong("completed"), rs.getLong("unanswered"),
                        rs.getObject("median_days", Double.class), rs.getObject("mean_days", Double.class)))
                .list();
    }

    private static Referral referral(ResultSet rs, int row) throws SQLException {
        return new Referral(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                new OrganisationId(rs.getLong("from_organisation_id")), rs.getString("from_organisation_name"),
                rs.getObject("from_unit_id", Long.class), rs.getString("from_unit_name"), rs.getLong("from_user_id"),
                rs.getString("from_user_name"), new OrganisationId(rs.getLong("to_organisation_id")),
                rs.getString("to_organisation_name"),
                rs.getObject("to_unit_id", Long.class), rs.getString("to_unit_name"), rs.getString("intervention"),
                rs.getString("reason"), rs.getString("request"), rs.getObject("consent_id", UUID.class),
                ReferralStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                instant(rs, "sent_at"), instant(rs, "received_at"), instant(rs, "answered_at"),
                instant(rs, "started_at"), instant(rs, "ended_at"), rs.getInt("version"));
    }

    /** A zone name PostgreSQL knows; a fixed offset as a POSIX name (whose sign is the other way round). */
    private static String pgZone(ZoneId zone) {
        if (zone.normalized() instanceof java.time.ZoneOffset offset) {
            int seconds = -offset.getTotalSeconds();
            return seconds == 0 ? "UTC" : String.format("<%+d>%+d:%02d", -seconds / 3600, seconds / 3600,
                    Math.abs(seconds / 60 % 60));
        }
        return zone.getId();
    }

    public java.util.Map<UUID, String> names(List<UUID> personIds) {
        var names = new java.util.HashMap<UUID, String>();
        jdbc.sql("""
                SELECT id, coalesce(first_name || ' ' || last_name, '–') AS name
                  FROM registry_person WHERE id = ANY (?)""")
                .param(personIds.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
