package se.lots.organisation;

/**
 * Verksamhetsgren: a line of work inside an authority. Secrecy applies between lines that are independent of each
 * other (offentlighets- och sekretesslagen 8 kap. 2 §), so a young person's record held by one line is not open to
 * another of the same organisation without the young person's consent or a recorded lawful basis.
 */
public enum LineOfWork {
    /** the education committee's work, the activity responsibility (skollagen 29 kap. 9 §) with it */
    UTBILDNING_KAA,
    SOCIALTJANST,
    ARBETSMARKNAD,
    HALSO_OCH_SJUKVARD,
    ANNAN;

    /** The code, or null for null or blank; an unknown code is an {@link IllegalArgumentException}. */
    public static LineOfWork parse(String code) {
        return code == null || code.isBlank() ? null : valueOf(code.strip());
    }
}
