package se.lots.plan;

import java.util.List;

import se.lots.plan.journey.JourneyEvent;
import se.lots.plan.meeting.Meeting;
import se.lots.plan.plans.Plan;
import se.lots.plan.plans.PlanReview;
import se.lots.plan.plans.PlanStep;
import se.lots.plan.plans.SupportPerson;
import se.lots.plan.referral.Referral;

/**
 * Everything the plan page shows, already cut to what the viewer may see: read in one transaction with one access
 * decision and one audit row.
 */
public record PlanPage(PlanAccess.View view, Plan plan, List<PlanTrack> tracks, List<SupportPerson> supportPersons,
        List<PlanReview> reviews, List<Enrolment> enrolments, List<JourneyEvent> timeline, List<Meeting> meetings,
        List<Referral> referrals) {

    public boolean exists() {
        return plan != null;
    }

    public List<PlanStep> steps() {
        return tracks.stream().flatMap(t -> t.steps().stream()).toList();
    }
}
