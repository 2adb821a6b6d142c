package se.lots.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.audit.AuditAction;
import se.lots.registry.PersonBuilder;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

@IntegrationTest
class AuditLogIntegrationTest {

    @Autowired
    AuditEntries audit;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient appJdbc;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    @Test
    void everyWriteAndReadOfAPersonIsLoggedWithUserOrganisationRoleAndBasis() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, PersonBuilder.aYoungPerson().named("Loggad", "Läsesson").build());
        registry.read(kaa, person.id());

        var entries = audit.search(new AuditQuery(person.id(), null, null, null, null), 10, 0);

        assertThat(entries).extracting(AuditEntry::action).containsExactly(AuditAction.READ, AuditAction.CREATE);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo("kaa");
            assertThat(e.organisationId()).isEqualTo(kaa.organisationId());
            assertThat(e.role()).isEqualTo("KAA_COORDINATOR");
            assertThat(e.purpose()).isEqualTo("EGEN_ORGANISATION");
        });
    }

    @Test
    void theChainVerifiesAsUnbrokenAfterNormalUse() {
        var kaa = actors.byUsername("kaa");
        registry.register(kaa, PersonBuilder.aYoungPerson().build());

        var verification = audit.verify();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isGreaterThan(200);
        assertThat(verification.firstBrokenId()).isNull();
    }

    @Test
    void theApplicationRoleCannotChangeOrDeleteAuditRows() {
        long id = newestId();
        assertThatThrownBy(() -> appJdbc.sql("UPDATE audit_entry SET detail = 'ändrad' WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> appJdbc.sql("DELETE FROM audit_entry WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void evenTheSchemaOwnerIsStoppedByTheAppendOnlyTrigger() {
        long id = newestId();
        var owner = JdbcClient.create(ownerDataSource);
        assertThatThrownBy(() -> owner.sql("UPDATE audit_entry SET detail = 'ändrad' WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("DELETE FROM audit_entry WHERE id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void aRowAlteredDirectlyInSqlBreaksTheChainAtThatRow() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, PersonBuilder.aYoungPerson().build());
        long id = audit.search(new AuditQuery(person.id(), null, null, null, null), 1, 0).get(0).id();
        var owner = JdbcClient.create(ownerDataSource);
        String original = owner.sql("SELECT username FROM audit_entry WHERE id = ?").param(id).query(String.class).single();
        try {
            // a superuser who disables the trigger to hide who looked at the person
            tamper(owner, "UPDATE audit_entry SET username = 'någon-annan' WHERE id = " + id);

            var verification = audit.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenId()).isEqualTo(id);
        } finally {
            tamper(owner, "UPDATE audit_entry SET username = '" + original + "' WHERE id = " + id);
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aDeletedRowBreaksTheChainAtTheFollowingRow() {
        var kaa = actors.byUsername("kaa");
        var first = registry.register(kaa, PersonBuilder.aYoungPerson().build());
        var second = registry.register(kaa, PersonBuilder.aYoungPerson().build());
        var owner = JdbcClient.create(ownerDataSource);
        long removed = audit.search(new AuditQuery(first.id(), null, null, null, null), 1, 0).get(0).id();
        long following = audit.search(new AuditQuery(second.id(), null, null, null, null), 1, 0).get(0).id();
        var row = owner.sql("SELECT * FROM audit_entry WHERE id = ?").param(removed).query().singleRow();
        try {
            tamper(owner, "DELETE FROM audit_entry WHERE id = " + removed);

            var verification = audit.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBrokenId()).isEqualTo(following);
        } finally {
            owner.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
            try {
                owner.sql("""
                        INSERT INTO audit_entry (id, at, username, organisation_id, role, person_id, action, purpose,
                                                 consent_id, detail, prev_hash, hash, seal)
                        VALUES (:id, :at, :username, :organisation_id, :role, :person_id, :action, :purpose,
                                :consent_id, :detail, :prev_hash, :hash, :seal)""").params(row).update();
            } finally {
                owner.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
            }
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void searchByUserAndPeriodFindsTheUsersEntries() {
        var coach = actors.byUsername("coach");
        var person = registry.register(coach, PersonBuilder.aYoungPerson().build());

        var entries = audit.search(new AuditQuery(null, "coach", java.time.LocalDate.now(), java.time.LocalDate.now(),
                null), 50, 0);

        assertThat(entries).extracting(AuditEntry::personId).contains(person.id());
        assertThat(entries).extracting(AuditEntry::username).containsOnly("coach");
        assertThat(audit.search(new AuditQuery(null, "coach", java.time.LocalDate.now().minusDays(10),
                java.time.LocalDate.now().minusDays(9), null), 50, 0)).isEmpty();
    }

    private long newestId() {
        return appJdbc.sql("SELECT max(id) FROM audit_entry").query(Long.class).single();
    }

    private static void tamper(JdbcClient owner, String sql) {
        owner.sql("ALTER TABLE audit_entry DISABLE TRIGGER USER").update();
        try {
            owner.sql(sql).update();
        } finally {
            owner.sql("ALTER TABLE audit_entry ENABLE TRIGGER USER").update();
        }
    }
}
