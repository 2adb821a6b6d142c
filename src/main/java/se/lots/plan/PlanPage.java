package se.lots.plan;

import java.util.List;

/** Everything the plan page shows, already cut to what the viewer may see. */
public record PlanPage(PlanAccess.View view, Plan plan, List<PlanTrack> tracks, List<SupportPerson> supportPersons,
        List<PlanReview> reviews, List<Enrolment> enrolments, List<JourneyEvent> timeline) {

    public boolean exists() {
        return plan != null;
    }

    public List<PlanStep> steps() {
        return tracks.stream().flatMap(t -> t.steps().stream()).toList();
    }
}
