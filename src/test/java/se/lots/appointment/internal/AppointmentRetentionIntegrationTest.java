package se.lots.appointment.internal;

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
 * Gallring of booked times on the real database (the pattern of {@code KaaRetentionIntegrationTest}): an appointment
 * of the organisation whose time (or the attendance recorded after it) is older than the rule's period goes with its
 * reminders; a newer or coming one, another organisation's and another person's stay.
 */
@IntegrationTest
class AppointmentRetentionIntegrationTest {

    private static final RetentionRule ONE_YEAR = new RetentionRule("appointment", "APPOINTMENT", 12,
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

    private PersonalDataEraser appointments() {
        return erasers.stream().filter(e -> e.register().equals("appointment")).findFirst().orElseThrow();
    }

    private PersonalDataHolder holder() {
        return holders.stream().filter(h -> h.register().equals("appointment")).findFirst().orElseThrow();
    }

    /**
     * Ada: a time on 2025-03-10 with two reminders (due), one on 2028-12-31 whose attendance was recorded on
     * 2029-01-05, one on 2029-06-01 and one to come in 2031 (not due); the other organisation's time with her on
     * 2025-03-11. Bo: a time on 2025-04-01 with another organisation only and one on 2029-10-01 here.
     */
    private record Register(Actor coordinator, Actor other, UUID ada, UUID bo, UUID old) {
    }

    private Register register() {
        Actor coordinator = fixture.newMunicipality();
        Actor other = fixture.newMunicipality();
        UUID ada = registry.register(coordinator, aYoungPerson().named("Ada", "Tidsson").build()).id();
        UUID bo = registry.register(coordinator, aYoungPerson().named("Bo", "Tidsson").build()).id();
        UUID old = appointment(ada, coordinator, "2025-03-10 10:00+01", null);
        for (String recipient : List.of("UNG", "PERSONAL")) {
            jdbc.sql("""
                    INSERT INTO appointment_reminder (appointment_id, recipient, channel, due_at, sent_at)
                    VALUES (?, ?, 'SMS', '2025-03-09 18:00+01', '2025-03-09 18:00+01')""").params(old, recipient)
                    .update();
        }
        appointment(ada, coordinator, "2028-12-31 10:00+01", "2029-01-05 09:00+01");
        appointment(ada, coordinator, "2029-06-01 10:00+02", null);
        UUID coming = appointment(ada, coordinator, "2031-02-01 10:00+01", null);
        jdbc.sql("""
                INSERT INTO appointment_reminder (appointment_id, recipient, channel, due_at)
                VALUES (?, 'UNG', 'SMS', '2031-01-31 18:00+01')""").param(coming).update();
        appointment(ada, other, "2025-03-11 10:00+01", null);
        appointment(bo, other, "2025-04-01 10:00+02", null);
        appointment(bo, coordinator, "2029-10-01 10:00+02", null);
        return new Register(coordinator, other, ada, bo, old);
    }

    private UUID appointment(UUID person, Actor with, String startsAt, String attendanceAt) {
        return jdbc.sql("""
                INSERT INTO appointment (person_id, organisation_id, with_user_id, starts_at, ends_at, place, purpose,
                                         context, reminder_channel, reminder_address, attendance, attendance_by,
                                         attendance_at, created_by, created_at)
                VALUES (?, ?, ?, ?::timestamptz, ?::timestamptz + interval '1 hour', 'Storgatan 1', 'Samtal', 'KAA',
                        'SMS', '070-111 22 33', CASE WHEN ?::text IS NULL THEN NULL ELSE 'KOM' END,
                        CASE WHEN ?::text IS NULL THEN NULL ELSE ?::bigint END, ?::timestamptz,
                        ?, ?::timestamptz - interval '7 days')
                RETURNING id""")
                .params(person, with.organisationId().value(), with.userId(), startsAt, startsAt, attendanceAt,
                        attendanceAt, with.userId(), attendanceAt, with.userId(), startsAt)
                .query(UUID.class).single();
    }

    /** Every row of the register about the person (any organisation), as JSON, to show exactly what stays. */
    private List<String> snapshot(UUID person) {
        var rows = new ArrayList<String>(jdbc.sql("""
                SELECT 'appointment ' || row_to_json(a)::text FROM appointment a WHERE a.person_id = ?
                UNION ALL
                SELECT 'appointment_reminder ' || row_to_json(r)::text
                  FROM appointment_reminder r JOIN appointment a ON a.id = r.appointment_id WHERE a.person_id = ?""")
                .params(person, person).query(String.class).list());
        rows.sort(null);
        return rows;
    }

    private long appointmentsOf(UUID person, Actor organisation) {
        return jdbc.sql("SELECT count(*) FROM appointment WHERE person_id = ? AND organisation_id = ?")
                .params(person, organisation.organisationId().value()).query(Long.class).single();
    }

    @Test
    void theDryRunCountsTheTimesOlderThanThePeriodWithTheirRemindersAndChangesNothing() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var before = List.of(snapshot(r.ada()), snapshot(r.bo()));

        RetentionCount due = appointments().countDue(org, ONE_YEAR, TODAY);

        assertThat(due.persons()).isEqualTo(1);
        assertThat(due.rowsByTable()).containsExactly(Map.entry("appointment_reminder", 2L),
                Map.entry("appointment", 1L));
        assertThat(List.of(snapshot(r.ada()), snapshot(r.bo()))).as("the dry run changes nothing").isEqualTo(before);
        assertThat(appointments().countDue(org, ONE_YEAR, LocalDate.of(2030, 1, 6)).rowsByTable())
                .as("the attendance recorded on 2029-01-05 counts, not the time on 2028-12-31")
                .containsEntry("appointment", 2L);
        assertThat(appointments().countDue(org, ONE_YEAR, LocalDate.of(2030, 1, 5)).rowsByTable())
                .containsEntry("appointment", 1L);
        assertThat(appointments().countDue(org, new RetentionRule("appointment", "APPOINTMENT", 0,
                RetentionEvent.LAST_ACTIVITY, "test", false), TODAY).rowsByTable())
                .as("every time gone by (three of Ada's, one of Bo's), not the one to come")
                .containsEntry("appointment", 4L);
        assertThat(appointments().countDue(r.other().organisationId(), ONE_YEAR, TODAY).persons())
                .as("the other organisation's times with Ada and Bo are its own").isEqualTo(2);
    }

    @Test
    void theRemovalTakesWhatTheDryRunCountedAndNothingElse() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        RetentionCount counted = appointments().countDue(org, ONE_YEAR, TODAY);
        var bo = snapshot(r.bo());
        var ada = snapshot(r.ada());
        RetentionCount removed = transactions.execute(tx -> appointments().removeDue(org, ONE_YEAR, TODAY));

        assertThat(removed.rowsByTable()).isEqualTo(counted.rowsByTable());
        assertThat(removed.persons()).isEqualTo(counted.persons());
        assertThat(removed.personIds()).containsExactly(r.ada());
        var adaAfter = snapshot(r.ada());
        ada.removeAll(adaAfter);
        assertThat(ada).as("the old time and its two reminders").hasSize(3)
                .allMatch(row -> row.contains(r.old().toString()));
        assertThat(appointmentsOf(r.ada(), r.coordinator())).isEqualTo(3);
        assertThat(appointmentsOf(r.ada(), r.other())).as("the other organisation's time").isEqualTo(1);
        assertThat(snapshot(r.bo())).isEqualTo(bo);
        assertThat(appointments().countDue(org, ONE_YEAR, TODAY).isEmpty()).as("repeatable").isTrue();
        assertThat(transactions.execute(tx -> appointments().removeDue(org, ONE_YEAR, TODAY)).rows()).isZero();
    }

    @Test
    void theArchiveHoldsExactlyTheRowsTheRemovalRemoves() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var archived = new ArrayList<String>();
        appointments().archiveDue(org, ONE_YEAR, TODAY, (table, json) -> archived.add(table + " " + json));
        var gone = snapshot(r.ada());

        transactions.execute(tx -> appointments().removeDue(org, ONE_YEAR, TODAY));

        gone.removeAll(snapshot(r.ada()));
        assertThat(archived).containsExactlyInAnyOrderElementsOf(gone).hasSize(3);
        assertThat(archived.get(2)).as("children before parents").startsWith("appointment {");
    }

    @Test
    void theRemovalIsAllOrNothing() throws SQLException {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var ada = snapshot(r.ada());
        // another transaction holds the old time (as a user saving its attendance would): the reminders are gone when
        // the removal reaches it, and it gives up there
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("SELECT id FROM appointment WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, r.old());
                lock.executeQuery().close();
            }
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                jdbc.sql("SET LOCAL lock_timeout = '300ms'").update();
                appointments().removeDue(org, ONE_YEAR, TODAY);
            })).isInstanceOf(DataAccessException.class).hasMessageContaining("DELETE FROM appointment ")
                    .hasMessageContaining("lock timeout");
            other.rollback();
        }
        assertThat(snapshot(r.ada())).as("nothing half-removed").isEqualTo(ada);
    }

    @Test
    void erasingAPersonTakesEveryTimeTheOrganisationBookedWithThemAndNothingElse() {
        var r = register();
        OrganisationId org = r.coordinator().organisationId();
        var bo = snapshot(r.bo());
        RetentionCount counted = appointments().countPerson(org, r.ada());
        assertThat(counted.rowsByTable()).containsExactly(Map.entry("appointment_reminder", 3L),
                Map.entry("appointment", 4L));
        assertThat(appointments().mustKeep(org, r.ada())).as("a time to come stands in nobody's way").isEmpty();

        RetentionCount erased = transactions.execute(tx -> appointments().erasePerson(org, r.ada()));

        assertThat(erased.rowsByTable()).isEqualTo(counted.rowsByTable());
        assertThat(erased.personIds()).containsExactly(r.ada());
        assertThat(appointmentsOf(r.ada(), r.coordinator())).isZero();
        assertThat(appointmentsOf(r.ada(), r.other())).isEqualTo(1);
        assertThat(snapshot(r.bo())).isEqualTo(bo);
        assertThat(appointments().countPerson(org, r.ada()).isEmpty()).isTrue();
    }

    @Test
    void aPersonIsStillHeldWhileAnyOrganisationHasATimeWithThem() {
        var r = register();
        UUID stranger = UUID.randomUUID();
        assertThat(appointments().stillHeld(List.of(r.ada(), r.bo(), stranger))).containsExactlyInAnyOrder(r.ada(),
                r.bo());
        transactions.execute(tx -> appointments().erasePerson(r.coordinator().organisationId(), r.ada()));
        assertThat(appointments().stillHeld(List.of(r.ada()))).as("the other organisation's time").contains(r.ada());
        transactions.execute(tx -> appointments().erasePerson(r.other().organisationId(), r.ada()));
        assertThat(appointments().stillHeld(List.of(r.ada()))).isEmpty();
    }
}
