package se.lots.intervention.coverage;

import se.lots.organisation.PartyType;
import se.lots.reference.MunicipalityCode;
import se.lots.shared.Validation;

/**
 * What the coverage map and its views look at: one municipality served (null: all), one party type of the
 * provider (null: all), one provider (null: all).
 */
public record CoverageFilter(MunicipalityCode municipalityCode, PartyType partyType, Long providerId) {

    public static CoverageFilter all() {
        return new CoverageFilter(null, null, null);
    }

    /** "?area=1214&party=KOMMUN", or "" when nothing is chosen: the filter carried over to another view. */
    public String query() {
        var parts = new java.util.ArrayList<String>();
        if (municipalityCode != null) {
            parts.add("area=" + municipalityCode);
        }
        if (partyType != null) {
            parts.add("party=" + partyType.name());
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** As {@link #parse}, for the API: a municipality code or a party type that cannot be read is refused. */
    public static CoverageFilter parseStrictly(String area, String party) {
        var v = new Validation();
        if (area != null && !area.isBlank() && !area.strip().matches("[0-9]{4}")) {
            v.reject("area", "validation.invalidValue");
        }
        v.enumValue("party", party, PartyType.class, false);
        v.throwIfInvalid();
        return parse(area, party == null ? null : party.strip().toUpperCase(java.util.Locale.ROOT), null);
    }

    /** From request parameters; values that cannot be read are left out, as in the search. */
    public static CoverageFilter parse(String area, String party, String provider) {
        PartyType p = null;
        if (party != null && !party.isBlank()) {
            try {
                p = PartyType.valueOf(party.strip());
            } catch (IllegalArgumentException e) {
                // an unknown option in a hand-written URL: ignored
            }
        }
        Long id = provider != null && provider.strip().matches("[0-9]{1,18}") ? Long.valueOf(provider.strip()) : null;
        MunicipalityCode code = area != null && area.strip().matches("[0-9]{4}") ? new MunicipalityCode(area.strip())
                : null;
        return new CoverageFilter(code, p, id);
    }
}
