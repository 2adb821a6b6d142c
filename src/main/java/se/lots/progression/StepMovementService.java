package se.lots.progression;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.security.Actor;
import se.lots.shared.Validation;

/** Stegförflyttningar: recorded by hand, or derived from the START and SLUT occupations (see {@link StepMovements}). */
@Service
public class StepMovementService {

    private final ProgressionAccess access;
    private final RegistrationService registrations;
    private final StepMovements movements;
    private final AuditLog audit;
    private final Clock clock;

    StepMovementService(ProgressionAccess access, RegistrationService registrations, StepMovements movements,
            AuditLog audit, Clock clock) {
        this.access = access;
        this.registrations = registrations;
        this.movements = movements;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<LadderStep> ladder() {
        return movements.ladder();
    }

    @Transactional
    public List<StepMovement> movements(Actor actor, UUID enrolmentId) {
        ProgressionAccess.Decision d = access.forEnrolment(actor, enrolmentId);
        return list(actor, d);
    }

    @Transactional
    public List<StepMovement> movementsOfParticipant(Actor actor, UUID participantId) {
        return list(actor, access.forParticipant(actor, participantId));
    }

    @Transactional
    public void record(Actor actor, UUID enrolmentId, String movedOn, String from, String to, String note) {
        record(actor, access.forEnrolment(actor, enrolmentId), movedOn, from, to, note);
    }

    @Transactional
    public void recordForParticipant(Actor actor, UUID participantId, String movedOn, String from, String to,
            String note) {
        record(actor, access.forParticipant(actor, participantId), movedOn, from, to, note);
    }

    private List<StepMovement> list(Actor actor, ProgressionAccess.Decision d) {
        audit.record(actor, d.personId(), AuditAction.READ, d.basis(), "stegförflyttningar");
        return d.participant() == null ? List.of() : movements.ofParticipant(d.participant().id());
    }

    private void record(Actor actor, ProgressionAccess.Decision d, String movedOn, String fromText, String toText,
            String note) {
        ProgressionAccess.requireWrite(d);
        var v = new Validation().maxLength("note", note, 2000);
        LocalDate on = v.date("movedOn", movedOn, true, LocalDate.now(clock));
        Integer from = position(v, "fromPosition", fromText);
        Integer to = position(v, "toPosition", toText);
        if (from != null && from.equals(to)) {
            v.reject("toPosition", "progression.sameStep");
        }
        v.throwIfInvalid();
        Participant p = registrations.participantOf(actor, d);
        movements.insert(p.id(), on, from, to, note == null || note.isBlank() ? null : note.strip(), actor.userId());
        audit.record(actor, d.personId(), AuditAction.CREATE, d.basis(), "stegförflyttning " + from + " → " + to);
    }

    private Integer position(Validation v, String field, String text) {
        try {
            int position = Integer.parseInt(text == null ? "" : text.strip());
            if (movements.positionExists(position)) {
                return position;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        v.reject(field, "progression.ladderPosition");
        return null;
    }
}
