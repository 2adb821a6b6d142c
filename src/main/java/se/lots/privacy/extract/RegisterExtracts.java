package se.lots.privacy.extract;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.PersonalDataSection;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The requests for register extracts, their prepared content and their secrecy review. */
@Repository
public class RegisterExtracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<PersonalDataSection>> SECTIONS = new TypeReference<>() {
    };

    // every column but the prepared content, which only the case page and the files read
    private static final String COLUMNS = """
            SELECT id, organisation_id, person_id, received_on, requested_by, requester_name, identity_check,
                   identity_note, status, deadline, extended_to, extension_reason, refusal_reason, prepared_at,
                   prepared_by, young_person_secrecy_considered, reviewed_at, reviewed_by, handover, handed_over_at,
                   handed_over_by, created_at, created_by, version
              FROM privacy_extract_request
            """;

    private final JdbcClient jdbc;

    RegisterExtracts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(OrganisationId organisation, UUID personId, LocalDate receivedOn, Requester requestedBy,
            String requesterName, IdentityCheck identityCheck, String identityNote, LocalDate deadline, Instant at,
            long userId) {
        return jdbc.sql("""
                INSERT INTO privacy_extract_request (organisation_id, person_id, received_on, requested_by,
                       requester_name, identity_check, identity_note, status, deadline, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?)
                RETURNING id""")
                .params(organisation.value(), personId, receivedOn, requestedBy.name(), requesterName,
                        identityCheck.name(), identityNote, deadline, Timestamp.from(at), userId)
                .query(UUID.class).single();
    }

    Optional<RegisterExtract> byId(UUID id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(RegisterExtracts::map).optional();
    }

    /** The organisation's requests: open ones first, the earliest due first; then the closed, the latest first. */
    List<RegisterExtract> ofOrganisation(OrganisationId organisation) {
        return jdbc.sql(COLUMNS + """
                 WHERE organisation_id = ?
                 ORDER BY status IN ('HANDED_OVER', 'REFUSED'),
                          CASE WHEN status IN ('HANDED_OVER', 'REFUSED') THEN NULL
                               ELSE coalesce(extended_to, deadline) END,
                          created_at DESC""")
                .param(organisation.value()).query(RegisterExtracts::map).list();
    }

    /** How many of the organisation's requests are open, and how many of them were due before {@code today}. */
    int[] openCounts(OrganisationId organisation, LocalDate today) {
        return jdbc.sql("""
                SELECT count(*) AS open, count(*) FILTER (WHERE coalesce(extended_to, deadline) < ?) AS overdue
                  FROM privacy_extract_request
                 WHERE organisation_id = ? AND status IN ('REQUESTED', 'PREPARED', 'REVIEWED')""")
                .params(today, organisation.value())
                .query((rs, n) -> new int[] { rs.getInt("open"), rs.getInt("overdue") }).single();
    }

    List<PersonalDataSection> content(UUID id) {
        String json = jdbc.sql("SELECT content::text FROM privacy_extract_request WHERE id = ?").param(id)
                .query(String.class).optional().orElse(null);
        return json == null ? List.of() : JSON.readValue(json, SECTIONS);
    }

    List<SectionReview> reviews(UUID id) {
        return jdbc.sql("""
                SELECT register, disclose, withheld_reason FROM privacy_extract_review WHERE request_id = ?
                 ORDER BY register""").param(id)
                .query((rs, n) -> new SectionReview(rs.getString("register"), rs.getBoolean("disclose"),
                        rs.getString("withheld_reason"))).list();
    }

    boolean prepared(UUID id, int version, List<PersonalDataSection> content, Instant at, long userId) {
        jdbc.sql("DELETE FROM privacy_extract_review WHERE request_id = ?").param(id).update();
        return jdbc.sql("""
                UPDATE privacy_extract_request
                   SET status = 'PREPARED', content = ?::jsonb, prepared_at = ?, prepared_by = ?, reviewed_at = NULL,
                       reviewed_by = NULL, young_person_secrecy_considered = NULL, version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(JSON.writeValueAsString(content), Timestamp.from(at), userId, id, version).update() == 1;
    }

    boolean reviewed(UUID id, int version, List<SectionReview> reviews, Boolean secrecyConsidered, Instant at,
            long userId) {
        boolean updated = jdbc.sql("""
                UPDATE privacy_extract_request
                   SET status = 'REVIEWED', reviewed_at = ?, reviewed_by = ?, young_person_secrecy_considered = ?,
                       version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(Timestamp.from(at), userId, secrecyConsidered, id, version).update() == 1;
        if (updated) {
            for (SectionReview r : reviews) {
                jdbc.sql("""
                        INSERT INTO privacy_extract_review (request_id, register, disclose, withheld_reason)
                        VALUES (?, ?, ?, ?)""").params(id, r.register(), r.disclose(), r.withheldReason()).update();
            }
        }
        return updated;
    }

    boolean extended(UUID id, int version, LocalDate to, String reason) {
        return jdbc.sql("""
                UPDATE privacy_extract_request SET extended_to = ?, extension_reason = ?, version = version + 1
                 WHERE id = ? AND version = ?""").params(to, reason, id, version).update() == 1;
    }

    boolean refused(UUID id, int version, String reason) {
        return jdbc.sql("""
                UPDATE privacy_extract_request SET status = 'REFUSED', refusal_reason = ?, version = version + 1
                 WHERE id = ? AND version = ?""").params(reason, id, version).update() == 1;
    }

    boolean handedOver(UUID id, int version, Handover way, Instant at, long userId) {
        return jdbc.sql("""
                UPDATE privacy_extract_request
                   SET status = 'HANDED_OVER', handover = ?, handed_over_at = ?, handed_over_by = ?,
                       version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(way.name(), Timestamp.from(at), userId, id, version).update() == 1;
    }

    private static RegisterExtract map(ResultSet rs, int n) throws SQLException {
        String handover = rs.getString("handover");
        return new RegisterExtract(rs.getObject("id", UUID.class), new OrganisationId(rs.getLong("organisation_id")),
                rs.getObject("person_id", UUID.class), rs.getObject("received_on", LocalDate.class),
                Requester.valueOf(rs.getString("requested_by")), rs.getString("requester_name"),
                IdentityCheck.valueOf(rs.getString("identity_check")), rs.getString("identity_note"),
                ExtractStatus.valueOf(rs.getString("status")), rs.getObject("deadline", LocalDate.class),
                rs.getObject("extended_to", LocalDate.class), rs.getString("extension_reason"),
                rs.getString("refusal_reason"), instant(rs, "prepared_at"), (Long) rs.getObject("prepared_by"),
                (Boolean) rs.getObject("young_person_secrecy_considered"), instant(rs, "reviewed_at"),
                (Long) rs.getObject("reviewed_by"), handover == null ? null : Handover.valueOf(handover),
                instant(rs, "handed_over_at"), (Long) rs.getObject("handed_over_by"), instant(rs, "created_at"),
                rs.getLong("created_by"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
