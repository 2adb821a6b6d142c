package se.lots.progression.ladder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.security.access.AccessDeniedException;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.organisation.Role;
import se.lots.progression.registration.Participation;
import se.lots.progression.registration.ProgressionAccess;
import se.lots.progression.registration.RegistrationService;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
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
    public List<StepMovement> movementsOfParticipation(Actor actor, UUID participationId) {
        return list(actor, access.forParticipation(actor, participationId));
    }

    @Transactional
    public void record(Actor actor, UUID enrolmentId, String movedOn, String from, String to, String note) {
        record(actor, access.forEnrolment(actor, enrolmentId), movedOn, from, to, note);
    }

    @Transactional
    public void recordForParticipation(Actor actor, UUID participationId, String movedOn, String from, String to,
            String note) {
        record(actor, access.forParticipation(actor, participationId), movedOn, from, to, note);
    }

    private List<StepMovement> list(Actor actor, ProgressionAccess.Decision d) {
        audit.record(actor, d.personId(), AuditAction.READ, d.basis(), "stegförflyttningar");
        return d.participation() == null ? List.of() : movements.ofParticipation(d.participation().id());
    }

    private void record(Actor actor, ProgressionAccess.Decision d, String movedOn, String fromText, String toText,
            String note) {
        ProgressionAccess.requireWrite(d);
        var v = new Validation().maxLength("note", note, 2000);
        LocalDate on = v.date("movedOn", movedOn, true, LocalDate.now(clock));
        Long from = step(v, "fromStep", fromText);
        Long to = step(v, "toStep", toText);
        if (from != null && from.equals(to)) {
            v.reject("toStep", "progression.sameStep");
        }
        v.throwIfInvalid();
        Participation p = registrations.participationOf(actor, d);
        movements.insert(p.id(), on, from, to, note == null || note.isBlank() ? null : note.strip(), actor.userId());
        audit.record(actor, d.personId(), AuditAction.CREATE, d.basis(), "stegförflyttning " + from + " → " + to);
    }

    private Long step(Validation v, String field, String text) {
        try {
            long id = Long.parseLong(text == null ? "" : text.strip());
            if (movements.offered(id)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        v.reject(field, "progression.ladderPosition");
        return null;
    }

    // --- the ladder itself: one for every organisation, so kept by the administrator alone ---

    /** Whether the actor may change the ladder: every organisation's movements are read against it. */
    public static boolean keeps(Actor actor) {
        return actor.role() == Role.ADMIN;
    }

    private static void requireKeeper(Actor actor) {
        if (!keeps(actor)) {
            throw new AccessDeniedException("the ladder is shared by every organisation and kept by the administrator");
        }
    }

    private LadderStep existing(long id) {
        return movements.ladder().stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("ladder step"));
    }

    private static Validation validStep(String label, String description) {
        return new Validation().require("label", label).maxLength("label", label, 200)
                .maxLength("description", description, 2000);
    }

    /** A new step at the top of the ladder (the end nearest work or study); move it to its place afterwards. */
    @Transactional
    public long addStep(Actor actor, String label, String description) {
        requireKeeper(actor);
        validStep(label, description).throwIfInvalid();
        long id = movements.addStep(label.strip(), blankToNull(description));
        audit.record(actor, null, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION, "stegtrappa steg " + id);
        return id;
    }

    @Transactional
    public void updateStep(Actor actor, long id, String label, String description) {
        requireKeeper(actor);
        existing(id);
        validStep(label, description).throwIfInvalid();
        movements.updateStep(id, label.strip(), blankToNull(description));
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION, "stegtrappa steg " + id);
    }

    /** One place up ({@code -1}, further from work) or down ({@code +1}); movements keep their steps. */
    @Transactional
    public void moveStep(Actor actor, long id, int direction) {
        requireKeeper(actor);
        existing(id);
        if (movements.move(id, direction < 0 ? -1 : 1)) {
            audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                    "stegtrappa steg " + id + (direction < 0 ? " flyttat ett steg ned" : " flyttat ett steg upp"));
        }
    }

    /** A retired step is offered no more for new movements; those recorded on it keep it. */
    @Transactional
    public void retireStep(Actor actor, long id, boolean retired) {
        requireKeeper(actor);
        existing(id);
        movements.setRetired(id, retired);
        audit.record(actor, null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "stegtrappa steg " + id + (retired ? " pensionerat" : " återtaget"));
    }

    /** Only a step nothing points at can be removed, so no history is lost; otherwise retire it. */
    @Transactional
    public void removeStep(Actor actor, long id) {
        requireKeeper(actor);
        LadderStep step = existing(id);
        if (step.inUse()) {
            throw new InvalidInputException("ladder", "progression.ladder.inUse", step.label());
        }
        movements.delete(id);
        audit.record(actor, null, AuditAction.DELETE, AccessBasis.OWN_ORGANISATION, "stegtrappa steg " + id);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
