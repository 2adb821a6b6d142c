package se.lots.privacy.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.kaa.KaaFixture;
import se.lots.organisation.OrganisationId;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.PersonalDataHolder;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;

/**
 * Gallring of the requests for register extracts on the real database (the pattern of
 * {@code KaaRetentionIntegrationTest}): a request handed over or refused before the rule's period goes with its
 * review; an open one never does and must be kept; another organisation's and another person's stay.
 */
@IntegrationTest
class ExtractRequestRetentionIntegrationTest {

    private static final RetentionRule ONE_YEAR = new RetentionRule("privacy", "EXTRACT_REQUEST", 12,
            RetentionEvent.LAST_ACTIVITY, "Organisationens gallringsbeslut (test)", false);
    /** The rule's period begins 2029-01-01. */
    private static final LocalDate TODAY = LocalDate.of(2030, 1, 1);

    @Autowired
    KaaFixture fixture;
    @Autowired
    RegistryService registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<PersonalDataEraser> erasers;
    @Autowired
    List<PersonalDataHolder> holders;

    private PersonalDataEraser requests() {
        return erasers.stream().filter(e -> e.register().equals("privacy")).findFirst().orElseThrow();
    }

    private PersonalDataHolder holder() {
        return holders.stream().filter(h -> h.register().equals("privacy")).findFirst().orElseThrow();
    }

    /**
     * Ada: handed over 2025-02-10 with two reviews (due); refused, received 2025-05-01, deadline 2025-06-01 (due);
     * refused, received 2028-12-01, deadline 2029-01-01 (not due: the deadline counts); open since 2025 (never due);
     * handed over 2029-03-01 (not due); the other organisation's request handed over in 2025. Bo: handed over 2029-06.
     */
    private record Register(Actor coordinator, Actor other, UUID ada, UUID bo, UUID handedOver, UUID refused,
            UUID open) {
    }

    private Register register() {
        Actor coordinator = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        UUID ada = registry.register(coordinator, aYoungPerson().named("Ada", "Utdragsson").build()).id();
        UUID bo = registry.register(coordinator, aYoungPerson().named("Bo", "Utdragsson").build()).id();
        UUID handedOver = request(ada, coordinator, "2025-01-20", "HANDED_OVER", "2025-02-10 14:00+01");
        for (String register : List.of("kaa", "registry")) {
            jdbc.sql("INSERT INTO privacy_extract_review (request_id, register, disclose) VALUES (?, ?, true)")
                    .params(handedOver, register).update();
        }
        UUID refused = request(ada, coordinator, "2025-05-01", "REFUSED", null);
        request(ada, coordinator, "2028-12-01", "REFUSED", null);
        UUID open = request(ada, coordinator, "2025-01-01", "REQUESTED", null);
        request(ada, coordinator, "2029-02-01", "HANDED_OVER", "2029-03-01 14:00+01");
        request(ada, other, "2025-01-20", "HANDED_OVER", "2025-02-10 14:00+01");
        request(bo, coordinator, "2029-05-20", "HANDED_OVER", "2029-06-10 14:00+02");
        return new Register(coordinator, other, ada, bo, handedOver, refused, open);
    }

    private UUID request(UUID person, Actor organisation, String receivedOn, String status, String handedOverAt) {
        boolean prepared = !status.equals("REQUESTED");
        return jdbc.sql("""
                INSERT INTO privacy_extract_request (organisation_id, person_id, received_on, requested_by,
                        identity_check, status, deadline, refusal_reason, content, prepared_at, prepared_by, handover,
                        handed_over_at, handed_over_by, created_at, created_by)
                VALUES (?, ?, ?::date, 'PERSON', 'BANKID', ?, ?::date + interval '1 month',
                        CASE WHEN ? = 'REFUSED' THEN 'Uppenbart ogrundad' END,
                        CASE WHEN ? THEN '{}'::jsonb END, CASE WHEN ? THEN ?::date + 2 END, CASE WHEN ? THEN ? END,
                        CASE WHEN ?::text IS NOT NULL THEN 'IN_PERSON' END, ?::timestamptz,
                        CASE WHEN ?::text IS NOT NULL THEN ?::bigint END, ?::date, ?)
                RETURNING id""")
                .params(organisation.organisationId().value(), person, receivedOn, status, receivedOn, status,
                        prepared, prepared, receivedOn, prepared, organisation.userId(), handedOverAt, handedOverAt,
                        handedOverAt, organisation.userId(), receivedOn, organisation.userId())
                .query(UUID.class).single();
    }

    /** Every row of the register about the person (any organisation), as JSON, to show exactly what stays. */
    private List<String> snapshot(UUID person) {
        var rows = new ArrayList<String>(jdbc.sql("""
                SELECT 'privacy_extract_request ' || row_to_json(r)::text FROM privacy_extract_request r
                 WHERE r.person_id = ?
                UNION ALL
                SELECT 'privacy_extract_review ' || row_to_json(v)::text
                  FROM privacy_extract_review v JOIN privacy_extract_request r ON r.id = v.request_id
                 WHERE r.person_id = ?""")
                .params(person, person).query(String.class).list());
        rows.sort(null);
        return rows;
    }

    private List<UUID> requestsOf(UUID person, Actor organisation) {
        return jdbc.sql("SELECT id FROM privacy_extract_request WHERE person_id = ? AND organisation_id = ?")
                .params(person, organisation.organisationId().value()).query(UUID.class).list();
    }

    @Test
    void theDryRunCountsTheRequestsClosedBeforeThePeriodAndChangesNothing() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var before = List.of(snapshot(r.ada()), snapshot(r.bo()));

        RetentionCount due = requests().countDue(org, ONE_YEAR, TODAY);

        assertThat(due.persons()).isEqualTo(1);
        assertThat(due.rowsByTable()).containsExactly(Map.entry("privacy_extract_review", 2L),
                Map.entry("privacy_extract_request", 2L));
        assertThat(List.of(snapshot(r.ada()), snapshot(r.bo()))).isEqualTo(before);
        assertThat(requests().countDue(org, ONE_YEAR, LocalDate.of(2030, 1, 2)).rowsByTable())
                .as("the refusal of the request received 2028-12-01 counts from its deadline 2029-01-01")
                .containsEntry("privacy_extract_request", 3L);
        assertThat(requests().countDue(org, new RetentionRule("privacy", "EXTRACT_REQUEST", 0,
                RetentionEvent.LAST_ACTIVITY, "test", false), TODAY).rowsByTable())
                .as("every closed request, never the open one").containsEntry("privacy_extract_request", 5L);
        assertThat(requests().countDue(r.other().organisationId(), ONE_YEAR, TODAY).rowsByTable())
                .containsEntry("privacy_extract_request", 1L);
    }

    @Test
    void theRemovalTakesWhatTheDryRunCountedAndNothingElse() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        RetentionCount counted = requests().countDue(org, ONE_YEAR, TODAY);
        var bo = snapshot(r.bo());

        RetentionCount removed = transactions.execute(tx -> requests().removeDue(org, ONE_YEAR, TODAY));

        assertThat(removed.rowsByTable()).isEqualTo(counted.rowsByTable());
        assertThat(removed.personIds()).containsExactly(r.ada());
        assertThat(requestsOf(r.ada(), r.coordinator())).hasSize(3).contains(r.open())
                .doesNotContain(r.handedOver(), r.refused());
        assertThat(requestsOf(r.ada(), r.other())).hasSize(1);
        assertThat(snapshot(r.bo())).isEqualTo(bo);
        assertThat(requests().countDue(org, ONE_YEAR, TODAY).isEmpty()).as("repeatable").isTrue();
        assertThat(transactions.execute(tx -> requests().removeDue(org, ONE_YEAR, TODAY)).rows()).isZero();
    }

    @Test
    void theArchiveHoldsExactlyTheRowsTheRemovalRemoves() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var archived = new ArrayList<String>();
        requests().archiveDue(org, ONE_YEAR, TODAY, (table, json) -> archived.add(table + " " + json));
        var gone = snapshot(r.ada());

        transactions.execute(tx -> requests().removeDue(org, ONE_YEAR, TODAY));

        gone.removeAll(snapshot(r.ada()));
        assertThat(archived).hasSize(4).containsExactlyInAnyOrderElementsOf(gone);
        assertThat(archived).extracting(s -> s.substring(0, s.indexOf(' '))).as("children before parents")
                .containsExactly("privacy_extract_review", "privacy_extract_review", "privacy_extract_request",
                        "privacy_extract_request");
    }

    @Test
    void theRemovalIsAllOrNothing() throws SQLException {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var ada = snapshot(r.ada());
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("SELECT id FROM privacy_extract_request WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, r.refused());
                lock.executeQuery().close();
            }
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("SET LOCAL lock_timeout = '300ms'").update();
                requests().removeDue(org, ONE_YEAR, TODAY);
            })).isInstanceOf(DataAccessException.class).hasMessageContaining("DELETE FROM privacy_extract_request")
                    .hasMessageContaining("lock timeout");
            other.rollback();
        }
        assertThat(snapshot(r.ada())).as("nothing half-removed, the reviews neither").isEqualTo(ada);
    }

    @Test
    void anOpenRequestMustBeKeptAndErasingTakesOnlyTheOrganisationsRequests() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        assertThat(requests().mustKeep(org, r.ada())).contains("privacy.keep.privacy.openRequest");
        assertThat(requests().mustKeep(org, r.bo())).isEmpty();
        assertThat(requests().mustKeep(r.other().organisationId(), r.ada())).isEmpty();
        var bo = snapshot(r.bo());
        RetentionCount counted = requests().countPerson(org, r.ada());
        assertThat(counted.rowsByTable()).containsExactly(Map.entry("privacy_extract_review", 2L),
                Map.entry("privacy_extract_request", 5L));

        RetentionCount erased = transactions.execute(tx -> requests().erasePerson(org, r.ada()));

        assertThat(erased.rowsByTable()).isEqualTo(counted.rowsByTable());
        assertThat(erased.personIds()).containsExactly(r.ada());
        assertThat(requestsOf(r.ada(), r.coordinator())).isEmpty();
        assertThat(requestsOf(r.ada(), r.other())).hasSize(1);
        assertThat(snapshot(r.bo())).isEqualTo(bo);
        assertThat(requests().stillHeld(List.of(r.ada(), r.bo(), UUID.randomUUID())))
                .as("the other organisation's request").containsExactlyInAnyOrder(r.ada(), r.bo());
    }
}
