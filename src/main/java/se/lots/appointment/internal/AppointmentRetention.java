package se.lots.appointment.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.lots.organisation.OrganisationId;
import se.lots.privacy.ArchiveSink;
import se.lots.privacy.DueRows;
import se.lots.privacy.PersonalDataEraser;
import se.lots.privacy.RetentionCount;
import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;

/**
 * Gallring of booked times (rule kind "APPOINTMENT", counted from the last activity): each of the organisation's
 * appointments is due, with its reminders, once its time — its end, or the day attendance was recorded if later —
 * fell before the rule's period. Appointment by appointment, not person by person: an old time is not kept because the
 * young person has a newer one. A time still to come is never due. Nothing in the register itself must be kept for an
 * erasure ({@link #mustKeep} is empty): a booked time serves the work it belongs to (KAA, plan), whose register says
 * whether that work must be kept; an erased upcoming time takes its unsent reminders with it.
 */
@Component
class AppointmentRetention implements PersonalDataEraser {

    static final String APPOINTMENT = "APPOINTMENT";

    private final JdbcClient jdbc;

    AppointmentRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String register() {
        return "appointment";
    }

    @Override
    public Set<String> recordKinds() {
        return Set.of(APPOINTMENT);
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionCount countDue(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        return rows(due(organisation, rule, today)).count();
    }

    @Override
    @Transactional(readOnly = true)
    public void archiveDue(OrganisationId organisation, RetentionRule rule, LocalDate today, ArchiveSink sink) {
        rows(due(organisation, rule, today)).archive(sink);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RetentionCount removeDue(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        return rows(due(organisation, rule, today)).remove();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> stillHeld(Collection<UUID> persons) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT person_id FROM appointment WHERE person_id = ANY(?::uuid[])")
                .param(persons.toArray(UUID[]::new)).query(UUID.class).list());
    }

    @Override
    @Transactional(readOnly = true)
    public RetentionCount countPerson(OrganisationId organisation, UUID personId) {
        return rows(person(organisation, personId)).count();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RetentionCount erasePerson(OrganisationId organisation, UUID personId) {
        return rows(person(organisation, personId)).remove();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> mustKeep(OrganisationId organisation, UUID personId) {
        return Optional.empty();
    }

    /** The due appointments and their persons. */
    private record Due(UUID[] appointments, Set<UUID> persons) {
    }

    /** The tables in the order the removal goes: children before parents. */
    private DueRows rows(Due due) {
        return DueRows.of(jdbc, register(), due.persons)
                .from("FROM appointment_reminder WHERE appointment_id = ANY(?::uuid[])", due.appointments)
                .from("FROM appointment WHERE id = ANY(?::uuid[])", due.appointments);
    }

    private Due due(OrganisationId organisation, RetentionRule rule, LocalDate today) {
        if (!rule.register().equals(register()) || !rule.recordKind().equals(APPOINTMENT)
                || rule.countedFrom() != RetentionEvent.LAST_ACTIVITY) {
            throw new IllegalArgumentException("not a rule of booked times: " + rule);
        }
        return found(jdbc.sql("""
                SELECT id, person_id FROM appointment
                 WHERE organisation_id = ?
                   AND (greatest(ends_at, attendance_at) AT TIME ZONE 'Europe/Stockholm')::date < ?""")
                .params(organisation.value(), rule.keptFrom(today)));
    }

    /** One person, for an erasure: every time the organisation booked with them. */
    private Due person(OrganisationId organisation, UUID personId) {
        return found(jdbc.sql("SELECT id, person_id FROM appointment WHERE organisation_id = ? AND person_id = ?")
                .params(organisation.value(), personId));
    }

    private static Due found(JdbcClient.StatementSpec query) {
        var appointments = new java.util.ArrayList<UUID>();
        var persons = new HashSet<UUID>();
        query.query(rs -> {
            appointments.add(rs.getObject(1, UUID.class));
            persons.add(rs.getObject(2, UUID.class));
        });
        return new Due(appointments.toArray(UUID[]::new), persons);
    }
}
