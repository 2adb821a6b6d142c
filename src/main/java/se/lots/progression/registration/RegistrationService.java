package se.lots.progression.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.progression.ladder.StepMovements;
import se.lots.registry.PersonRead;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * Registration at start and end (SUS-compatible). The START point is measured within a week of enrolment, the SLUT
 * point within a week of discharge and only once the enrolment has ended. An enrolment registered anonymously hands
 * its follow-up to a participant row without any person link.
 */
@Service
public class RegistrationService {

    private final ProgressionAccess access;
    private final Participations participations;
    private final Registrations registrations;
    private final StepMovements movements;
    private final RegistryService registry;
    private final AuditLog audit;
    private final Clock clock;

    RegistrationService(ProgressionAccess access, Participations participations, Registrations registrations,
            StepMovements movements, RegistryService registry, AuditLog audit, Clock clock) {
        this.access = access;
        this.participations = participations;
        this.registrations = registrations;
        this.movements = movements;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RegistrationPage page(Actor actor, UUID enrolmentId) {
        ProgressionAccess.Decision d = access.forEnrolment(actor, enrolmentId);
        audit.record(actor, d.personId(), AuditAction.READ, d.basis(), "uppföljning inskrivning " + enrolmentId);
        String name = registry.readIfAllowed(actor, d.personId()).map(r -> r.person().displayName()).orElse(null);
        return page(d, name, participations.registeredAnonymously(enrolmentId));
    }

    @Transactional
    public RegistrationPage anonymousPage(Actor actor, UUID participationId) {
        ProgressionAccess.Decision d = access.forParticipation(actor, participationId);
        if (d.enrolment() != null) {
            return page(actor, d.enrolment().id());
        }
        audit.record(actor, null, AuditAction.READ, d.basis(), "uppföljning anonym deltagare " + participationId);
        return page(d, null, false);
    }

    /** Saves the START or SLUT registration of an enrolment; a new one, or a change to the version shown. */
    @Transactional
    public Registration save(Actor actor, UUID enrolmentId, RegistrationKind kind, RegistrationInput input) {
        ProgressionAccess.Decision d = access.forEnrolment(actor, enrolmentId);
        ProgressionAccess.requireWrite(d);
        if (participations.registeredAnonymously(enrolmentId)) {
            throw new InvalidInputException("kind", "progression.registeredAnonymously");
        }
        return save(actor, d, kind, input);
    }

    @Transactional
    public Registration saveForParticipation(Actor actor, UUID participationId, RegistrationKind kind,
            RegistrationInput input) {
        ProgressionAccess.Decision d = access.forParticipation(actor, participationId);
        ProgressionAccess.requireWrite(d);
        return save(actor, d, kind, input);
    }

    /**
     * Registers the enrolment as an anonymous participant: gender, birth year and municipality are copied to a
     * participant row that does not point back at the enrolment or the person.
     */
    @Transactional
    public Participation registerAnonymously(Actor actor, UUID enrolmentId, String reason) {
        ProgressionAccess.Decision d = access.forEnrolment(actor, enrolmentId);
        ProgressionAccess.requireWrite(d);
        var v = new Validation();
        AnonymousReason why = v.enumValue("anonymousReason", reason, AnonymousReason.class, true);
        if (d.participation() != null || participations.registeredAnonymously(enrolmentId)) {
            v.reject("anonymousReason", "progression.alreadyRegistered");
        }
        v.throwIfInvalid();
        YoungPerson person = person(actor, d);
        UUID id = participations.insert(d.enrolment().programmeId(), d.enrolment().organisationId(), null, why,
                person.gender().name(), person.birthYear(), person.municipalityCode(), d.enrolment().startedOn(),
                null, actor.userId());
        participations.markAnonymous(enrolmentId);
        audit.record(actor, d.personId(), AuditAction.UPDATE, d.basis(), "uppföljning registreras anonymt");
        return participations.byId(id).orElseThrow();
    }

    /** The enrolment's participant row, made on the first thing recorded. */
    public Participation participationOf(Actor actor, ProgressionAccess.Decision d) {
        if (d.participation() != null) {
            return d.participation();
        }
        if (participations.registeredAnonymously(d.enrolment().id())) {
            throw new InvalidInputException("kind", "progression.registeredAnonymously");
        }
        YoungPerson person = person(actor, d);
        UUID id = participations.insert(d.enrolment().programmeId(), d.enrolment().organisationId(),
                d.enrolment().id(), null, person.gender().name(), person.birthYear(), person.municipalityCode(),
                d.enrolment().startedOn(), d.enrolment().endedOn(), actor.userId());
        return participations.byId(id).orElseThrow();
    }

    private Registration save(Actor actor, ProgressionAccess.Decision d, RegistrationKind kind,
            RegistrationInput in) {
        Participation p = d.participation();
        var v = new Validation();
        LocalDate measured = v.date("measuredOn", in.measuredOn(), true, today());
        Occupation occupation = v.enumValue("occupation", in.occupation(), Occupation.class, true);
        EducationLevel education = v.enumValue("educationLevel", in.educationLevel(), EducationLevel.class, true);
        v.require("registeredAtAf", in.registeredAtAf());
        Integer extent = extent(v, occupation, in.workExtent());
        List<IncomeSource> incomes = new ArrayList<>();
        for (String s : in.incomeSources() == null ? List.<String>of() : in.incomeSources()) {
            IncomeSource source = v.enumValue("incomeSources", s, IncomeSource.class, false);
            if (source != null && !incomes.contains(source)) {
                incomes.add(source);
            }
        }
        if (incomes.isEmpty() && !v.hasErrors("incomeSources")) {
            v.reject("incomeSources", "progression.incomeRequired");
        }
        LocalDate started = d.enrolment() != null ? d.enrolment().startedOn() : p.startedOn();
        LocalDate ended = null;
        Registration start = p == null ? null : registrations.find(p.id(), RegistrationKind.START).orElse(null);
        if (kind == RegistrationKind.START) {
            if (measured != null && !SusRegistrationPolicy.withinWindow(measured, started)) {
                v.reject("measuredOn", "progression.startOutsideWeek", started,
                        SusRegistrationPolicy.earliest(started), SusRegistrationPolicy.latest(started));
            }
        } else {
            if (d.enrolment() != null) {
                ended = d.enrolment().endedOn();
                if (ended == null) {
                    v.reject("kind", "progression.slutBeforeDischarge");
                }
            } else {
                ended = v.date("endedOn", in.endedOn(), true, today());
                if (ended != null && ended.isBefore(started)) {
                    v.reject("endedOn", "enrolment.endBeforeStart");
                }
            }
            if (start == null) {
                v.reject("kind", "progression.slutWithoutStart");
            } else if (measured != null && measured.isBefore(start.measuredOn())) {
                v.reject("measuredOn", "progression.slutBeforeStart", start.measuredOn());
            }
            if (measured != null && ended != null && !SusRegistrationPolicy.withinWindow(measured, ended)) {
                v.reject("measuredOn", "progression.slutOutsideWeek", ended, SusRegistrationPolicy.earliest(ended),
                        SusRegistrationPolicy.latest(ended));
            }
        }
        v.throwIfInvalid();
        if (p == null) {
            p = participationOf(actor, d);
        }
        var existing = registrations.find(p.id(), kind);
        UUID id;
        if (existing.isPresent()) {
            id = existing.get().id();
            int version = Versions.required(in.version(), null);
            if (!registrations.update(id, version, measured, occupation, extent, education, in.registeredAtAf(),
                    incomes, actor.userId())) {
                throw new ConflictException("progression.registrationStale", id,
                        registrations.find(p.id(), kind).orElse(null));
            }
        } else {
            id = registrations.insert(p.id(), kind, measured, occupation, extent, education, in.registeredAtAf(),
                    incomes, actor.userId());
        }
        if (kind == RegistrationKind.SLUT) {
            participations.setEnded(p.id(), ended);
            Registration end = registrations.find(p.id(), RegistrationKind.SLUT).orElseThrow();
            movements.derive(p.id(), start, end, actor.userId());
        }
        audit.record(actor, d.personId(), existing.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, d.basis(),
                "registrering " + kind + (p.anonymous() ? " anonym deltagare " + p.id() : ""));
        return registrations.find(p.id(), kind).orElseThrow();
    }

    private static Integer extent(Validation v, Occupation occupation, String text) {
        boolean blank = text == null || text.isBlank();
        if (occupation != Occupation.ARBETAR) {
            if (!blank) {
                v.reject("workExtent", "progression.extentOnlyWhenWorking");
            }
            return null;
        }
        if (blank) {
            v.reject("workExtent", "progression.extentRequired");
            return null;
        }
        try {
            int extent = Integer.parseInt(text.strip());
            if (extent < 1 || extent > SusRegistrationPolicy.MAX_EXTENT) {
                v.reject("workExtent", "progression.extentRange");
                return null;
            }
            return extent;
        } catch (NumberFormatException e) {
            v.reject("workExtent", "progression.extentRange");
            return null;
        }
    }

    private RegistrationPage page(ProgressionAccess.Decision d, String name, boolean anonymously) {
        Participation p = d.participation();
        Registration start = p == null ? null : registrations.find(p.id(), RegistrationKind.START).orElse(null);
        Registration end = p == null ? null : registrations.find(p.id(), RegistrationKind.SLUT).orElse(null);
        return new RegistrationPage(d.enrolment(), p, name, anonymously, start, end, d.writes());
    }

    private YoungPerson person(Actor actor, ProgressionAccess.Decision d) {
        PersonRead read = registry.readIfAllowed(actor, d.personId())
                .orElseThrow(() -> new AccessDeniedException("the person's basic data are not shared"));
        return read.person();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
