package se.lots.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.registry.PersonBuilder;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/** A person forgotten in the audit log can no longer be found in it, and the chain still verifies (ADR 0010). */
@IntegrationTest
class AuditForgettingIntegrationTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditEntries audit;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient appJdbc;
    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    @Test
    void aForgottenPersonIsFoundNowhereInTheAuditTablesAndTheChainStillVerifies() {
        var kaa = actors.byUsername("kaa");
        var input = PersonBuilder.aYoungPerson().named("Glömda", "Glömsdotter").build();
        var person = registry.register(kaa, input);
        registry.read(kaa, person.id());
        String pin = person.personalIdentityNumber().value();
        // what staff may write in free text: the name in an emergency access's reason, the number in a detail
        log.record(kaa, person.id(), AuditAction.BREAK_GLASS, AccessBasis.emergency("Glömda Glömsdotter ringde"),
                "personnummer " + pin);
        var other = registry.register(kaa, PersonBuilder.aYoungPerson().build());
        registry.read(kaa, other.id());
        long before = audit.count(new AuditQuery(person.id(), null, null, null, null));
        assertThat(before).isGreaterThanOrEqualTo(3);
        assertThat(mentions(person.id().toString(), pin, "Glömsdotter")).isPositive();
        long otherBefore = audit.count(new AuditQuery(other.id(), null, null, null, null));

        long forgotten = log.forgetPerson(person.id());

        assertThat(forgotten).isEqualTo(before);
        assertThat(mentions(person.id().toString(), pin, "Glömsdotter")).as("rows naming the person anywhere in audit_*")
                .isZero();
        assertThat(mentions(pin.substring(0, 8) + "-" + pin.substring(8), "Glömda")).isZero();
        assertThat(audit.count(new AuditQuery(person.id(), null, null, null, null))).isZero();
        var verification = audit.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.firstBrokenId()).isNull();
        assertThat(verification.forgottenEntries()).isGreaterThanOrEqualTo(forgotten);
        // who read and when stays for the auditor; whom it was about does not
        var last = audit.search(new AuditQuery(null, "kaa", null, null, AuditAction.BREAK_GLASS), 1, 0).get(0);
        assertThat(last.personId()).isNull();
        assertThat(last.purpose()).isNull();
        assertThat(last.detail()).isNull();
        // the forgetting is logged without naming the person
        var entry = audit.search(new AuditQuery(null, "system:avidentifiering", null, null, null), 1, 0).get(0);
        assertThat(entry.personId()).isNull();
        assertThat(entry.detail()).isEqualTo("en person avidentifierad i loggen: " + forgotten + " poster");
        // the auditor's page and start panel show the forgotten emergency access without a person
        var auditor = WebSession.logIn(port, "granskare");
        var page = auditor.get("/audit");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("avidentifierad").doesNotContain(person.id().toString(), "Glömsdotter");
        assertThat(auditor.get("/").statusCode()).isEqualTo(200);
        // the person not forgotten is still found as before
        assertThat(audit.count(new AuditQuery(other.id(), null, null, null, null))).isEqualTo(otherBefore);
        assertThat(audit.search(new AuditQuery(other.id(), null, null, null, null), 10, 0))
                .allSatisfy(e -> assertThat(e.purpose()).isEqualTo("EGEN_ORGANISATION"));
    }

    @Test
    void nobodyButTheForgettingFunctionMayClearAPersonInTheLog() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, PersonBuilder.aYoungPerson().build());
        var owner = JdbcClient.create(ownerDataSource);

        assertThatThrownBy(() -> appJdbc.sql("UPDATE audit_entry SET person_id = NULL WHERE person_id = ?")
                .param(person.id()).update()).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> appJdbc.sql("DELETE FROM audit_person_key WHERE person_id = ?").param(person.id())
                .update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        // the owner who sets the function's own switch is still not the function
        assertThatThrownBy(() -> owner.sql("""
                DO $$
                BEGIN
                    PERFORM set_config('lots.audit_forget', 'on', true);
                    UPDATE audit_entry SET person_id = NULL, purpose = NULL, consent_id = NULL, detail = NULL
                     WHERE person_id = '%s';
                END
                $$""".formatted(person.id())).update()).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(audit.count(new AuditQuery(person.id(), null, null, null, null))).isPositive();
    }

    @Test
    void aKeyDestroyedWithoutForgettingThePersonBreaksTheChainAtTheirRow() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, PersonBuilder.aYoungPerson().build());
        long id = audit.search(new AuditQuery(person.id(), null, null, null, null), 1, 0).get(0).id();
        var owner = JdbcClient.create(ownerDataSource);
        byte[] key = owner.sql("SELECT key FROM audit_person_key WHERE person_id = ?").param(person.id())
                .query(byte[].class).single();
        try {
            owner.sql("DELETE FROM audit_person_key WHERE person_id = ?").param(person.id()).update();

            assertThat(audit.verify().firstBrokenId()).isEqualTo(id);
        } finally {
            owner.sql("INSERT INTO audit_person_key (person_id, key) VALUES (?, ?)").params(person.id(), key).update();
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    /** Rows of any audit table whose text holds any of the strings (as the application role reads them). */
    private long mentions(String... texts) {
        List<String> tables = appJdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_name LIKE 'audit%' AND table_type = 'BASE TABLE'""")
                .query(String.class).list();
        assertThat(tables).contains("audit_entry", "audit_person_key", "audit_checkpoint");
        long found = 0;
        for (String table : tables) {
            for (String text : texts) {
                found += appJdbc.sql("SELECT count(*) FROM " + table + " t WHERE t::text ILIKE ?")
                        .param("%" + text + "%").query(Long.class).single();
            }
        }
        return found;
    }
}
