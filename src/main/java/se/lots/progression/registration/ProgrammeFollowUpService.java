package se.lots.progression.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanService;
import se.lots.plan.Programme;
import se.lots.progression.instrument.AssessmentSeries;
import se.lots.progression.instrument.AssessmentService;
import se.lots.registry.PersonRead;
import se.lots.registry.RegistryService;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;

/** The participants page of a programme, for the programme's own organisation: who is moving, who is stuck. */
@Service
public class ProgrammeFollowUpService {

    private final EnrolmentService enrolments;
    private final Participations participations;
    private final AssessmentService assessments;
    private final RegistryService registry;
    private final PlanService plans;
    private final AuditLog audit;
    private final Clock clock;

    ProgrammeFollowUpService(EnrolmentService enrolments, Participations participations,
            AssessmentService assessments, RegistryService registry, PlanService plans, AuditLog audit, Clock clock) {
        this.enrolments = enrolments;
        this.plans = plans;
        this.participations = participations;
        this.assessments = assessments;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** The programmes whose participants the actor follows up: those of their own organisation. */
    @Transactional(readOnly = true)
    public List<Programme> programmes(Actor actor) {
        return enrolments.allProgrammes().stream().filter(p -> p.organisationId().equals(actor.organisationId()))
                .toList();
    }

    private Programme followedUp(Actor actor, long programmeId) {
        Programme programme = enrolments.programme(programmeId).orElseThrow(() -> new NotFoundException("programme"));
        if (!actor.readsPersonalData() || !programme.organisationId().equals(actor.organisationId())) {
            throw new AccessDeniedException("participants are followed up by the programme's organisation");
        }
        return programme;
    }

    /**
     * A group activity of the programme, recorded once for the participants who took part (by enrolment), each of
     * whom must have been enrolled in it on the day; on each one's journey, all or none. Returns how many.
     */
    @Transactional
    public int recordGroupActivity(Actor actor, long programmeId, String occurredOn, String note,
            List<String> enrolmentIds) {
        followedUp(actor, programmeId);
        LocalDate on = new Validation().date("groupOn", occurredOn, false, null);
        Map<String, Enrolment> enrolled = new HashMap<>();
        for (Enrolment e : enrolments.ofProgramme(programmeId)) {
            enrolled.put(e.id().toString(), e);
        }
        var persons = new ArrayList<UUID>();
        for (String id : enrolmentIds) {
            Enrolment e = enrolled.get(id);
            if (e == null || (on != null && !enrolledOn(e, on))) {
                throw new InvalidInputException("groupParticipants", "plan.groupActivity.notEnrolled");
            }
            persons.add(e.personId());
        }
        return plans.recordGroupActivity(actor, persons, occurredOn, note);
    }

    private static boolean enrolledOn(Enrolment e, LocalDate day) {
        return !e.startedOn().isAfter(day) && (e.endedOn() == null || !e.endedOn().isBefore(day));
    }

    @Transactional
    public ProgrammeFollowUp page(Actor actor, long programmeId) {
        Programme programme = followedUp(actor, programmeId);
        LocalDate today = LocalDate.now(clock);
        Map<UUID, List<AssessmentSeries>> series = assessments.ofProgramme(programmeId, today);
        List<Enrolment> enrolled = enrolments.ofProgramme(programmeId);
        List<UUID> enrolmentIds = enrolled.stream().map(Enrolment::id).toList();
        var byEnrolment = new HashMap<UUID, Participations.FollowUpRow>();
        var anonymousMarkers = new HashSet<UUID>();
        var anonymous = new ArrayList<Participations.FollowUpRow>();
        for (Participations.FollowUpRow f : participations.followUpOf(programmeId, enrolmentIds)) {
            if (f.anonymousMarker()) {
                anonymousMarkers.add(f.enrolmentId());
            } else if (f.enrolmentId() == null) {
                anonymous.add(f);
            } else {
                byEnrolment.put(f.enrolmentId(), f);
            }
        }
        // the names in one read; the registry audits each name it shows, with its basis
        Map<UUID, PersonRead> names = registry.readAllIfAllowed(actor,
                enrolled.stream().map(Enrolment::personId).toList());
        var rows = new ArrayList<ProgrammeFollowUp.Row>();
        for (Enrolment e : enrolled) {
            PersonRead read = names.get(e.personId());
            Participations.FollowUpRow p = byEnrolment.get(e.id());
            rows.add(new ProgrammeFollowUp.Row(e.id(), p == null ? null : p.participationId(),
                    read == null ? null : read.person().displayName(), e.startedOn(), e.endedOn(), false,
                    anonymousMarkers.contains(e.id()), p != null && p.hasStart(), p != null && p.hasEnd(),
                    p == null ? List.of() : series.getOrDefault(p.participationId(), List.of())));
        }
        for (Participations.FollowUpRow p : anonymous) {
            rows.add(new ProgrammeFollowUp.Row(null, p.participationId(), null, p.startedOn(), p.endedOn(), true, false,
                    p.hasStart(), p.hasEnd(), series.getOrDefault(p.participationId(), List.of())));
        }
        audit.record(actor, null, AuditAction.READ, AccessBasis.OWN_ORGANISATION, "deltagare program " + programmeId);
        return new ProgrammeFollowUp(programme, rows);
    }
}
