package se.lots.consent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
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
 * Gallring of the consent register on the real database (the pattern of {@code KaaRetentionIntegrationTest}): a
 * withdrawn or run-out consent, an expired emergency access and an ended line disclosure of the organisation go once
 * their last activity is older than the rule's period; a consent in force, one a plan record was shared under, another
 * organisation's records and another person's stay; the holdings go only with an erasure of the person.
 */
@IntegrationTest
class ConsentRetentionIntegrationTest {

    private static final RetentionRule ONE_YEAR = new RetentionRule("consent", "CONSENT", 12,
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

    private PersonalDataEraser consent() {
        return erasers.stream().filter(e -> e.register().equals("consent")).findFirst().orElseThrow();
    }

    /**
     * Ada's records in the organisation: consents ran out (2025), withdrawn (2026), in force (to 2031), used by a
     * referral (ran out 2025), withdrawn within the period (2029); emergency accesses expired 2025 (ours and the other
     * organisation's); line disclosures withdrawn 2025 and ran out within the period; the other organisation's consent
     * about her. Bo has a consent in force and a recent emergency access. Cia has only the organisation's holding.
     */
    private record Register(Actor coordinator, Actor other, UUID ada, UUID bo, UUID cia, UUID ranOut,
            UUID withdrawn, UUID inForce, UUID usedByReferral, UUID referral) {
    }

    private Register register() {
        Actor coordinator = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        UUID ada = registry.register(coordinator, aYoungPerson().named("Ada", "Samtyckesson").build()).id();
        UUID bo = registry.register(coordinator, aYoungPerson().named("Bo", "Samtyckesson").build()).id();
        UUID cia = registry.register(coordinator, aYoungPerson().named("Cia", "Samtyckesson").build()).id();
        long org = coordinator.organisationId().value();
        long otherOrg = other.organisationId().value();
        for (UUID person : List.of(ada, bo, cia)) { // one holding each, whatever the registration recorded
            jdbc.sql("DELETE FROM person_holding WHERE person_id = ?").param(person).update();
            jdbc.sql("INSERT INTO person_holding (person_id, organisation_id) VALUES (?, ?)").params(person, org)
                    .update();
        }
        UUID ranOut = consent(ada, org, otherOrg, "SAMORDNING", "2025-01-01", "2025-12-31", null, coordinator);
        UUID withdrawn = consent(ada, org, otherOrg, "SIP", "2026-01-01", "2027-12-31", "2026-03-01", coordinator);
        UUID inForce = consent(ada, org, otherOrg, "SAMORDNING", "2028-06-01", "2031-12-31", null, coordinator);
        UUID usedByReferral = consent(ada, org, otherOrg, "REMISS", "2025-01-01", "2025-06-30", null, coordinator);
        consent(ada, org, otherOrg, "UPPFOLJNING", "2028-01-01", "2029-12-31", "2029-06-01", coordinator);
        consent(ada, otherOrg, org, "SAMORDNING", "2025-01-01", "2025-12-31", null, other);
        consent(bo, org, otherOrg, "SAMORDNING", "2029-06-01", "2031-12-31", null, coordinator);
        UUID referral = jdbc.sql("""
                INSERT INTO referral (person_id, from_organisation_id, from_user_id, to_organisation_id, reason, request,
                                      consent_id, status, sent_at)
                VALUES (?, ?, ?, ?, 'Behöver stöd', 'Ta emot', ?, 'AVSLUTAD', '2025-02-01') RETURNING id""")
                .params(ada, org, coordinator.userId(), otherOrg, usedByReferral).query(UUID.class).single();
        emergency(ada, fixture.caseWorkerOf(coordinator), "2025-01-31");
        emergency(ada, other, "2025-01-31");
        emergency(bo, fixture.caseWorkerOf(coordinator), "2029-10-01");
        disclosure(ada, org, "2025-01-01", "2025-12-31", "2025-03-01", coordinator);
        disclosure(ada, org, "2028-01-01", "2029-12-31", null, coordinator);
        return new Register(coordinator, other, ada, bo, cia, ranOut, withdrawn, inForce, usedByReferral, referral);
    }

    private UUID consent(UUID person, long from, long to, String purpose, String validFrom, String validTo,
            String withdrawnOn, Actor by) {
        return jdbc.sql("""
                INSERT INTO consent (person_id, from_organisation_id, to_organisation_id, purpose, scope, given_how,
                                     valid_from, valid_to, withdrawn_at, recorded_at, recorded_by, withdrawn_by)
                VALUES (?, ?, ?, ?, '{PLAN}', 'SKRIFTLIGT', ?::date, ?::date, ?::timestamptz, ?::timestamptz, ?,
                        CASE WHEN ?::text IS NULL THEN NULL ELSE ?::bigint END)
                RETURNING id""")
                .params(person, from, to, purpose, validFrom, validTo, withdrawnOn == null ? null : withdrawnOn + " 10:00+01",
                        validFrom + " 09:00+01", by.userId(), withdrawnOn, by.userId())
                .query(UUID.class).single();
    }

    private void emergency(UUID person, Actor user, String expiresOn) {
        jdbc.sql("""
                INSERT INTO emergency_access (person_id, user_id, reason, granted_at, expires_at)
                VALUES (?, ?, 'Akut läge, behöver läsa', ?::timestamptz - interval '4 hours', ?::timestamptz)""")
                .params(person, user.userId(), expiresOn + " 12:00+01", expiresOn + " 12:00+01").update();
    }

    private void disclosure(UUID person, long org, String validFrom, String validTo, String withdrawnOn, Actor by) {
        jdbc.sql("""
                INSERT INTO line_disclosure (person_id, organisation_id, from_line_of_work, to_line_of_work, provision,
                                             reason, valid_from, valid_to, withdrawn_at, withdrawn_by, recorded_at,
                                             recorded_by)
                VALUES (?, ?, 'UTBILDNING_KAA', 'SOCIALTJANST', 'SAMTYCKE', 'Samordning av stöd', ?::date, ?::date,
                        ?::timestamptz, CASE WHEN ?::text IS NULL THEN NULL ELSE ?::bigint END, ?::timestamptz, ?)""")
                .params(person, org, validFrom, validTo, withdrawnOn == null ? null : withdrawnOn + " 10:00+01",
                        withdrawnOn, by.userId(), validFrom + " 09:00+01", by.userId())
                .update();
    }

    /** Every consent table's rows about the person (in any organisation), by table. */
    private Map<String, Long> rowsOf(UUID person) {
        var result = new LinkedHashMap<String, Long>();
        for (String table : holder().tables().stream().sorted().toList()) {
            result.put(table, jdbc.sql("SELECT count(*) FROM " + table + " WHERE person_id = ?").param(person)
                    .query(Long.class).single());
        }
        return result;
    }

    /** The rows' ids and contents, to show exactly what stays. */
    private List<String> snapshot(UUID person) {
        var rows = new ArrayList<String>();
        for (String table : holder().tables().stream().sorted().toList()) {
            rows.addAll(jdbc.sql("SELECT '" + table + " ' || row_to_json(t)::text FROM " + table
                    + " t WHERE person_id = ? ORDER BY 1").param(person).query(String.class).list());
        }
        return rows;
    }

    private PersonalDataHolder holder() {
        return holders.stream().filter(h -> h.register().equals("consent")).findFirst().orElseThrow();
    }

    @Test
    void theDryRunCountsTheEndedRecordsWhoseLastActivityIsOlderThanThePeriodAndChangesNothing() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var before = List.of(snapshot(r.ada()), snapshot(r.bo()), snapshot(r.cia()));

        RetentionCount due = consent().countDue(org, ONE_YEAR, TODAY);

        assertThat(due.persons()).isEqualTo(1);
        assertThat(due.rowsByTable()).containsExactly(Map.entry("emergency_access", 1L),
                Map.entry("line_disclosure", 1L), Map.entry("consent", 2L), Map.entry("person_holding", 0L));
        assertThat(List.of(snapshot(r.ada()), snapshot(r.bo()), snapshot(r.cia()))).as("the dry run changes nothing")
                .isEqualTo(before);
        assertThat(consent().countDue(org, ONE_YEAR, LocalDate.of(2026, 3, 1)).rowsByTable())
                .as("a year after 2025-01-31, only the emergency access is due")
                .containsEntry("emergency_access", 1L).containsEntry("consent", 0L).containsEntry("line_disclosure", 0L);
        assertThat(consent().countDue(org, ONE_YEAR, LocalDate.of(2026, 1, 31)).rowsByTable())
                .as("kept through the day a year after it expired").containsEntry("emergency_access", 0L);
        assertThat(consent().countDue(r.other().organisationId(), ONE_YEAR, TODAY).rowsByTable())
                .as("the other organisation's consent and emergency access about Ada are its own")
                .containsEntry("consent", 1L).containsEntry("emergency_access", 1L);
    }

    @Test
    void theRemovalTakesWhatTheDryRunCountedAndNothingElse() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        RetentionCount counted = consent().countDue(org, ONE_YEAR, TODAY);
        var bo = snapshot(r.bo());
        var cia = snapshot(r.cia());

        RetentionCount removed = transactions.execute(tx -> consent().removeDue(org, ONE_YEAR, TODAY));

        assertThat(removed.rowsByTable()).isEqualTo(counted.rowsByTable());
        assertThat(removed.persons()).isEqualTo(counted.persons());
        assertThat(removed.personIds()).as("the run learns whom it removed from").containsExactly(r.ada());
        assertThat(jdbc.sql("SELECT id FROM consent WHERE person_id = ? AND from_organisation_id = ?")
                .params(r.ada(), org.value()).query(UUID.class).list())
                .as("in force, used by the referral, withdrawn within the period: kept")
                .hasSize(3).contains(r.inForce(), r.usedByReferral()).doesNotContain(r.ranOut(), r.withdrawn());
        assertThat(rowsOf(r.ada())).as("the other organisation's consent and emergency access, the disclosure ended "
                + "within the period, the holding").containsEntry("consent", 4L).containsEntry("emergency_access", 1L)
                .containsEntry("line_disclosure", 1L).containsEntry("person_holding", 1L);
        assertThat(snapshot(r.bo())).isEqualTo(bo);
        assertThat(snapshot(r.cia())).isEqualTo(cia);
        assertThat(consent().countDue(org, ONE_YEAR, TODAY).isEmpty()).as("repeatable: nothing due any more").isTrue();
        assertThat(transactions.execute(tx -> consent().removeDue(org, ONE_YEAR, TODAY)).rows()).isZero();

        // once plan's record shared under the consent is gone, the consent is due too
        jdbc.sql("DELETE FROM referral WHERE id = ?").param(r.referral()).update();
        assertThat(consent().countDue(org, ONE_YEAR, TODAY).rowsByTable()).containsEntry("consent", 1L);
    }

    @Test
    void theArchiveHoldsExactlyTheRowsTheRemovalRemoves() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var archived = new ArrayList<String>();
        consent().archiveDue(org, ONE_YEAR, TODAY, (table, json) -> archived.add(table + " " + json));
        var before = new ArrayList<String>(snapshot(r.ada()));

        transactions.execute(tx -> consent().removeDue(org, ONE_YEAR, TODAY));

        var gone = new ArrayList<>(before);
        gone.removeAll(snapshot(r.ada()));
        assertThat(archived).hasSize(4).containsExactlyInAnyOrderElementsOf(gone);
        assertThat(archived).as("in the removal's order").extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactly("emergency_access", "line_disclosure", "consent", "consent");
    }

    @Test
    void theRemovalIsAllOrNothing() throws SQLException {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var ada = snapshot(r.ada());
        // another transaction holds the run-out consent: the removal has deleted the emergency access and the
        // disclosure when it reaches the consents, and gives up there
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("SELECT id FROM consent WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, r.ranOut());
                lock.executeQuery().close();
            }
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("SET LOCAL lock_timeout = '300ms'").update();
                consent().removeDue(org, ONE_YEAR, TODAY);
            })).isInstanceOf(DataAccessException.class).hasMessageContaining("DELETE FROM consent")
                    .hasMessageContaining("lock timeout");
            other.rollback();
        }
        assertThat(snapshot(r.ada())).as("nothing half-removed").isEqualTo(ada);
        assertThat(consent().countDue(org, ONE_YEAR, TODAY).rows()).isEqualTo(4);
    }

    @Test
    void erasingAPersonTakesEverythingTheOrganisationHoldsOnThemAndNothingElse() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        jdbc.sql("DELETE FROM referral WHERE id = ?").param(r.referral()).update();
        var bo = snapshot(r.bo());
        var cia = snapshot(r.cia());
        RetentionCount counted = consent().countPerson(org, r.ada());
        assertThat(counted.rowsByTable()).containsExactly(Map.entry("emergency_access", 1L),
                Map.entry("line_disclosure", 2L), Map.entry("consent", 5L), Map.entry("person_holding", 1L));

        RetentionCount erased = transactions.execute(tx -> consent().erasePerson(org, r.ada()));

        assertThat(erased.rowsByTable()).isEqualTo(counted.rowsByTable());
        assertThat(erased.personIds()).containsExactly(r.ada());
        assertThat(rowsOf(r.ada())).as("what the other organisation holds on Ada stays").isEqualTo(Map.of(
                "consent", 1L, "emergency_access", 1L, "line_disclosure", 0L, "person_holding", 0L));
        assertThat(jdbc.sql("SELECT from_organisation_id FROM consent WHERE person_id = ?").param(r.ada())
                .query(Long.class).single()).isEqualTo(r.other().organisationId().value());
        assertThat(snapshot(r.bo())).isEqualTo(bo);
        assertThat(snapshot(r.cia())).isEqualTo(cia);
        assertThat(consent().countPerson(org, r.ada()).isEmpty()).isTrue();
    }

    @Test
    void erasingAPersonWhileAPlanRecordStillRefersToTheirConsentFailsWholly() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var ada = snapshot(r.ada());
        assertThatThrownBy(() -> transactions.execute(tx -> consent().erasePerson(org, r.ada())))
                .as("the plan register is erased first").isInstanceOf(DataIntegrityViolationException.class);
        assertThat(snapshot(r.ada())).isEqualTo(ada);
    }

    @Test
    void aConsentInForceMustBeKeptAndAWithdrawnOneNeedNot() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        assertThat(consent().mustKeep(org, r.ada())).contains("privacy.keep.consent.inForce");
        assertThat(consent().mustKeep(r.other().organisationId(), r.ada()))
                .as("the other organisation's consent about Ada ran out").isEmpty();
        assertThat(consent().mustKeep(org, r.cia())).isEmpty();
        jdbc.sql("UPDATE consent SET withdrawn_at = recorded_at, withdrawn_by = recorded_by WHERE id = ?")
                .param(r.inForce()).update();
        assertThat(consent().mustKeep(org, r.ada())).isEqualTo(Optional.empty());
    }

    @Test
    void aPersonIsStillHeldWhileAnyOrganisationHasAConsentRecordOnThemButNotForAHoldingAlone() {
        var r = register();
        UUID stranger = UUID.randomUUID();
        assertThat(consent().stillHeld(List.of(r.ada(), r.bo(), r.cia(), stranger)))
                .containsExactlyInAnyOrder(r.ada(), r.bo());
        assertThat(rowsOf(r.cia())).containsEntry("person_holding", 1L);
    }
}
