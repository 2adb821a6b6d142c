package se.lots.plan;

import java.util.List;

import se.lots.plan.plans.PlanStep;
import se.lots.plan.plans.TrackKind;

/** A track with the steps the viewer may see, in the order of their start (undated last). */
public record PlanTrack(long id, TrackKind kind, String name, int position, List<PlanStep> steps) {
}
