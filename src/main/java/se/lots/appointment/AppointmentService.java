package se.lots.appointment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.appointment.internal.Appointments;
import se.lots.appointment.internal.Reminders;
import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.organisation.UserAccounts;
import se.lots.registry.PersonRead;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.ContactDetails;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.calendar.CalendarFile;

/**
 * Booked times with young persons. A time belongs to the organisation that booked it: only its staff with a role
 * that reads personal data see it, book it or record attendance, and only for a young person they may read. Every
 * read and write is audited.
 */
@Service
public class AppointmentService {

    /** The young person's reminder goes this long before the time, or at once if booked later than that. */
    static final Duration REMIND_BEFORE = Duration.ofHours(24);
    /** No reminder for a time closer than this when booked: it would come too late to help. */
    static final Duration TOO_CLOSE = Duration.ofHours(2);

    private final Appointments appointments;
    private final Reminders reminders;
    private final RegistryService registry;
    private final UserAccounts users;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    AppointmentService(Appointments appointments, Reminders reminders, RegistryService registry, UserAccounts users,
            AuditLog audit, MessageSource messages, Clock clock) {
        this.appointments = appointments;
        this.users = users;
        this.reminders = reminders;
        this.registry = registry;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Books a time with the young person, and the reminder on the channel they chose. */
    @Transactional
    public Appointment book(Actor actor, UUID personId, AppointmentInput in) {
        YoungPerson person = readable(actor, personId).person();
        var v = new Validation();
        LocalDateTime startsAt = startsAt(v, in);
        int minutes = in.minutes() == null ? 60 : in.minutes();
        if (minutes < 5 || minutes > 480) {
            v.reject("minutes", "appointment.minutesRange");
        }
        String place = blankToNull(in.place());
        v.require("place", place).maxLength("place", place, 200);
        if (place != null) {
            se.lots.appointment.internal.NeutralPlace.revealingIn(place, appointments.organisationAndUnitNames())
                    .ifPresent(word -> v.reject("place", "appointment.placeReveals", word));
        }
        String purpose = blankToNull(in.purpose());
        v.maxLength("purpose", purpose, 500);
        AppointmentContext context = v.enumValue("context", in.context() == null ? "ANNAT" : in.context(),
                AppointmentContext.class, true);
        long withUserId = in.withUserId() == null ? actor.userId() : in.withUserId();
        if (appointments.activeStaffName(actor.organisationId(), withUserId).isEmpty()) {
            v.reject("withUserId", "appointment.withUserNotStaff");
        }
        ReminderChannel channel = v.enumValue("reminderChannel",
                in.reminderChannel() == null ? "INGEN" : in.reminderChannel(), ReminderChannel.class, true);
        String address = reminderAddress(v, channel, blankToNull(in.reminderAddress()), person);
        v.throwIfInvalid();

        Instant start = startsAt.atZone(clock.getZone()).toInstant();
        Instant end = start.plus(Duration.ofMinutes(minutes));
        UUID id = appointments.insert(personId, actor.organisationId(), withUserId, start, end, place, purpose, context,
                channel, address, actor.userId());
        Instant now = clock.instant();
        if (channel != ReminderChannel.INGEN && Duration.between(now, start).compareTo(TOO_CLOSE) > 0) {
            Instant due = start.minus(REMIND_BEFORE);
            reminders.insert(id, "UNG", channel, due.isBefore(now) ? now : due);
        }
        // the staff member's e-mail the day before: the address is read when it is sent (it may be entered later)
        if (Duration.between(now, start).compareTo(TOO_CLOSE) > 0) {
            Instant due = start.minus(REMIND_BEFORE);
            reminders.insert(id, "PERSONAL", ReminderChannel.EPOST, due.isBefore(now) ? now : due);
        }
        audit.record(actor, personId, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION, "bokad tid " + id);
        return appointments.byId(id).orElseThrow();
    }

    /** The organisation's times with the young person, latest first. */
    @Transactional
    public List<Appointment> forPerson(Actor actor, UUID personId) {
        readable(actor, personId);
        return appointments.forPerson(actor.organisationId(), personId);
    }

    /**
     * The "Bokade tider" section of the plan page ({@code PLAN}) or the KAA person page ({@code KAA}): the
     * organisation's times with the young person and what the booking form needs. Empty when the actor may not read
     * the person (the page around it decides what else they see). The person's read is audited by the registry.
     */
    @Transactional
    public java.util.Optional<AppointmentSection> section(Actor actor, UUID personId, AppointmentContext context) {
        if (!actor.readsPersonalData()) {
            return java.util.Optional.empty();
        }
        var read = registry.readIfAllowed(actor, personId);
        if (read.isEmpty()) {
            return java.util.Optional.empty();
        }
        YoungPerson person = read.get().person();
        LocalDateTime now = LocalDateTime.now(clock);
        List<Appointment> all = appointments.forPerson(actor.organisationId(), personId);
        List<Appointment> upcoming = all.stream()
                .filter(a -> a.attendance() == null && a.startsAt().isAfter(now))
                .sorted(java.util.Comparator.comparing(Appointment::startsAt)).toList();
        List<Appointment> past = all.stream().filter(a -> !upcoming.contains(a)).toList();
        List<AppointmentSection.Staff> staff = users.colleaguesOf(actor.userId(), List.of(actor.userId())).stream()
                .map(u -> new AppointmentSection.Staff(u.id(), u.displayName())).toList();
        boolean open = !person.protectedIdentity();
        return java.util.Optional.of(new AppointmentSection(personId, context, person.protectedIdentity(),
                open && blankToNull(person.phone()) != null, open && blankToNull(person.email()) != null, upcoming,
                past, staff, actor.userId(), now));
    }

    /**
     * The actor's own times this week (Monday to Sunday) and the earlier ones of the last 30 days whose attendance is
     * still to be recorded, with the young person's name where the actor may read it (each read audited).
     */
    @Transactional
    public MyWeek week(Actor actor) {
        requireRole(actor);
        LocalDate today = LocalDate.now(clock);
        LocalDate monday = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        LocalDateTime now = LocalDateTime.now(clock);
        List<Appointment> week = appointments.withStaff(actor.organisationId(), actor.userId(), instant(monday.atStartOfDay()),
                instant(monday.plusDays(7).atStartOfDay()));
        List<Appointment> earlier = appointments.withStaff(actor.organisationId(), actor.userId(),
                instant(monday.minusDays(30).atStartOfDay()), instant(monday.atStartOfDay())).stream()
                .filter(a -> a.attendance() == null).toList();
        var names = registry.readAllIfAllowed(actor, java.util.stream.Stream.concat(week.stream(), earlier.stream())
                .map(Appointment::personId).distinct().toList());
        java.util.function.Function<Appointment, MyWeek.Row> row = a -> new MyWeek.Row(a,
                names.containsKey(a.personId()) ? names.get(a.personId()).person().displayName() : null,
                pageOf(a.personId(), a.context()));
        List<MyWeek.Row> toRecord = java.util.stream.Stream.concat(earlier.stream(),
                week.stream().filter(a -> a.attendance() == null && !a.startsAt().isAfter(now))).map(row).toList();
        return new MyWeek(monday, today, now, week.stream().map(row).toList(), toRecord);
    }

    /** The page a time belongs to: the plan, the KAA person page or the person's page, at its "Bokade tider". */
    public static String pageOf(UUID personId, AppointmentContext context) {
        return switch (context) {
            case PLAN -> "/persons/" + personId + "/plan#bokade-tider";
            case KAA -> "/kaa/persons/" + personId + "#bokade-tider";
            case ANNAT -> "/persons/" + personId;
        };
    }

    /** The actor's own times from {@code from} (today if null) for {@code days} days, in order. */
    @Transactional
    public List<Appointment> mine(Actor actor, LocalDate from, int days) {
        requireRole(actor);
        from = from == null ? LocalDate.now(clock) : from;
        Instant start = from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = from.plusDays(days).atStartOfDay(clock.getZone()).toInstant();
        List<Appointment> mine = appointments.withStaff(actor.organisationId(), actor.userId(), start, end);
        audit.recordEachIfAny(actor, mine.stream().map(Appointment::personId).distinct().toList(), AuditAction.READ,
                AccessBasis.OWN_ORGANISATION, "bokade tider");
        return mine;
    }

    @Transactional
    public Appointment appointment(Actor actor, UUID id) {
        Appointment a = own(actor, id);
        audit.record(actor, a.personId(), AuditAction.READ, AccessBasis.OWN_ORGANISATION, "bokad tid " + id);
        return a;
    }

    /**
     * Came, did not come, or cancelled. A stale version is refused with the time as it is saved now. Reminders not
     * yet sent are dropped: the time has happened or will not.
     */
    @Transactional
    public Appointment recordAttendance(Actor actor, UUID id, AttendanceInput in) {
        Appointment a = own(actor, id);
        var v = new Validation();
        Attendance attendance = v.enumValue("attendance", in.attendance(), Attendance.class, true);
        String note = blankToNull(in.note());
        v.maxLength("note", note, 500);
        if (attendance != null && attendance != Attendance.INSTALLD
                && a.startsAt().isAfter(LocalDateTime.now(clock))) {
            v.reject("attendance", "appointment.attendanceBeforeStart");
        }
        v.throwIfInvalid();
        int version = se.lots.shared.Versions.required(in.version(), null);
        if (!appointments.setAttendance(id, attendance, note, actor.userId(), clock.instant(), version)) {
            throw new ConflictException("appointment.staleVersion", id, appointments.byId(id).orElseThrow());
        }
        reminders.dropPending(id, "närvaro registrerad: " + attendance, clock.instant());
        audit.record(actor, a.personId(), AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "närvaro " + attendance + " bokad tid " + id);
        return appointments.byId(id).orElseThrow();
    }

    /** What became of the time's reminders ("UNG SMS SKICKAD"), for the booking organisation. */
    @Transactional(readOnly = true)
    public List<String> reminderStates(Actor actor, UUID id) {
        own(actor, id);
        return reminders.states(id);
    }

    /**
     * The time as a calendar file: "Bokad tid" at the place, with no name of the young person or of a unit (the file
     * ends up in mail servers and clouds). Audited as an export.
     */
    @Transactional
    public byte[] calendarFile(Actor actor, UUID id) {
        Appointment a = own(actor, id);
        audit.record(actor, a.personId(), AuditAction.EXPORT, AccessBasis.OWN_ORGANISATION, "kalenderfil bokad tid " + id);
        String summary = messages.getMessage("appointment.calendar.summary", null,
                java.util.Locale.forLanguageTag("sv-SE"));
        return CalendarFile.of(List.of(new CalendarFile.Event("appointment-" + id + "@lots", instant(a.startsAt()),
                instant(a.endsAt()), summary, a.place())), clock.instant());
    }

    private Instant instant(LocalDateTime local) {
        return local.atZone(clock.getZone()).toInstant();
    }

    private LocalDateTime startsAt(Validation v, AppointmentInput in) {
        LocalDate date = v.date("date", in.date(), true, null);
        LocalTime time = null;
        if (in.time() == null || in.time().isBlank()) {
            v.reject("time", "validation.required");
        } else {
            try {
                time = LocalTime.parse(in.time().strip());
            } catch (DateTimeParseException e) {
                v.reject("time", "appointment.time");
            }
        }
        if (date == null || time == null) {
            return null;
        }
        LocalDateTime at = date.atTime(time);
        if (!at.isAfter(LocalDateTime.now(clock))) {
            v.reject("date", "appointment.inThePast");
        }
        return at;
    }

    /**
     * The number or address the reminder goes to. Given, it must fit the channel; not given, the register's is used
     * — except for a protected identity, whose reminder goes only to what they gave for it.
     */
    private static String reminderAddress(Validation v, ReminderChannel channel, String given, YoungPerson person) {
        if (channel == null || channel == ReminderChannel.INGEN) {
            return null;
        }
        String address = given;
        if (address == null && !person.protectedIdentity()) {
            address = blankToNull(channel == ReminderChannel.SMS ? person.phone() : person.email());
        }
        if (address == null) {
            v.reject("reminderAddress", person.protectedIdentity() ? "appointment.addressProtected"
                    : channel == ReminderChannel.SMS ? "appointment.phoneMissing" : "appointment.emailMissing");
        } else if (channel == ReminderChannel.SMS && !ContactDetails.isPhoneNumber(address)) {
            v.reject("reminderAddress", "validation.phone");
        } else if (channel == ReminderChannel.EPOST && !ContactDetails.isEmailAddress(address)) {
            v.reject("reminderAddress", "validation.email");
        }
        return address;
    }

    private PersonRead readable(Actor actor, UUID personId) {
        requireRole(actor);
        return registry.readIfAllowed(actor, personId)
                .orElseThrow(() -> new AccessDeniedException("no access to person"));
    }

    /** A time of the actor's organisation; any other is not found (its existence is not told). */
    private Appointment own(Actor actor, UUID id) {
        requireRole(actor);
        return appointments.byId(id).filter(a -> a.organisationId().equals(actor.organisationId()))
                .orElseThrow(() -> new NotFoundException("appointment"));
    }

    private static void requireRole(Actor actor) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role does not read personal data");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
