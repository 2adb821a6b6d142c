package se.lots.plan.plans;

import se.lots.shared.ConflictException;

/**
 * Someone else saved the plan or the step after this user opened it. Carries what is saved now, so that the page
 * can show what changed and let the user merge instead of overwriting.
 */
public class PlanConflict extends ConflictException {

    public PlanConflict(String messageKey, Object id, Object current) {
        super(messageKey, id, current);
    }
}
