package se.lots.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.sql.Connection;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
import se.lots.audit.internal.AuditEntries;
import se.lots.kaa.ExitReason;
import se.lots.kaa.KaaFixture;
import se.lots.kaa.KaaImportService;
import se.lots.kaa.KaaRegisterBuilder;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Role;
import se.lots.privacy.retention.RetentionRun.Status;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;
import se.lots.shared.ConflictException;
import se.lots.shared.NotFoundException;

/**
 * The approved retention run on the real database: prepared by one administrator, approved by another of the same
 * organisation, executed in one transaction that removes exactly what the dry run froze, forgets the persons no
 * register holds any more (gone from the registry, unidentifiable in the audit log, whose chain still verifies), and
 * removes nothing when the data or a rule changed since, when the run is not approved, or when an archive package is
 * asked for and cannot be made.
 */
@IntegrationTest
class RetentionRunIntegrationTest {

    @Autowired
    RetentionRunService service;
    @Autowired
    RetentionRuleService ruleService;
    @Autowired
    KaaFixture fixture;
    @Autowired
    KaaImportService imports;
    @Autowired
    OrganisationService organisations;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditEntries audit;
    @Autowired
    MovableClock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    ArchivePackages archives;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A municipality with two administrators; Ada left the KAA register in 2020 (due), Bo is still in it. */
    record Municipality(Actor coordinator, Actor preparer, Actor approver, UUID ada, UUID bo, String adaPin) {
    }

    static Municipality municipality(KaaFixture fixture, KaaImportService imports, OrganisationService organisations,
            CurrentActor actors, JdbcClient jdbc) {
        Actor coordinator = fixture.newMunicipality();
        long org = coordinator.organisationId().value();
        organisations.createUser(new NewUser("gallrare-" + org, "ett-langt-losenord", "Gun Gallrare", Role.ADMIN,
                coordinator.organisationId(), null));
        organisations.createUser(new NewUser("arkivansvarig-" + org, "ett-langt-losenord", "Arne Arkivansvarig",
                Role.ADMIN, coordinator.organisationId(), null));
        var builder = new KaaRegisterBuilder(coordinator, imports, fixture, jdbc);
        UUID[] persons = builder.person("Ada", "kvinna").person("Bo", "man").build();
        builder.registeredOn(persons[0], LocalDate.of(2019, 9, 1));
        builder.exited(persons[0], LocalDate.of(2020, 1, 10), ExitReason.FLYTTAT);
        return new Municipality(coordinator, actors.byUsername("gallrare-" + org),
                actors.byUsername("arkivansvarig-" + org), persons[0], persons[1], builder.pinOf(0));
    }

    private Municipality municipality() {
        return municipality(fixture, imports, organisations, actors, jdbc);
    }

    /** The rows each of the person's KAA tables holds (the register's tables). */
    static Map<String, Long> kaaRows(JdbcClient jdbc, UUID person) {
        var rows = new java.util.TreeMap<String, Long>();
        for (String table : List.of("kaa_measure", "kaa_move", "kaa_placement", "school_signal", "contact_attempt",
                "kaa_status", "kaa_episode", "person_holding")) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table + " WHERE person_id = ?").param(person)
                    .query(Long.class).single());
        }
        rows.put("young_person", jdbc.sql("SELECT count(*) FROM young_person WHERE id = ?").param(person)
                .query(Long.class).single());
        return rows;
    }

    private RetentionRun.Line kaaLine(RetentionRun run) {
        return run.lines().stream().filter(l -> l.rule().register().equals("kaa")).findFirst().orElseThrow();
    }

    @Test
    void anApprovedRunRemovesExactlyTheFrozenCountsAndForgetsWhoIsGoneFromEveryRegister() {
        var m = municipality();
        var bo = kaaRows(jdbc, m.bo());
        long adaEntries = jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ?").param(m.ada())
                .query(Long.class).single();
        assertThat(adaEntries).as("the import logged Ada").isPositive();

        RetentionRun prepared = service.prepare(m.preparer());
        assertThat(prepared.status()).isEqualTo(Status.PREPARED);
        assertThat(prepared.preparedByName()).isEqualTo("Gun Gallrare");
        assertThat(prepared.day()).isEqualTo(LocalDate.now(clock));
        var frozen = kaaLine(prepared).due();
        assertThat(frozen.persons()).isEqualTo(1);
        assertThat(frozen.rowsByTable()).containsEntry("kaa_episode", 1L).containsEntry("kaa_status", 1L);
        assertThat(kaaLine(prepared).rule().legalBasis()).contains("Skollagen 29 kap. 9 §");
        assertThat(prepared.lines().stream().filter(l -> l.rule().register().equals("registry")).findFirst()
                .orElseThrow().due()).as("the registry has no eraser: its persons are forgotten after").isNull();

        RetentionRun approved = service.approve(m.approver(), prepared.id(), prepared.version());
        assertThat(approved.status()).isEqualTo(Status.APPROVED);
        assertThat(approved.approvedByName()).isEqualTo("Arne Arkivansvarig");
        assertThat(approved.approvedAt()).isNotNull();

        RetentionRun done = service.execute(m.approver(), approved.id(), approved.version());
        assertThat(done.status()).as(String.valueOf(done.reasonDetail())).isEqualTo(Status.DONE);
        assertThat(kaaLine(done).removed().rowsByTable()).as("exactly the frozen counts")
                .isEqualTo(frozen.rowsByTable());
        assertThat(kaaLine(done).removed().persons()).isEqualTo(1);
        assertThat(done.forgottenPersons()).isEqualTo(1);
        assertThat(done.executedByName()).isEqualTo("Arne Arkivansvarig");

        assertThat(kaaRows(jdbc, m.ada())).as("Ada is gone from every KAA table and the registry")
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(kaaRows(jdbc, m.bo())).as("Bo is untouched").isEqualTo(bo);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE person_id = ? OR detail LIKE ? OR detail LIKE ?")
                .params(m.ada(), "%" + m.adaPin() + "%", "%" + m.ada() + "%").query(Long.class).single())
                .as("nothing in the audit log identifies Ada").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_person_key WHERE person_id = ?").param(m.ada())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_entry WHERE username = ? AND action = 'DELETE'
                   AND detail LIKE 'gallringskörning %DONE, 1 personer i registren, %'""")
                .param(m.approver().username()).query(Long.class).single()).as("the run is logged").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE username = ? AND detail LIKE ?")
                .params(m.approver().username(), "gallringskörning " + done.id() + "%godkänd%").query(Long.class)
                .single()).as("the approval is logged").isEqualTo(1);
        assertThat(audit.verify().valid()).as("the audit chain verifies after the run").isTrue();

        // repeatable: the same day, nothing more is due
        RetentionRun again = service.prepare(m.preparer());
        assertThat(kaaLine(again).due().isEmpty()).isTrue();
        again = service.approve(m.approver(), again.id(), again.version());
        assertThat(service.execute(m.preparer(), again.id(), again.version()).status()).isEqualTo(Status.DONE);
        assertThat(kaaRows(jdbc, m.bo())).isEqualTo(bo);
    }

    /**
     * A withdrawn consent that an old referral was shared under is not due while the referral is kept (GDPR art. 7.1);
     * the run removes the referral (the plan register's) and must not then find the consent due half-way: the consent
     * register removes before the plan, exactly what the dry run froze, and the consent is due in the next run.
     */
    @Test
    void aConsentReleasedByTheRunsOwnRemovalIsDueInTheNextRunNotHalfWayThroughThisOne() {
        var m = municipality();
        Actor other = fixture.newMunicipality();
        long org = m.coordinator().organisationId().value();
        UUID consent = jdbc.sql("""
                INSERT INTO consent (person_id, from_organisation_id, to_organisation_id, purpose, scope, given_how,
                                     valid_from, valid_to, withdrawn_at, recorded_at, recorded_by, withdrawn_by)
                VALUES (?, ?, ?, 'REMISS', '{PLAN}', 'SKRIFTLIGT', '2019-09-01', '2021-08-31',
                        '2020-02-01 10:00+01', '2019-09-01 09:00+01', ?, ?) RETURNING id""")
                .params(m.ada(), org, other.organisationId().value(), m.coordinator().userId(),
                        m.coordinator().userId()).query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO referral (person_id, from_organisation_id, from_user_id, to_organisation_id, reason, request,
                                      consent_id, status, sent_at)
                VALUES (?, ?, ?, ?, 'Behöver stöd', 'Ta emot', ?, 'AVSLUTAD', '2019-10-01')""")
                .params(m.ada(), org, m.coordinator().userId(), other.organisationId().value(), consent).update();

        // and one withdrawn consent no record uses: due now (so the consent register does remove in this run)
        jdbc.sql("""
                INSERT INTO consent (person_id, from_organisation_id, to_organisation_id, purpose, scope, given_how,
                                     valid_from, valid_to, withdrawn_at, recorded_at, recorded_by, withdrawn_by)
                VALUES (?, ?, ?, 'SAMORDNING', '{PLAN}', 'SKRIFTLIGT', '2019-09-01', '2021-08-31',
                        '2020-02-01 10:00+01', '2019-09-01 09:00+01', ?, ?)""")
                .params(m.ada(), org, other.organisationId().value(), m.coordinator().userId(),
                        m.coordinator().userId()).update();

        RetentionRun prepared = service.prepare(m.preparer());
        assertThat(line(prepared, "consent").due().rowsByTable()).as("the one used by the referral is kept")
                .containsEntry("consent", 1L);
        assertThat(line(prepared, "plan").due().rowsByTable()).containsEntry("referral", 1L);
        RetentionRun approved = service.approve(m.approver(), prepared.id(), prepared.version());
        RetentionRun done = service.execute(m.approver(), approved.id(), approved.version());

        assertThat(done.status()).as(String.valueOf(done.reasonDetail())).isEqualTo(Status.DONE);
        assertThat(jdbc.sql("SELECT count(*) FROM consent WHERE id = ?").param(consent).query(Long.class).single())
                .as("the consent stays this run").isEqualTo(1);
        assertThat(line(done, "consent").removed().rowsByTable()).as("exactly what was frozen")
                .containsEntry("consent", 1L);
        assertThat(done.forgottenPersons()).as("Ada is still held by her consent").isZero();
        RetentionRun next = service.prepare(m.preparer());
        assertThat(line(next, "consent").due().rowsByTable()).as("due in the next run").containsEntry("consent", 1L);
        next = service.approve(m.approver(), next.id(), next.version());
        RetentionRun second = service.execute(m.approver(), next.id(), next.version());
        assertThat(second.status()).as(String.valueOf(second.reasonDetail())).isEqualTo(Status.DONE);
        assertThat(jdbc.sql("SELECT count(*) FROM young_person WHERE id = ?").param(m.ada()).query(Long.class)
                .single()).as("gone from every register, then from the registry").isZero();
    }

    private static RetentionRun.Line line(RetentionRun run, String register) {
        return run.lines().stream().filter(l -> l.rule().register().equals(register)).findFirst().orElseThrow();
    }

    @Test
    void onlyAnotherAdministratorOfTheSameOrganisationApproves() {
        var m = municipality();
        var other = municipality();
        RetentionRun run = service.prepare(m.preparer());

        assertThatThrownBy(() -> service.approve(m.coordinator(), run.id(), run.version()))
                .as("a KAA coordinator").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.approve(other.approver(), run.id(), run.version()))
                .as("another organisation's administrator").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.approve(m.preparer(), run.id(), run.version()))
                .as("the one who prepared it").isInstanceOf(ConflictException.class)
                .hasMessageContaining("privacy.retention.run.ownApproval");
        assertThatThrownBy(() -> service.prepare(m.coordinator())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.runs(m.coordinator())).isInstanceOf(AccessDeniedException.class);
        assertThat(service.runs(other.preparer())).extracting(RetentionRun::id).doesNotContain(run.id());
        assertThat(service.run(m.preparer(), run.id()).status()).isEqualTo(Status.PREPARED);

        var approved = service.approve(m.approver(), run.id(), run.version());
        assertThatThrownBy(() -> service.approve(m.approver(), run.id(), approved.version()))
                .as("approved once").isInstanceOf(ConflictException.class);
    }

    @Test
    void anUnapprovedRunIsNotExecuted() {
        var m = municipality();
        var ada = kaaRows(jdbc, m.ada());
        RetentionRun run = service.prepare(m.preparer());
        assertThatThrownBy(() -> service.execute(m.approver(), run.id(), run.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("privacy.retention.run.notApproved");
        assertThatThrownBy(() -> service.execute(m.coordinator(), run.id(), run.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(kaaRows(jdbc, m.ada())).isEqualTo(ada);
        assertThat(service.run(m.preparer(), run.id()).status()).isEqualTo(Status.PREPARED);
    }

    @Test
    void aChangeOfTheDataAfterTheDryRunIsRefusedAndNothingIsRemoved() {
        var m = municipality();
        var ada = kaaRows(jdbc, m.ada());
        var bo = kaaRows(jdbc, m.bo());
        RetentionRun run = service.approve(m.approver(), service.prepare(m.preparer()).id(), 0);
        // Bo's episode closed long ago after all: one more person due than the dry run showed
        var builder = new KaaRegisterBuilder(m.coordinator(), imports, fixture, jdbc);
        builder.registeredOn(m.bo(), LocalDate.of(2018, 9, 1));
        builder.exited(m.bo(), LocalDate.of(2019, 6, 1), ExitReason.FLYTTAT);
        bo = kaaRows(jdbc, m.bo());

        RetentionRun refused = service.execute(m.approver(), run.id(), run.version());
        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.reasonKey()).isEqualTo("privacy.retention.run.changed");
        assertThat(kaaRows(jdbc, m.ada())).isEqualTo(ada);
        assertThat(kaaRows(jdbc, m.bo())).isEqualTo(bo);
        assertThatThrownBy(() -> service.execute(m.approver(), run.id(), refused.version()))
                .as("a refused run stays refused").isInstanceOf(ConflictException.class);
    }

    @Test
    void aRuleChangedAfterTheDryRunIsRefusedAndNothingIsRemoved() {
        var m = municipality();
        var ada = kaaRows(jdbc, m.ada());
        RetentionRun run = service.approve(m.approver(), service.prepare(m.preparer()).id(), 0);
        // the same period and so the same counts, but another legal basis: the approval was for the old rule
        ruleService.set(m.preparer(), new RetentionRuleService.RuleInput("kaa", "EPISODE", "60", "EPISODE_CLOSED",
                "Kommunens gallringsbeslut 2026-12-01", false, null));

        RetentionRun refused = service.execute(m.approver(), run.id(), run.version());
        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.reasonDetail()).contains("kaa/EPISODE");
        assertThat(kaaRows(jdbc, m.ada())).isEqualTo(ada);
    }

    @Test
    void aRunWhoseDatabaseSessionIsKilledMidwayLeavesEveryTableAsItWasAndIsNotDone() throws Exception {
        var m = municipality();
        var ada = kaaRows(jdbc, m.ada());
        var bo = kaaRows(jdbc, m.bo());
        long entries = jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();
        RetentionRun run = service.approve(m.approver(), service.prepare(m.preparer()).id(), 0);
        var executor = Executors.newSingleThreadExecutor();
        RetentionRun after;
        try (Connection holder = dataSource.getConnection()) {
            // this session holds Ada's episode: the run removes her other KAA rows first and then waits here
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT id FROM kaa_episode WHERE person_id = ? FOR UPDATE")) {
                lock.setObject(1, m.ada());
                lock.executeQuery().close();
            }
            var execution = executor.submit(() -> service.execute(m.approver(), run.id(), run.version()));
            Integer pid = null;
            for (int i = 0; i < 300 && pid == null; i++) {
                pid = jdbc.sql("""
                        SELECT pid FROM pg_stat_activity
                         WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM kaa_episode%'""")
                        .query(Integer.class).optional().orElse(null);
                if (pid == null) {
                    Thread.sleep(100);
                }
            }
            assertThat(pid).as("the run's session waits at the last KAA table").isNotNull();
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM pg_locks
                     WHERE pid = ? AND relation = 'kaa_status'::regclass AND mode = 'RowExclusiveLock'""")
                    .param(pid).query(Long.class).single()).as("it has removed from kaa_status already").isOne();

            assertThat(jdbc.sql("SELECT pg_terminate_backend(?)").param(pid).query(Boolean.class).single()).isTrue();
            after = execution.get(60, TimeUnit.SECONDS);
            holder.rollback();
        } finally {
            executor.shutdownNow();
        }

        assertThat(after.status()).isEqualTo(Status.FAILED);
        assertThat(after.reasonKey()).isEqualTo("privacy.retention.run.failed");
        assertThat(jdbc.sql("SELECT status FROM privacy_retention_run WHERE id = ?").param(run.id())
                .query(String.class).single()).isNotEqualTo("DONE");
        assertThat(jdbc.sql("SELECT count(*) FROM privacy_retention_run_line WHERE run_id = ? AND removed_persons"
                + " IS NOT NULL").param(run.id()).query(Long.class).single()).as("nothing recorded removed").isZero();
        assertThat(kaaRows(jdbc, m.ada())).as("every table as before").isEqualTo(ada);
        assertThat(kaaRows(jdbc, m.bo())).isEqualTo(bo);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE detail LIKE ?").param("gallringskörning "
                + run.id() + "%DONE%").query(Long.class).single()).as("no run logged as done").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry").query(Long.class).single())
                .isGreaterThanOrEqualTo(entries);
        assertThat(audit.verify().valid()).isTrue();

        // a failed run is prepared again, and then it goes
        RetentionRun again = service.approve(m.approver(), service.prepare(m.preparer()).id(), 0);
        assertThat(kaaLine(again).due()).isEqualTo(kaaLine(run).due());
        assertThat(service.execute(m.approver(), again.id(), again.version()).status()).isEqualTo(Status.DONE);
        assertThat(kaaRows(jdbc, m.ada())).containsEntry("kaa_episode", 0L).containsEntry("kaa_status", 0L);
    }

    @Test
    void whereTheRuleAsksForItTheRowsGoToAnArchivePackageBeforeTheyAreRemoved() throws Exception {
        var m = municipality();
        ruleService.set(m.preparer(), new RetentionRuleService.RuleInput("kaa", "EPISODE", "60", "EPISODE_CLOSED",
                "Kommunens gallringsbeslut 2026-12-01, leverans till kommunarkivet", true, null));
        RetentionRun run = service.approve(m.approver(), service.prepare(m.preparer()).id(), 0);
        assertThat(kaaLine(run).rule().archiveFirst()).isTrue();

        RetentionRun done = service.execute(m.approver(), run.id(), run.version());
        assertThat(done.status()).as(String.valueOf(done.reasonDetail())).isEqualTo(Status.DONE);
        assertThat(done.archiveReference()).contains(run.id().toString()).endsWith(".zip");
        var file = archives.directory().resolve(done.archiveReference());
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            // the package's one root folder is its id: find the data file below it
            var entry = zip.stream().filter(e -> e.getName().endsWith("/representations/rep1/data/kaa/kaa_episode.jsonl"))
                    .findFirst().orElse(null);
            assertThat(entry).as("the package holds the removed episodes").isNotNull();
            String episodes = new String(zip.getInputStream(entry).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(episodes.lines()).hasSize(1).allSatisfy(l -> assertThat(l).contains(m.ada().toString()));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(kaaRows(jdbc, m.ada())).containsEntry("kaa_episode", 0L);
    }
}
