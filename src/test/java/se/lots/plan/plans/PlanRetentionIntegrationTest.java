package se.lots.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.lots.registry.PersonBuilder.aYoungPerson;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.IntegrationTest;
import se.lots.MovableClock;
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
 * Gallring of the shared plan register on the real database: each organisation's run removes only its own part
 * (enrolments, steps, meetings, journey, the referrals it is the last to hold, and — for the organisation holding
 * the person's record — the plan itself once nobody else has a step or meeting on it), the dry run is the removal's
 * promise, what other organisations keep stays consistent, and an error half-way leaves everything as it was.
 */
@IntegrationTest
class PlanRetentionIntegrationTest {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final RetentionRule THREE_YEARS = new RetentionRule("plan", "PLAN", 36,
            RetentionEvent.PLAN_CLOSED, "Organisationens gallringsbeslut (test)", false);
    private static final List<String> NAMING_THE_PERSON = List.of("enrolment", "plan", "meeting", "referral",
            "journey_event");

    @Autowired
    KaaFixture fixture;
    @Autowired
    RegistryService registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<PersonalDataEraser> erasers;
    @Autowired
    List<PersonalDataHolder> holders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private PersonalDataEraser plan() {
        return erasers.stream().filter(e -> e.register().equals("plan")).findFirst().orElseThrow();
    }

    /**
     * A (the holder of every person's record) and B share Ada's plan, both closed in 2020; Bo's enrolment in A is
     * open; Cia's part closed in 2025; Dan's plan has B's step still going on; Eva's enrolment is still followed up in
     * progression.
     */
    private record Register(Actor a, Actor b, UUID ada, UUID bo, UUID cia, UUID dan, UUID eva, Ids ids) {
    }

    /** Ada's records by name. */
    private record Ids(UUID enrolmentA, UUID stepA, UUID stepB, UUID meetingA, UUID referral, UUID plan) {
    }

    private Register register() {
        Actor a = fixture.newMunicipality();
        Actor b = fixture.newMunicipality();
        UUID ada = person(a, "Ada");
        UUID bo = person(a, "Bo");
        UUID cia = person(a, "Cia");
        UUID dan = person(a, "Dan");
        UUID eva = person(a, "Eva");
        long programme = jdbc.sql("INSERT INTO programme (organisation_id, name) VALUES (?, 'Framsteget') RETURNING id")
                .param(a.organisationId().value()).query(Long.class).single();

        // Ada: A's enrolment, plan, step, meeting (B took part), journey, a referral to B; B's step on the plan
        // (from A's meeting, depending on A's step) and B's journey
        UUID enrolmentA = enrolment(a, ada, programme, "2019-01-10", "2020-06-30");
        UUID planId = plan(a, ada, "2019-01-15", "2020-05-01");
        long[] tracks = { track(planId, "ARBETE", 1), track(planId, "HALSA", 2) };
        jdbc.sql("INSERT INTO plan_need (plan_id, need_code, recorded_by, recorded_at)"
                + " SELECT ?, code, ?, '2019-02-01' FROM need WHERE code IS NOT NULL ORDER BY position LIMIT 1")
                .params(planId, a.userId()).update();
        jdbc.sql("""
                INSERT INTO plan_review (plan_id, held_on, note, reviewed_by, recorded_at)
                VALUES (?, '2020-03-01', 'Går bra', ?, '2020-03-01')""").params(planId, a.userId()).update();
        jdbc.sql("""
                INSERT INTO support_person (plan_id, name, role, phone, added_by, added_at)
                VALUES (?, 'Sara Stöd', 'MENTOR', '070-000 00 00', ?, '2019-03-01')""").params(planId, a.userId())
                .update();
        UUID meetingA = meeting(a, ada, planId, "2020-02-01");
        jdbc.sql("INSERT INTO meeting_organisation (meeting_id, organisation_id) VALUES (?, ?), (?, ?)")
                .params(meetingA, a.organisationId().value(), meetingA, b.organisationId().value()).update();
        jdbc.sql("""
                INSERT INTO meeting_participant (meeting_id, organisation_id, user_id, name, role)
                VALUES (?, ?, ?, 'Kim', 'Samordnare'), (?, ?, ?, 'Bea', 'Handläggare')""")
                .params(meetingA, a.organisationId().value(), a.userId(), meetingA, b.organisationId().value(),
                        b.userId()).update();
        UUID stepA = step(a, planId, tracks[0], "KLAR", "2020-05-01", null);
        UUID stepB = step(b, planId, tracks[1], "KLAR", "2020-04-01", meetingA);
        jdbc.sql("INSERT INTO plan_step_dependency (step_id, depends_on) VALUES (?, ?)").params(stepB, stepA).update();
        journey(a, ada, "2020-06-30");
        journey(b, ada, "2020-04-01");
        UUID referral = referral(a, b, ada, "AVSLUTAD", "2019-02-01", "2020-04-01");

        // Bo: open enrolment in A, B's journey
        enrolment(a, bo, programme, "2019-01-10", null);
        journey(b, bo, "2019-05-01");
        // Cia: A's part closed in 2025
        enrolment(a, cia, programme, "2024-01-10", "2025-06-30");
        // Dan: A's plan and part closed in 2020, B's step on it still going on
        UUID danPlan = plan(a, dan, "2019-01-15", "2019-06-01");
        long danTrack = track(danPlan, "ARBETE", 1);
        step(a, danPlan, danTrack, "KLAR", "2019-06-01", null);
        step(b, danPlan, danTrack, "PAGAR", "2020-01-01", null);
        // Eva: A's enrolment ended in 2020 but progression still follows it up
        UUID evaEnrolment = enrolment(a, eva, programme, "2019-01-10", "2020-06-30");
        jdbc.sql("""
                INSERT INTO participant (programme_id, organisation_id, enrolment_id, gender, birth_year, started_on,
                                         ended_on, created_by)
                VALUES (?, ?, ?, 'KVINNA', 2004, '2019-01-10', '2020-06-30', ?)""")
                .params(programme, a.organisationId().value(), evaEnrolment, a.userId()).update();
        return new Register(a, b, ada, bo, cia, dan, eva,
                new Ids(enrolmentA, stepA, stepB, meetingA, referral, planId));
    }

    private UUID person(Actor holder, String name) {
        return registry.register(holder, aYoungPerson().named(name, "Plansson").build()).id();
    }

    private UUID enrolment(Actor org, UUID person, long programme, String started, String ended) {
        return jdbc.sql("""
                INSERT INTO enrolment (person_id, programme_id, organisation_id, started_on, reason, ended_on,
                                       end_reason, created_by, created_at)
                VALUES (?, ?, ?, ?::date, 'Anvisad', ?::date, CASE WHEN ?::date IS NULL THEN NULL ELSE 'ARBETE' END, ?,
                        ?::date)
                RETURNING id""").params(person, programme, org.organisationId().value(), started, ended, ended,
                org.userId(), started).query(UUID.class).single();
    }

    private UUID plan(Actor org, UUID person, String created, String updated) {
        return jdbc.sql("""
                INSERT INTO plan (person_id, goal, strengths, created_by, created_at, updated_by, updated_at)
                VALUES (?, 'Jobba med djur', 'Noggrann', ?, ?::date, ?, ?::date) RETURNING id""")
                .params(person, org.userId(), created, org.userId(), updated).query(UUID.class).single();
    }

    private long track(UUID plan, String kind, int position) {
        return jdbc.sql("INSERT INTO plan_track (plan_id, kind, position) VALUES (?, ?, ?) RETURNING id")
                .params(plan, kind, position).query(Long.class).single();
    }

    private UUID meeting(Actor org, UUID person, UUID plan, String heldOn) {
        return jdbc.sql("""
                INSERT INTO meeting (person_id, plan_id, kind, held_on, organisation_id, young_person_present,
                                     minutes, created_by, created_at)
                VALUES (?, ?, 'SIP', ?::date, ?, true, 'Vi kom överens', ?, ?::date) RETURNING id""")
                .params(person, plan, heldOn, org.organisationId().value(), org.userId(), heldOn).query(UUID.class)
                .single();
    }

    private UUID step(Actor org, UUID plan, long track, String status, String updated, UUID meeting) {
        return jdbc.sql("""
                INSERT INTO plan_step (plan_id, track_id, organisation_id, responsible_party, title, status,
                                       meeting_id, created_by, created_at, updated_by, updated_at)
                VALUES (?, ?, ?, 'KOMMUNEN', 'Steg', ?, ?, ?, ?::date, ?, ?::date) RETURNING id""")
                .params(plan, track, org.organisationId().value(), status, meeting, org.userId(), updated,
                        org.userId(), updated).query(UUID.class).single();
    }

    private void journey(Actor org, UUID person, String on) {
        jdbc.sql("""
                INSERT INTO journey_event (person_id, organisation_id, user_id, occurred_on, recorded_at, kind, summary)
                VALUES (?, ?, ?, ?::date, ?::date, 'KONTAKT', 'Samtal')""")
                .params(person, org.organisationId().value(), org.userId(), on, on).update();
    }

    private UUID referral(Actor from, Actor to, UUID person, String status, String sent, String ended) {
        UUID id = jdbc.sql("""
                INSERT INTO referral (person_id, from_organisation_id, from_user_id, to_organisation_id, reason, request,
                                      status, sent_at, received_at, ended_at)
                VALUES (?, ?, ?, ?, 'Behöver stöd', 'Praktik', ?, ?::date, ?::date, ?::date) RETURNING id""")
                .params(person, from.organisationId().value(), from.userId(), to.organisationId().value(), status,
                        sent, sent, ended).query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO referral_status (referral_id, status, changed_at, changed_by)
                VALUES (?, 'SKICKAD', ?::date, ?), (?, ?, ?::date, ?)""")
                .params(id, sent, from.userId(), id, status, ended, to.userId()).update();
        return id;
    }

    /** Every plan table's rows about the person, by table, in any organisation. */
    private Map<String, Long> rowsOf(UUID person) {
        var result = new LinkedHashMap<String, Long>();
        for (String table : holder().tables().stream().sorted().toList()) {
            String where = switch (table) {
                case "plan_need", "plan_track", "plan_review", "support_person", "plan_step" ->
                    "plan_id IN (SELECT id FROM plan WHERE person_id = :p)";
                case "plan_step_dependency" ->
                    "step_id IN (SELECT s.id FROM plan_step s JOIN plan p ON p.id = s.plan_id WHERE p.person_id = :p)";
                case "meeting_organisation", "meeting_participant" ->
                    "meeting_id IN (SELECT id FROM meeting WHERE person_id = :p)";
                case "referral_status" -> "referral_id IN (SELECT id FROM referral WHERE person_id = :p)";
                default -> "person_id = :p";
            };
            result.put(table, jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + where).param("p", person)
                    .query(Long.class).single());
        }
        return result;
    }

    private PersonalDataHolder holder() {
        return holders.stream().filter(h -> h.register().equals("plan")).findFirst().orElseThrow();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SWEDEN));
    }

    private void on(int year, int month, int day) {
        clock.moveTo(LocalDate.of(year, month, day).atTime(12, 0).atZone(SWEDEN));
    }

    /**
     * The test writes enrolments with SQL, without the plan module's EnrolmentChanged that keeps progression's
     * follow-up units in step: bring every unit in step again, as the events would have, so that the shared database
     * stays consistent for the tests that check all units (ProgressionFunderReportIntegrationTest).
     */
    @AfterEach
    void followUpUnitsInStep() {
        jdbc.sql("""
                SELECT follow_up_unit_refresh(ARRAY(SELECT id FROM enrolment
                                                   UNION SELECT enrolment_id FROM follow_up_unit
                                                          WHERE enrolment_id IS NOT NULL))""")
                .query((rs, n) -> 1).list();
    }

    @Test
    void theDryRunCountsTheOrganisationsClosedPartsAndChangesNothing() {
        var r = register();
        OrganisationId a = r.a().organisationId();
        on(2023, 6, 30);
        assertThat(plan().countDue(a, THREE_YEARS, today()).persons()).as("Ada's part closed 2020-06-30: kept")
                .isZero();

        on(2023, 7, 1);
        var before = List.of(rowsOf(r.ada()), rowsOf(r.bo()), rowsOf(r.cia()), rowsOf(r.dan()), rowsOf(r.eva()));
        RetentionCount due = plan().countDue(a, THREE_YEARS, today());
        assertThat(due.persons()).as("Ada only: Bo's enrolment is open, Cia's time is not up, B's step on Dan's plan"
                + " is going on, progression still follows Eva's enrolment").isEqualTo(1);
        var expected = new LinkedHashMap<String, Long>();
        for (String table : List.of("plan_step_dependency", "plan_step", "meeting_participant",
                "meeting_organisation", "meeting", "journey_event", "enrolment")) {
            expected.put(table, 0L);
        }
        expected.putAll(Map.of("plan_step_dependency", 1L, "plan_step", 1L, "meeting_participant", 2L,
                "meeting_organisation", 2L, "meeting", 1L, "journey_event", 1L, "enrolment", 1L));
        for (String kept : List.of("plan_need", "plan_track", "plan_review", "support_person", "plan",
                "referral_status", "referral")) {
            expected.put(kept, 0L);
        }
        assertThat(due.rowsByTable()).as("the plan stays for B's step, the referral for B").isEqualTo(expected);
        var archived = new LinkedHashMap<String, Long>();
        plan().archiveDue(a, THREE_YEARS, today(), (table, json) -> {
            assertThat(json).startsWith("{");
            archived.merge(table, 1L, Long::sum);
        });
        expected.values().removeIf(n -> n == 0);
        assertThat(archived).as("the archive package holds what the removal takes").isEqualTo(expected);
        assertThat(List.of(rowsOf(r.ada()), rowsOf(r.bo()), rowsOf(r.cia()), rowsOf(r.dan()), rowsOf(r.eva())))
                .as("the dry run changes nothing").isEqualTo(before);
        assertThat(plan().countDue(r.b().organisationId(), THREE_YEARS, today()).persons())
                .as("B: Ada's part is closed (Bo's journey too), Dan's step is going on").isEqualTo(2);
    }

    @Test
    void eachOrganisationRemovesItsOwnPartAndTheLastTakesWhatWasShared() {
        var r = register();
        OrganisationId a = r.a().organisationId();
        OrganisationId b = r.b().organisationId();
        on(2023, 7, 1);
        RetentionCount counted = plan().countDue(a, THREE_YEARS, today());
        var others = List.of(rowsOf(r.bo()), rowsOf(r.cia()), rowsOf(r.dan()), rowsOf(r.eva()));
        long bRows = count("SELECT count(*) FROM journey_event WHERE organisation_id = ?", b.value());

        jdbc.sql("SELECT follow_up_unit_refresh(ARRAY[CAST(? AS uuid)])").param(r.ids().enrolmentA())
                .query((rs, n) -> 1).list();
        assertThat(count("SELECT count(*) FROM follow_up_unit WHERE enrolment_id = ?", r.ids().enrolmentA()))
                .as("progression's follow-up unit of Ada's enrolment").isEqualTo(1);

        RetentionCount removed = transactions.execute(tx -> plan().removeDue(a, THREE_YEARS, today()));

        assertThat(count("SELECT count(*) FROM follow_up_unit WHERE enrolment_id = ?", r.ids().enrolmentA()))
                .as("gone with the enrolment, through EnrolmentChanged").isZero();

        assertThat(removed.rowsByTable()).as("the dry run's promise").isEqualTo(counted.rowsByTable());
        assertThat(removed.persons()).isEqualTo(counted.persons());
        assertThat(removed.personIds()).containsExactly(r.ada());
        assertThat(List.of(rowsOf(r.bo()), rowsOf(r.cia()), rowsOf(r.dan()), rowsOf(r.eva())))
                .as("other persons untouched").isEqualTo(others);
        var ids = r.ids();
        assertThat(count("SELECT count(*) FROM plan_step WHERE id = ? AND meeting_id IS NULL AND organisation_id = ?",
                ids.stepB(), b.value())).as("B's step stays, without its link to A's removed meeting").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM plan_step WHERE plan_id = ?", ids.plan())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM plan p JOIN plan_track t ON t.plan_id = p.id WHERE p.id = ?",
                ids.plan())).as("the plan and its tracks stay for B's step").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM referral_status s JOIN referral r ON r.id = s.referral_id"
                + " WHERE r.id = ?", ids.referral())).as("the referral stays whole while B holds Ada").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM journey_event WHERE organisation_id = ?", b.value())).isEqualTo(bRows);
        assertThat(count("SELECT count(*) FROM enrolment WHERE person_id = ? AND organisation_id = ?", r.ada(),
                a.value())).isZero();
        assertThat(plan().countDue(a, THREE_YEARS, today()).isEmpty()).as("repeatable: nothing more of A's to go")
                .isTrue();
        assertThat(transactions.execute(tx -> plan().removeDue(a, THREE_YEARS, today())).rows()).isZero();
        assertThat(plan().stillHeld(List.of(r.ada(), r.bo()))).containsExactlyInAnyOrder(r.ada(), r.bo());

        // B's run: its step, journey events (Ada's and Bo's) go; the referral stays while A holds Ada's plan
        RetentionCount bCounted = plan().countDue(b, THREE_YEARS, today());
        RetentionCount bRemoved = transactions.execute(tx -> plan().removeDue(b, THREE_YEARS, today()));
        assertThat(bRemoved.rowsByTable()).isEqualTo(bCounted.rowsByTable());
        assertThat(bRemoved.personIds()).containsExactlyInAnyOrder(r.ada(), r.bo());
        assertThat(bRemoved.rowsByTable()).containsEntry("plan_step", 1L).containsEntry("journey_event", 2L)
                .containsEntry("referral", 0L);
        assertThat(count("SELECT count(*) FROM plan_step WHERE plan_id = (SELECT id FROM plan WHERE person_id = ?)"
                + " AND organisation_id = ?", r.dan(), b.value())).as("B's going step on Dan's plan").isEqualTo(1);

        // A's next run: nobody else is on the plan any more, and B holds nothing else on Ada: the rest goes
        RetentionCount last = transactions.execute(tx -> plan().removeDue(a, THREE_YEARS, today()));
        assertThat(last.rowsByTable()).containsEntry("plan", 1L).containsEntry("plan_track", 2L)
                .containsEntry("plan_need", 1L).containsEntry("plan_review", 1L).containsEntry("support_person", 1L)
                .containsEntry("referral", 1L).containsEntry("referral_status", 2L);
        assertThat(rowsOf(r.ada()).values()).as("nothing left of Ada in the plan register").containsOnly(0L);
        assertThat(plan().stillHeld(List.of(r.ada(), r.bo()))).containsExactly(r.bo());
    }

    @Test
    void theRemovalIsAllOrNothing() throws SQLException {
        var r = register();
        OrganisationId a = r.a().organisationId();
        on(2023, 7, 1);
        var ada = rowsOf(r.ada());
        // another transaction holds Ada's enrolment (as a case worker saving it would): the removal has deleted from
        // every other table when it reaches the enrolment, and gives up there
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("SELECT id FROM enrolment WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, r.ids().enrolmentA());
                lock.executeQuery().close();
            }
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("SET LOCAL lock_timeout = '300ms'").update();
                plan().removeDue(a, THREE_YEARS, today());
            })).isInstanceOf(DataAccessException.class).hasMessageContaining("DELETE FROM enrolment")
                    .hasMessageContaining("lock timeout");
            other.rollback();
        }
        assertThat(rowsOf(r.ada())).as("nothing half-removed").isEqualTo(ada);
        assertThat(count("SELECT count(*) FROM plan_step WHERE id = ? AND meeting_id IS NOT NULL", r.ids().stepB()))
                .as("B's step keeps its link").isEqualTo(1);
        assertThat(plan().countDue(a, THREE_YEARS, today()).persons()).isEqualTo(1);
    }

    @Test
    void erasingOnePersonRemovesOnlyTheOrganisationsPartOfThem() {
        var r = register();
        OrganisationId a = r.a().organisationId();
        var ada = rowsOf(r.ada());
        var bJourney = count("SELECT count(*) FROM journey_event WHERE person_id = ? AND organisation_id = ?", r.bo(),
                r.b().organisationId().value());
        RetentionCount preview = plan().countPerson(a, r.bo());
        assertThat(preview.persons()).isEqualTo(1);
        assertThat(preview.rowsByTable()).containsEntry("enrolment", 1L).containsEntry("journey_event", 0L);
        assertThat(plan().mustKeep(a, r.bo())).as("an open enrolment is no obligation of the register").isEmpty();

        RetentionCount erased = transactions.execute(tx -> plan().erasePerson(a, r.bo()));

        assertThat(erased.rowsByTable()).isEqualTo(preview.rowsByTable());
        assertThat(erased.personIds()).containsExactly(r.bo());
        assertThat(count("SELECT count(*) FROM enrolment WHERE person_id = ?", r.bo())).isZero();
        assertThat(count("SELECT count(*) FROM journey_event WHERE person_id = ? AND organisation_id = ?", r.bo(),
                r.b().organisationId().value())).as("B's record of Bo").isEqualTo(bJourney).isEqualTo(1);
        assertThat(rowsOf(r.ada())).as("another person").isEqualTo(ada);
        assertThat(plan().countPerson(r.b().organisationId(), r.ada()).rowsByTable())
                .as("B's part of Ada: its step (and the dependency on A's), its journey")
                .containsEntry("plan_step", 1L).containsEntry("plan_step_dependency", 1L)
                .containsEntry("journey_event", 1L).containsEntry("plan", 0L).containsEntry("meeting", 0L);

        assertThatThrownBy(() -> transactions.execute(tx -> plan().erasePerson(a, r.eva())))
                .as("progression still follows Eva's enrolment: erased there first")
                .isInstanceOf(IllegalStateException.class);
        assertThat(count("SELECT count(*) FROM enrolment WHERE person_id = ?", r.eva())).isEqualTo(1);
    }

    @Test
    void theTablesNamingThePersonAreTheRegisters() {
        assertThat(NAMING_THE_PERSON).allMatch(holder().tables()::contains);
    }
}
