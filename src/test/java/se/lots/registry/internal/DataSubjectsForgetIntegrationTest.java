package se.lots.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.WebSession;
import se.lots.kaa.KaaFixture;
import se.lots.privacy.DataSubjects;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;

/**
 * {@link DataSubjects#forget}, the last step of a removal: the person's registry record and holdings go, the audit log
 * can no longer identify them and its chain still verifies — in the caller's transaction, and not at all while a
 * register still holds a row that refers to the person.
 */
@IntegrationTest
class DataSubjectsForgetIntegrationTest {

    @Autowired
    DataSubjects subjects;
    @Autowired
    RegistryService registry;
    @Autowired
    KaaFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @LocalServerPort
    int port;

    private record Person(UUID id, String pin) {
    }

    private Person registered(Actor coordinator, String lastName) {
        YoungPerson person = registry.register(coordinator, aYoungPerson().named("Glömda", lastName).build());
        registry.read(coordinator, person.id());
        jdbc.sql("INSERT INTO person_holding (person_id, organisation_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(person.id(), coordinator.organisationId().value()).update();
        return new Person(person.id(), person.personalIdentityNumber().value());
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Rows of any audit table whose text holds the string (as the application role reads them). */
    private long auditMentions(String text) {
        long found = 0;
        for (String table : jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_name LIKE 'audit%' AND table_type = 'BASE TABLE'""")
                .query(String.class).list()) {
            found += count("SELECT count(*) FROM " + table + " t WHERE t::text ILIKE ?", "%" + text + "%");
        }
        return found;
    }

    @Test
    void itRefusesToRunWithoutTheCallersTransaction() {
        Actor coordinator = fixture.newMunicipality();
        Person person = registered(coordinator, "Utantransaktion");

        assertThatThrownBy(() -> subjects.forget(List.of(person.id())))
                .isInstanceOf(IllegalTransactionStateException.class);

        assertThat(count("SELECT count(*) FROM young_person WHERE id = ?", person.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE person_id = ?", person.id())).isPositive();
    }

    @Test
    void aForgottenPersonIsGoneFromTheRegistryAndCannotBeIdentifiedInTheAuditLog() {
        Actor coordinator = fixture.newMunicipality();
        Person person = registered(coordinator, "Glömsdottersson");
        Person kept = registered(coordinator, "Kvarsson");
        assertThat(auditMentions(person.id().toString())).isPositive();
        long keptEntries = count("SELECT count(*) FROM audit_entry WHERE person_id = ?", kept.id());
        assertThat(count("SELECT count(*) FROM person_holding WHERE person_id = ?", person.id())).isPositive();

        int removed = transactions.execute(tx -> subjects.forget(List.of(person.id())));

        assertThat(removed).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM young_person WHERE id = ?", person.id())).isZero();
        assertThat(count("SELECT count(*) FROM person_holding WHERE person_id = ?", person.id()))
                .as("which lines held the person goes with them").isZero();
        assertThat(auditMentions(person.id().toString())).as("rows naming the person anywhere in audit_*").isZero();
        assertThat(auditMentions(person.pin())).isZero();
        assertThat(auditMentions("Glömsdottersson")).isZero();
        assertThat(subjects.idByIdentity(person.pin())).isEmpty();
        assertThat(count("SELECT count(*) FROM young_person WHERE id = ?", kept.id())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE person_id = ?", kept.id()))
                .as("the person not forgotten is found in the log as before").isEqualTo(keptEntries);
        var session = WebSession.anonymous(port);
        var verification = session.send(session.request("/api/v1/audit/verify").header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("granskare:lots-demo-2026".getBytes(StandardCharsets.UTF_8))));
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(verification.body().replace(" ", "")).as("the chain still verifies").contains("\"valid\":true");
    }

    @Test
    void whileARegisterStillHoldsARowReferringToThePersonNothingIsForgotten() {
        Actor coordinator = fixture.newMunicipality();
        Person free = registered(coordinator, "Frisson");
        Person held = registered(coordinator, "Hållsson");
        jdbc.sql("""
                INSERT INTO kaa_episode (person_id, organisation_id, registered_on, registration_reason)
                VALUES (?, ?, '2026-09-01', 'AVBRUTIT_NATIONELLT_PROGRAM')""")
                .params(held.id(), coordinator.organisationId().value()).update();
        long freeEntries = count("SELECT count(*) FROM audit_entry WHERE person_id = ?", free.id());
        long heldEntries = count("SELECT count(*) FROM audit_entry WHERE person_id = ?", held.id());

        assertThatThrownBy(() -> transactions.execute(tx -> subjects.forget(List.of(free.id(), held.id()))))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("kaa_episode");

        for (Person person : List.of(free, held)) {
            assertThat(count("SELECT count(*) FROM young_person WHERE id = ?", person.id())).as("all rolled back")
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM person_holding WHERE person_id = ?", person.id())).isPositive();
        }
        assertThat(count("SELECT count(*) FROM audit_entry WHERE person_id = ?", free.id())).isEqualTo(freeEntries);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE person_id = ?", held.id())).isEqualTo(heldEntries);
    }
}
