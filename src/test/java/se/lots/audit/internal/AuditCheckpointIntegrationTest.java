package se.lots.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.audit.AuditLog;
import se.lots.registry.PersonBuilder;
import se.lots.registry.RegistryService;
import se.lots.security.CurrentActor;

/**
 * Signed checkpoints published outside the database find what the chain alone cannot: a superuser who rewrites a row
 * and every later hash. The log's retention removes entries only up to a checkpoint (ADR 0010).
 */
@IntegrationTest
class AuditCheckpointIntegrationTest {

    @Autowired
    AuditLog log;
    @Autowired
    AuditEntries audit;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    RegistryService registry;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient appJdbc;
    @Autowired
    Clock clock;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    @Test
    void aCheckpointIsSignedWrittenToTheFileAndAgreesWithTheLog() throws Exception {
        registry.register(actors.byUsername("kaa"), PersonBuilder.aYoungPerson().build());

        var checkpoint = checkpoints.publish().orElseThrow();

        assertThat(checkpoint.lastId()).isEqualTo(newestId());
        assertThat(checkpoints.valid(checkpoint)).isTrue();
        assertThat(Files.readAllLines(checkpoints.file(), StandardCharsets.UTF_8)).last().asString()
                .contains("\"lastId\":" + checkpoint.lastId(), "\"signature\":\"" + checkpoint.signature() + "\"");
        var verification = audit.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.checkpointsCompared()).isPositive();
        assertThat(verification.disagreeingCheckpointId()).isNull();
    }

    @Test
    void aSuperuserWhoRewritesARowAndEveryLaterHashIsFoundByThePublishedCheckpoint() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, PersonBuilder.aYoungPerson().build());
        long rewritten = audit.search(new AuditQuery(person.id(), null, null, null, null), 1, 0).get(0).id();
        registry.register(kaa, PersonBuilder.aYoungPerson().build());
        var checkpoint = checkpoints.publish().orElseThrow();
        var owner = JdbcClient.create(ownerDataSource);
        owner.sql("CREATE TABLE test_audit_before_tamper AS SELECT id, username, prev_hash, hash FROM audit_entry"
                + " WHERE id >= " + rewritten).update();
        try {
            // hide who registered the person, and recompute the chain from there so that it verifies on its own
            tamper(owner, """
                    DO $$
                    DECLARE
                        r audit_entry;
                        previous text;
                    BEGIN
                        SELECT hash INTO previous FROM audit_entry WHERE id < %1$d ORDER BY id DESC LIMIT 1;
                        FOR r IN SELECT * FROM audit_entry WHERE id >= %1$d ORDER BY id LOOP
                            IF r.id = %1$d THEN
                                r.username := 'någon-annan';
                            END IF;
                            r.prev_hash := previous;
                            r.hash := audit_entry_hash(r);
                            UPDATE audit_entry SET username = r.username, prev_hash = r.prev_hash, hash = r.hash
                             WHERE id = r.id;
                            previous := r.hash;
                        END LOOP;
                    END
                    $$""".formatted(rewritten));

            var verification = audit.verify();

            assertThat(verification.firstBrokenId()).as("the chain alone looks whole").isNull();
            assertThat(verification.valid()).isFalse();
            assertThat(verification.disagreeingCheckpointId()).isLessThanOrEqualTo(checkpoint.lastId())
                    .isGreaterThanOrEqualTo(rewritten);
        } finally {
            tamper(owner, """
                    UPDATE audit_entry a SET username = b.username, prev_hash = b.prev_hash, hash = b.hash
                      FROM test_audit_before_tamper b WHERE a.id = b.id""");
            owner.sql("DROP TABLE test_audit_before_tamper").update();
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aRowRemovedBelowACheckpointIsFoundEvenWithTheNextRowRelinked() {
        var kaa = actors.byUsername("kaa");
        var person = registry.register(kaa, PersonBuilder.aYoungPerson().build());
        long removed = audit.search(new AuditQuery(person.id(), null, null, null, null), 1, 0).get(0).id();
        registry.register(kaa, PersonBuilder.aYoungPerson().build());
        checkpoints.publish().orElseThrow();
        var owner = JdbcClient.create(ownerDataSource);
        owner.sql("CREATE TABLE test_audit_before_removal AS SELECT * FROM audit_entry WHERE id >= " + removed)
                .update();
        try {
            tamper(owner, """
                    DO $$
                    DECLARE
                        r audit_entry;
                        previous text;
                    BEGIN
                        SELECT hash INTO previous FROM audit_entry WHERE id < %1$d ORDER BY id DESC LIMIT 1;
                        DELETE FROM audit_entry WHERE id = %1$d;
                        FOR r IN SELECT * FROM audit_entry WHERE id > %1$d ORDER BY id LOOP
                            r.prev_hash := previous;
                            r.hash := audit_entry_hash(r);
                            UPDATE audit_entry SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
                            previous := r.hash;
                        END LOOP;
                    END
                    $$""".formatted(removed));

            var verification = audit.verify();

            assertThat(verification.firstBrokenId()).isNull();
            assertThat(verification.valid()).isFalse();
            assertThat(verification.disagreeingCheckpointId()).isNotNull();
        } finally {
            tamper(owner, "DELETE FROM audit_entry WHERE id >= " + removed
                    + "; INSERT INTO audit_entry SELECT * FROM test_audit_before_removal");
            owner.sql("DROP TABLE test_audit_before_removal").update();
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aForgedCheckpointLineFailsItsSignature() throws Exception {
        var checkpoint = checkpoints.publish().orElseThrow();
        String before = Files.readString(checkpoints.file(), StandardCharsets.UTF_8);
        // a head the database never had, with a signature made without the key
        String forged = "{\"lastId\":%d,\"hash\":\"%s\",\"entries\":%d,\"at\":\"%s\",\"signature\":\"%s\"}\n"
                .formatted(checkpoint.lastId(), "f".repeat(64), checkpoint.entries(), checkpoint.at(),
                        checkpoint.signature());
        try {
            Files.writeString(checkpoints.file(), before + forged, StandardCharsets.UTF_8);

            var verification = audit.verify();

            assertThat(verification.valid()).isFalse();
            assertThat(verification.forgedCheckpoints()).isEqualTo(1);
            assertThat(verification.disagreeingCheckpointId()).as("a forged checkpoint is not compared").isNull();
        } finally {
            Files.writeString(checkpoints.file(), before, StandardCharsets.UTF_8);
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void theLogIsRemovedUpToASignedCheckpointOnlyAndStillVerifiesFromThere() {
        assertThatThrownBy(() -> log.removeEntriesOlderThan(Instant.parse("2000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no signed audit checkpoint");
        var kaa = actors.byUsername("kaa");
        registry.register(kaa, PersonBuilder.aYoungPerson().build());
        var checkpoint = checkpoints.publish().orElseThrow();
        var later = registry.register(kaa, PersonBuilder.aYoungPerson().build());
        var owner = JdbcClient.create(ownerDataSource);
        owner.sql("CREATE TABLE test_audit_before_retention AS SELECT * FROM audit_entry WHERE id <= "
                + checkpoint.lastId()).update();
        owner.sql("CREATE TABLE test_audit_keys_before_retention AS SELECT * FROM audit_person_key").update();
        long all = audit.verify().entries();
        try {
            long removed = log.removeEntriesOlderThan(clock.instant());

            assertThat(removed).isPositive();
            assertThat(appJdbc.sql("SELECT min(id) FROM audit_entry").query(Long.class).single())
                    .isGreaterThan(checkpoint.lastId());
            var verification = audit.verify();
            assertThat(verification.valid()).isTrue();
            assertThat(verification.startUnanchored()).isFalse();
            assertThat(verification.entries()).isEqualTo(all - removed + 1);
            assertThat(audit.count(new AuditQuery(later.id(), null, null, null, null))).isPositive();
            assertThat(audit.search(new AuditQuery(null, "system:loggallring", null, null, null), 1, 0).get(0)
                    .detail()).startsWith("loggposter till och med " + checkpoint.lastId() + " gallrade");
            // only the function, and only up to a checkpoint
            assertThatThrownBy(() -> appJdbc.sql("DELETE FROM audit_entry").update())
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> owner.sql("""
                    DO $$
                    BEGIN
                        PERFORM set_config('lots.audit_remove_up_to', '%d', true);
                        DELETE FROM audit_entry WHERE id <= %1$d;
                    END
                    $$""".formatted(newestId())).update()).isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> appJdbc.sql("SELECT audit_remove_up_to(-1)").query(Long.class).single())
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("no checkpoint");
            assertThatThrownBy(() -> log.removeEntriesOlderThan(clock.instant()))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            tamper(owner, "INSERT INTO audit_entry SELECT * FROM test_audit_before_retention"
                    + " ON CONFLICT (id) DO NOTHING");
            owner.sql("INSERT INTO audit_person_key SELECT * FROM test_audit_keys_before_retention"
                    + " ON CONFLICT (person_id) DO NOTHING").update();
            owner.sql("UPDATE audit_checkpoint SET removed = false").update();
            owner.sql("DROP TABLE test_audit_before_retention, test_audit_keys_before_retention").update();
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aCheckpointRemovedUpToFromTheDatabaseIsRefusedWhenTheLogDisagreesWithIt() {
        var checkpoint = checkpoints.publish().orElseThrow();
        long id = appJdbc.sql("SELECT id FROM audit_checkpoint WHERE last_id = ? ORDER BY id DESC LIMIT 1")
                .param(checkpoint.lastId()).query(Long.class).single();
        var owner = JdbcClient.create(ownerDataSource);
        String hash = checkpoint.hash();
        try {
            owner.sql("UPDATE audit_checkpoint SET last_hash = ? WHERE id = ?").params("0".repeat(64), id).update();
            registry.register(actors.byUsername("kaa"), PersonBuilder.aYoungPerson().build());

            assertThatThrownBy(() -> appJdbc.sql("SELECT audit_remove_up_to(?)").param(id).query(Long.class).single())
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("disagrees");
        } finally {
            owner.sql("UPDATE audit_checkpoint SET last_hash = ? WHERE id = ?").params(hash, id).update();
        }
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
