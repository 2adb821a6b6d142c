package se.lots.plan.plans;

import java.util.Locale;

/**
 * The forms of the plan page that are shown closed and loaded when opened (template plan/forms.html). The names are
 * the fragments' names; a name from a request is looked up here, never put into a template name as it came.
 */
public enum PlanForm {
    STEP(true), TRACK(true), SUPPORT(true), REVIEW(true), ENROL(true), MEETING(true), MINUTES(false),
    REFERRAL(true), CONTACT(false);

    private final boolean needsSharedPlan;

    PlanForm(boolean needsSharedPlan) {
        this.needsSharedPlan = needsSharedPlan;
    }

    /** The fragment's name, also the panel's name; a meeting's minutes panel is "minutes-" and the meeting's id. */
    public String fragment() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Only the coordinating organisations' shared plan has these forms (the page shows them only then). */
    public boolean needsSharedPlan() {
        return needsSharedPlan;
    }

    /** The form a panel name (or a fragment name) stands for, or null if there is none. */
    public static PlanForm ofPanel(String name) {
        if (name == null) {
            return null;
        }
        String fragment = name.startsWith("minutes-") ? "minutes" : name;
        for (PlanForm f : values()) {
            if (f.fragment().equals(fragment)) {
                return f;
            }
        }
        return null;
    }
}
