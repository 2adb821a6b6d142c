package se.lots.privacy.erasure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.extract.IdentityCheck;
import se.lots.privacy.extract.Requester;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The decided requests for erasure ({@code privacy_erasure_request}), none of which names the person. */
@Repository
class ErasureRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Map<String, Long>>> REGISTERS = new TypeReference<>() {
    };
    private static final TypeReference<List<ErasureGround>> GROUNDS = new TypeReference<>() {
    };
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private static final String COLUMNS = """
            SELECT id, case_number, organisation_id, received_on, requested_by, identity_check, outcome,
                   registers::text AS registers, grounds::text AS grounds, person_forgotten, decided_at, decided_by
              FROM privacy_erasure_request
            """;

    private final JdbcClient jdbc;

    ErasureRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the decision under a new case number (RAD-year-number) and returns it. */
    ErasureCase insert(OrganisationId organisation, LocalDate receivedOn, Requester requestedBy,
            IdentityCheck identityCheck, ErasureOutcome outcome, Map<String, Map<String, Long>> registers,
            List<ErasureGround> grounds, boolean personForgotten, Instant at, long userId) {
        long n = jdbc.sql("SELECT nextval('privacy_erasure_case_seq')").query(Long.class).single();
        String caseNumber = String.format(java.util.Locale.ROOT, "RAD-%d-%05d", at.atZone(SWEDEN).getYear(), n);
        UUID id = jdbc.sql("""
                INSERT INTO privacy_erasure_request (case_number, organisation_id, received_on, requested_by,
                       identity_check, outcome, registers, grounds, person_forgotten, decided_at, decided_by)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
                RETURNING id""")
                .params(caseNumber, organisation.value(), receivedOn, requestedBy.name(), identityCheck.name(),
                        outcome.name(), JSON.writeValueAsString(registers), JSON.writeValueAsString(grounds),
                        personForgotten, Timestamp.from(at), userId)
                .query(UUID.class).single();
        return byId(id).orElseThrow();
    }

    Optional<ErasureCase> byId(UUID id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(ErasureRequests::map).optional();
    }

    /** The organisation's decided requests, the latest first. */
    List<ErasureCase> ofOrganisation(OrganisationId organisation) {
        return jdbc.sql(COLUMNS + " WHERE organisation_id = ? ORDER BY decided_at DESC, case_number DESC")
                .param(organisation.value()).query(ErasureRequests::map).list();
    }

    private static ErasureCase map(ResultSet rs, int n) throws SQLException {
        return new ErasureCase(rs.getObject("id", UUID.class), rs.getString("case_number"),
                new OrganisationId(rs.getLong("organisation_id")), rs.getObject("received_on", LocalDate.class),
                Requester.valueOf(rs.getString("requested_by")), IdentityCheck.valueOf(rs.getString("identity_check")),
                ErasureOutcome.valueOf(rs.getString("outcome")), JSON.readValue(rs.getString("registers"), REGISTERS),
                JSON.readValue(rs.getString("grounds"), GROUNDS), rs.getBoolean("person_forgotten"),
                rs.getTimestamp("decided_at").toInstant(), rs.getLong("decided_by"));
    }
}
