package se.lots.kaa.register;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import se.lots.shared.TabularFile;

/** Where a young person stands in upper secondary school, as the school's list says it. */
public enum SchoolSituation {
    /** Completed compulsory school, never started gymnasieskolan. */
    NOT_STARTED,
    ATTENDS_NATIONAL_PROGRAMME,
    ATTENDS_INTRODUCTION_PROGRAMME,
    LEFT_NATIONAL_PROGRAMME,
    LEFT_INTRODUCTION_PROGRAMME,
    /** Left with a studiebevis: not a completion. */
    LEFT_WITH_CERTIFICATE,
    /** Examensbevis from a national programme (or equivalent): completed. */
    COMPLETED_WITH_DIPLOMA;

    private static final Map<String, SchoolSituation> WORDS = Map.ofEntries(
            Map.entry("aldrigpaborjat", NOT_STARTED), Map.entry("ejpaborjat", NOT_STARTED),
            Map.entry("avbrutitnationelltprogram", LEFT_NATIONAL_PROGRAMME),
            Map.entry("avbrutitnp", LEFT_NATIONAL_PROGRAMME), Map.entry("avbrottnationelltprogram",
                    LEFT_NATIONAL_PROGRAMME),
            Map.entry("avbrutitintroduktionsprogram", LEFT_INTRODUCTION_PROGRAMME),
            Map.entry("avbrutitim", LEFT_INTRODUCTION_PROGRAMME),
            Map.entry("studiebevis", LEFT_WITH_CERTIFICATE), Map.entry("slutatmedstudiebevis", LEFT_WITH_CERTIFICATE),
            Map.entry("garnationelltprogram", ATTENDS_NATIONAL_PROGRAMME),
            Map.entry("nationelltprogram", ATTENDS_NATIONAL_PROGRAMME),
            Map.entry("garintroduktionsprogram", ATTENDS_INTRODUCTION_PROGRAMME),
            Map.entry("introduktionsprogram", ATTENDS_INTRODUCTION_PROGRAMME),
            Map.entry("examen", COMPLETED_WITH_DIPLOMA), Map.entry("examensbevis", COMPLETED_WITH_DIPLOMA));

    /** The words and the names themselves, normalised once: the list has a situation on every row. */
    private static final Map<String, SchoolSituation> BY_WORD = new HashMap<>(WORDS);

    static {
        for (SchoolSituation s : values()) {
            BY_WORD.put(TabularFile.normalisedHeader(s.name()), s);
        }
    }

    /** The words a school writes in the list's situation column ("avbrutit nationellt program", "studiebevis" …). */
    public static Optional<SchoolSituation> parse(String text) {
        return Optional.ofNullable(BY_WORD.get(TabularFile.normalisedHeader(text == null ? "" : text)));
    }
}
