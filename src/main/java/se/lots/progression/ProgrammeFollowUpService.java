package se.lots.progression;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentService;
import se.lots.plan.Programme;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.shared.NotFoundException;

/** The participants page of a programme, for the programme's own organisation: who is moving, who is stuck. */
@Service
public class ProgrammeFollowUpService {

    private final EnrolmentService enrolments;
    private final Participants participants;
    private final Registrations registrations;
    private final AssessmentService assessments;
    private final RegistryService registry;
    private final AuditLog audit;
    private final Clock clock;

    ProgrammeFollowUpService(EnrolmentService enrolments, Participants participants, Registrations registrations,
            AssessmentService assessments, RegistryService registry, AuditLog audit, Clock clock) {
        this.enrolments = enrolments;
        this.participants = participants;
        this.registrations = registrations;
        this.assessments = assessments;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** The programmes whose participants the actor follows up: those of their own organisation. */
    @Transactional(readOnly = true)
    public List<Programme> programmes(Actor actor) {
        return enrolments.allProgrammes().stream().filter(p -> p.organisationId() == actor.organisationId()).toList();
    }

    @Transactional
    public ProgrammeFollowUp page(Actor actor, long programmeId) {
        Programme programme = enrolments.programme(programmeId).orElseThrow(() -> new NotFoundException("programme"));
        if (!actor.readsPersonalData() || programme.organisationId() != actor.organisationId()) {
            throw new AccessDeniedException("participants are followed up by the programme's organisation");
        }
        LocalDate today = LocalDate.now(clock);
        Map<java.util.UUID, List<AssessmentSeries>> series = assessments.ofProgramme(programmeId, today);
        var rows = new ArrayList<ProgrammeFollowUp.Row>();
        for (Enrolment e : enrolments.ofProgramme(programmeId)) {
            // each name shown is a read of that person, audited by the registry with its basis
            String name = registry.readIfAllowed(actor, e.personId()).map(r -> r.person().displayName()).orElse(null);
            Participant p = participants.ofEnrolment(e.id()).orElse(null);
            rows.add(new ProgrammeFollowUp.Row(e.id(), p == null ? null : p.id(), name, e.startedOn(), e.endedOn(),
                    false, participants.registeredAnonymously(e.id()),
                    p != null && registrations.find(p.id(), RegistrationKind.START).isPresent(),
                    p != null && registrations.find(p.id(), RegistrationKind.SLUT).isPresent(),
                    p == null ? List.of() : series.getOrDefault(p.id(), List.of())));
        }
        for (Participant p : participants.anonymousOfProgramme(programmeId)) {
            rows.add(new ProgrammeFollowUp.Row(null, p.id(), null, p.startedOn(), p.endedOn(), true, false,
                    registrations.find(p.id(), RegistrationKind.START).isPresent(),
                    registrations.find(p.id(), RegistrationKind.SLUT).isPresent(),
                    series.getOrDefault(p.id(), List.of())));
        }
        audit.record(actor, null, AuditAction.READ, AccessBasis.OWN_ORGANISATION, "deltagare program " + programmeId);
        return new ProgrammeFollowUp(programme, rows);
    }
}
