package se.lots.progression.registration;

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
 * Gallring of the progression register on the real database: a person's participations in the organisation's
 * programmes go with their registrations, incomes, assessments, scores and step movements once nothing is running and
 * the last activity fell before the rule's period; the dry run is the removal's promise, another person, another
 * organisation and the anonymous participations stay, the follow-up units keep nothing of what went, and an error
 * half-way leaves everything as it was.
 */
@IntegrationTest
class ProgressionRetentionIntegrationTest {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final RetentionRule THREE_YEARS = new RetentionRule("progression", "PARTICIPANT", 36,
            RetentionEvent.LAST_ACTIVITY, "Organisationens gallringsbeslut (test)", false);

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

    private PersonalDataEraser progression() {
        return erasers.stream().filter(e -> e.register().equals("progression")).findFirst().orElseThrow();
    }

    private PersonalDataHolder holder() {
        return holders.stream().filter(h -> h.register().equals("progression")).findFirst().orElseThrow();
    }

    /**
     * In A: Ada's participation ended 2020-06-30 (she took part in B too); Bo's is running (and he took part in B);
     * Cia's ended in 2020 but was assessed in 2025; Dan's enrolment was registered anonymously in 2019; and an
     * anonymous participation of nobody.
     */
    private record Register(Actor a, Actor b, UUID ada, UUID bo, UUID cia, UUID dan, UUID adaInA, UUID adaEnrolmentA,
            UUID anonymousOne) {
    }

    private Register register() {
        Actor a = fixture.newMunicipality();
        Actor b = fixture.newMunicipality();
        UUID ada = person(a, "Ada");
        UUID bo = person(a, "Bo");
        UUID cia = person(a, "Cia");
        UUID dan = person(a, "Dan");
        long programmeA = programme(a);
        long programmeB = programme(b);

        UUID adaEnrolmentA = enrolment(a, ada, programmeA, "2019-01-10", "2020-06-30");
        UUID adaInA = participant(a, programmeA, adaEnrolmentA, "2019-01-10", "2020-06-30");
        UUID start = registration(a, adaInA, "START", "2019-01-10", "ARBETSSOKANDE");
        jdbc.sql("INSERT INTO registration_income (registration_id, income_source) VALUES (?, 'LON')").param(start)
                .update();
        registration(a, adaInA, "SLUT", "2020-06-30", "STUDERAR");
        assessment(a, adaInA, "2019-06-01");
        jdbc.sql("""
                INSERT INTO step_movement (participant_id, moved_on, from_step_id, to_step_id, created_by, created_at)
                SELECT ?, '2019-09-01', (SELECT id FROM ladder_step WHERE position = 2),
                       (SELECT id FROM ladder_step WHERE position = 3), ?, '2019-09-01'""")
                .params(adaInA, a.userId()).update();
        UUID adaInB = participant(b, programmeB, enrolment(b, ada, programmeB, "2019-02-01", "2020-03-01"),
                "2019-02-01", "2020-03-01");
        registration(b, adaInB, "START", "2019-02-01", "ARBETSSOKANDE");

        participant(a, programmeA, enrolment(a, bo, programmeA, "2019-01-10", null), "2019-01-10", null);
        participant(b, programmeB, enrolment(b, bo, programmeB, "2019-01-10", "2019-12-31"), "2019-01-10",
                "2019-12-31");
        UUID ciaInA = participant(a, programmeA, enrolment(a, cia, programmeA, "2019-01-10", "2020-06-30"),
                "2019-01-10", "2020-06-30");
        assessment(a, ciaInA, "2025-03-01");
        UUID danEnrolment = enrolment(a, dan, programmeA, "2019-01-10", "2019-12-31");
        jdbc.sql("INSERT INTO anonymous_enrolment (enrolment_id, registered_at) VALUES (?, '2019-01-10')")
                .param(danEnrolment).update();
        UUID anonymousOne = jdbc.sql("""
                INSERT INTO participant (programme_id, organisation_id, anonymous_reason, gender, birth_year, started_on,
                                         ended_on, created_by, created_at)
                VALUES (?, ?, 'INGET_SAMTYCKE', 'MAN', 2003, '2019-01-10', '2019-12-31', ?, '2019-01-10') RETURNING id""")
                .params(programmeA, a.organisationId().value(), a.userId()).query(UUID.class).single();
        return new Register(a, b, ada, bo, cia, dan, adaInA, adaEnrolmentA, anonymousOne);
    }

    private UUID person(Actor holder, String name) {
        return registry.register(holder, aYoungPerson().named(name, "Stegsson").build()).id();
    }

    private long programme(Actor org) {
        return jdbc.sql("INSERT INTO programme (organisation_id, name) VALUES (?, 'Framsteget') RETURNING id")
                .param(org.organisationId().value()).query(Long.class).single();
    }

    private UUID enrolment(Actor org, UUID person, long programme, String started, String ended) {
        return jdbc.sql("""
                INSERT INTO enrolment (person_id, programme_id, organisation_id, started_on, reason, ended_on,
                                       end_reason, created_by)
                VALUES (?, ?, ?, ?::date, 'Anvisad', ?::date, CASE WHEN ?::date IS NULL THEN NULL ELSE 'ARBETE' END, ?)
                RETURNING id""").params(person, programme, org.organisationId().value(), started, ended, ended,
                org.userId()).query(UUID.class).single();
    }

    private UUID participant(Actor org, long programme, UUID enrolment, String started, String ended) {
        return jdbc.sql("""
                INSERT INTO participant (programme_id, organisation_id, enrolment_id, gender, birth_year, started_on,
                                         ended_on, created_by, created_at)
                VALUES (?, ?, ?, 'KVINNA', 2004, ?::date, ?::date, ?, ?::date) RETURNING id""")
                .params(programme, org.organisationId().value(), enrolment, started, ended, org.userId(), started)
                .query(UUID.class).single();
    }

    private UUID registration(Actor org, UUID participant, String kind, String on, String occupation) {
        return jdbc.sql("""
                INSERT INTO registration (participant_id, kind, measured_on, occupation, education_level,
                                          registered_at_af, created_by, created_at)
                VALUES (?, ?, ?::date, ?, 'GYMNASIAL', true, ?, ?::date) RETURNING id""")
                .params(participant, kind, on, occupation, org.userId(), on).query(UUID.class).single();
    }

    private void assessment(Actor org, UUID participant, String on) {
        UUID id = jdbc.sql("""
                INSERT INTO assessment (participant_id, instrument_id, rater, assessed_on, total, created_by, created_at)
                SELECT ?, id, 'DEN_UNGE', ?::date, 12, ?, ?::date FROM instrument
                 WHERE name = 'Skattning av mående (ORS-liknande)' RETURNING id""")
                .params(participant, on, org.userId(), on).query(UUID.class).single();
        jdbc.sql("""
                INSERT INTO assessment_score (assessment_id, item_id, score)
                SELECT ?, id, 6 FROM instrument_item WHERE instrument_id = (SELECT instrument_id FROM assessment
                                                                            WHERE id = ?) AND position <= 2""")
                .params(id, id).update();
    }

    /** Every progression table's rows about the person (through their enrolments), by table, in any organisation. */
    private Map<String, Long> rowsOf(UUID person) {
        String participants = "SELECT p.id FROM participant p JOIN enrolment e ON e.id = p.enrolment_id"
                + " WHERE e.person_id = :p";
        var result = new LinkedHashMap<String, Long>();
        for (String table : holder().tables().stream().sorted().toList()) {
            String where = switch (table) {
                case "participant" -> "id IN (" + participants + ")";
                case "anonymous_enrolment" -> "enrolment_id IN (SELECT id FROM enrolment WHERE person_id = :p)";
                case "registration_income" ->
                    "registration_id IN (SELECT id FROM registration WHERE participant_id IN (" + participants + "))";
                case "assessment_score" ->
                    "assessment_id IN (SELECT id FROM assessment WHERE participant_id IN (" + participants + "))";
                default -> "participant_id IN (" + participants + ")";
            };
            result.put(table, jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + where).param("p", person)
                    .query(Long.class).single());
        }
        return result;
    }

    private Map<String, Long> rowsOf(UUID person, OrganisationId organisation) {
        var result = new LinkedHashMap<String, Long>();
        result.put("participant", count("SELECT count(*) FROM participant p JOIN enrolment e ON e.id = p.enrolment_id"
                + " WHERE e.person_id = ? AND p.organisation_id = ?", person, organisation.value()));
        result.put("registration", count("SELECT count(*) FROM registration r JOIN participant p"
                + " ON p.id = r.participant_id JOIN enrolment e ON e.id = p.enrolment_id"
                + " WHERE e.person_id = ? AND p.organisation_id = ?", person, organisation.value()));
        return result;
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

    private static final Map<String, Long> ADA_AND_DAN = Map.of("registration_income", 1L, "registration", 2L,
            "assessment_score", 2L, "assessment", 1L, "step_movement", 1L, "participant", 1L,
            "anonymous_enrolment", 1L);

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
    void theDryRunCountsThePersonsWhoseLastActivityFellBeforeThePeriodAndChangesNothing() {
        var r = register();
        OrganisationId a = r.a().organisationId();
        on(2023, 6, 30);
        assertThat(progression().countDue(a, THREE_YEARS, today()).persons())
                .as("Dan only: Ada's participation ended 2020-06-30, kept through the day three years on").isEqualTo(1);

        on(2023, 7, 1);
        var before = List.of(rowsOf(r.ada()), rowsOf(r.bo()), rowsOf(r.cia()), rowsOf(r.dan()));
        RetentionCount due = progression().countDue(a, THREE_YEARS, today());
        assertThat(due.persons()).as("Ada and Dan: Bo's participation runs, Cia was assessed in 2025").isEqualTo(2);
        assertThat(due.rowsByTable()).isEqualTo(ADA_AND_DAN);
        var archived = new LinkedHashMap<String, Long>();
        progression().archiveDue(a, THREE_YEARS, today(), (table, json) -> archived.merge(table, 1L, Long::sum));
        assertThat(archived).as("the archive package holds what the removal takes").isEqualTo(ADA_AND_DAN);
        assertThat(List.of(rowsOf(r.ada()), rowsOf(r.bo()), rowsOf(r.cia()), rowsOf(r.dan())))
                .as("the dry run changes nothing").isEqualTo(before);
        assertThat(progression().countDue(r.b().organisationId(), THREE_YEARS, today()).persons())
                .as("B: Ada's and Bo's participations there ended in 2019–2020").isEqualTo(2);
    }

    @Test
    void theRemovalTakesWhatTheDryRunCountedAndNothingElse() {
        var r = register();
        OrganisationId a = r.a().organisationId();
        OrganisationId b = r.b().organisationId();
        on(2023, 7, 1);
        RetentionCount counted = progression().countDue(a, THREE_YEARS, today());
        var others = List.of(rowsOf(r.bo()), rowsOf(r.cia()));
        var adaInB = rowsOf(r.ada(), b);
        assertThat(count("SELECT count(*) FROM follow_up_unit WHERE enrolment_id = ? AND start_occupation IS NOT NULL",
                r.adaEnrolmentA())).as("the unit built on Ada's registrations").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM progression_followed_enrolment WHERE enrolment_id = ?",
                r.adaEnrolmentA())).isEqualTo(1);

        RetentionCount removed = transactions.execute(tx -> progression().removeDue(a, THREE_YEARS, today()));

        assertThat(removed.rowsByTable()).isEqualTo(counted.rowsByTable());
        assertThat(removed.persons()).isEqualTo(2);
        assertThat(removed.personIds()).containsExactlyInAnyOrder(r.ada(), r.dan());
        assertThat(rowsOf(r.ada(), a).values()).as("nothing left of Ada in A").containsOnly(0L);
        assertThat(rowsOf(r.dan()).values()).containsOnly(0L);
        assertThat(rowsOf(r.ada(), b)).as("B's records of Ada").isEqualTo(adaInB).containsEntry("participant", 1L);
        assertThat(List.of(rowsOf(r.bo()), rowsOf(r.cia()))).as("other persons").isEqualTo(others);
        assertThat(count("SELECT count(*) FROM participant WHERE id = ?", r.anonymousOne()))
                .as("an anonymous participation names nobody: it stays").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM follow_up_unit WHERE enrolment_id = ? AND start_occupation IS NULL"
                + " AND start_incomes IS NULL", r.adaEnrolmentA())).as("the unit keeps nothing of what went")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM progression_followed_enrolment WHERE enrolment_id = ?",
                r.adaEnrolmentA())).as("the plan module may now remove the enrolment").isZero();
        assertThat(progression().stillHeld(List.of(r.ada(), r.dan(), r.bo())))
                .as("Ada is still held by B's participation").containsExactlyInAnyOrder(r.ada(), r.bo());
        assertThat(progression().countDue(a, THREE_YEARS, today()).isEmpty()).as("repeatable").isTrue();
        assertThat(transactions.execute(tx -> progression().removeDue(a, THREE_YEARS, today())).rows()).isZero();
    }

    @Test
    void theRemovalIsAllOrNothing() throws SQLException {
        var r = register();
        OrganisationId a = r.a().organisationId();
        on(2023, 7, 1);
        var ada = rowsOf(r.ada());
        // another transaction holds Ada's participation (as a case worker saving it would): the removal has deleted
        // its registrations, assessments and movements when it reaches it, and gives up there
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("SELECT id FROM participant WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, r.adaInA());
                lock.executeQuery().close();
            }
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("SET LOCAL lock_timeout = '300ms'").update();
                progression().removeDue(a, THREE_YEARS, today());
            })).isInstanceOf(DataAccessException.class).hasMessageContaining("DELETE FROM participant")
                    .hasMessageContaining("lock timeout");
            other.rollback();
        }
        assertThat(rowsOf(r.ada())).as("nothing half-removed").isEqualTo(ada);
        assertThat(progression().countDue(a, THREE_YEARS, today()).persons()).isEqualTo(2);
    }

    @Test
    void erasingOnePersonRemovesOnlyTheOrganisationsRecordsOfThem() {
        var r = register();
        OrganisationId a = r.a().organisationId();
        var ada = rowsOf(r.ada());
        var boInB = rowsOf(r.bo(), r.b().organisationId());
        RetentionCount preview = progression().countPerson(a, r.bo());
        assertThat(preview.persons()).isEqualTo(1);
        assertThat(preview.rowsByTable()).containsEntry("participant", 1L).containsEntry("registration", 0L);
        assertThat(progression().mustKeep(a, r.bo())).as("a running participation is no obligation").isEmpty();

        RetentionCount erased = transactions.execute(tx -> progression().erasePerson(a, r.bo()));

        assertThat(erased.rowsByTable()).isEqualTo(preview.rowsByTable());
        assertThat(erased.personIds()).containsExactly(r.bo());
        assertThat(rowsOf(r.bo(), a).values()).containsOnly(0L);
        assertThat(rowsOf(r.bo(), r.b().organisationId())).as("B's record of Bo").isEqualTo(boInB)
                .containsEntry("participant", 1L);
        assertThat(rowsOf(r.ada())).as("another person").isEqualTo(ada);
        assertThat(progression().countPerson(a, UUID.randomUUID()).isEmpty()).isTrue();
    }
}
