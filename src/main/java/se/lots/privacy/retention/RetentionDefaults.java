package se.lots.privacy.retention;

import java.util.List;
import java.util.Optional;

import se.lots.privacy.RetentionEvent;
import se.lots.privacy.RetentionRule;

/**
 * Lots' default retention rule per register and kind of record, each with its source. None of the periods is
 * confirmed: where the law or the organisation's gallringsbeslut is not known to Lots, the basis says "att bekräfta"
 * and the administrator sets the organisation's own rule (docs/privacy.md, "Gallring").
 */
public final class RetentionDefaults {

    private static final String TO_CONFIRM = " Gallringstiden är att bekräfta mot organisationens gallringsbeslut "
            + "(arkivlagen (1990:782)).";

    /** In the order the page shows them (the extract's order of registers). */
    public static final List<RetentionRule> RULES = List.of(
            new RetentionRule("registry", "PERSON", 60, RetentionEvent.LAST_ACTIVITY,
                    "Grunden för den verksamhet som håller personen, för KAA skollagen 29 kap. 9 § och förordning "
                            + "(2006:39); personen tas bort först när inget annat register håller något om hen."
                            + TO_CONFIRM, false),
            new RetentionRule("kaa", "EPISODE", 60, RetentionEvent.EPISODE_CLOSED,
                    "Skollagen 29 kap. 9 § och förordning (2006:39) om register och dokumentation avseende "
                            + "kommunernas aktivitetsansvar." + TO_CONFIRM, false),
            new RetentionRule("plan", "PLAN", 60, RetentionEvent.PLAN_CLOSED,
                    "Varje organisations eget gallringsbeslut för sin del av planen; delning genom den unges "
                            + "samtycke (OSL 12 kap. 2 §)." + TO_CONFIRM, false),
            new RetentionRule("progression", "PARTICIPANT", 60, RetentionEvent.LAST_ACTIVITY,
                    "Lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser, med deltagarens samtycke."
                            + TO_CONFIRM, false),
            new RetentionRule("consent", "CONSENT", 60, RetentionEvent.LAST_ACTIVITY,
                    "GDPR art. 7.1 och 5.2 (att visa att samtycke lämnades, så länge uppgifter som det gällde finns "
                            + "kvar)." + TO_CONFIRM, false),
            new RetentionRule("appointment", "APPOINTMENT", 12, RetentionEvent.LAST_ACTIVITY,
                    "Grunden för det arbete tiden hör till (KAA, plan)." + TO_CONFIRM, false),
            new RetentionRule("audit", "ENTRY", 60, RetentionEvent.LAST_ACTIVITY,
                    "GDPR art. 5.2, 24 och 32 (loggning av åtkomst); loggens egen gallring sker bakom en signerad "
                            + "kontrollpunkt (ADR 0010)." + TO_CONFIRM, false),
            new RetentionRule("privacy", "EXTRACT_REQUEST", 24, RetentionEvent.LAST_ACTIVITY,
                    "GDPR art. 12 och 15 samt art. 5.2 (hur begäran hanterades)." + TO_CONFIRM, false));

    private RetentionDefaults() {
    }

    public static Optional<RetentionRule> of(String register, String recordKind) {
        return RULES.stream().filter(r -> r.register().equals(register) && r.recordKind().equals(recordKind))
                .findFirst();
    }
}
