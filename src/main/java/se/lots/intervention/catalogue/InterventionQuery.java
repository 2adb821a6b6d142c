package se.lots.intervention.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import se.lots.organisation.PartyType;
import se.lots.shared.Validation;

/**
 * A catalogue search: free text and facets. Within a facet the choices are alternatives (any of the needs chosen);
 * between facets all must hold. An age X matches an intervention for ages min–max when min ≤ X ≤ max.
 */
public record InterventionQuery(String text, Integer age, List<Long> needs, List<InterventionKind> kinds,
        List<Long> providers, List<PartyType> partyTypes, List<String> municipalities, boolean openCapacity,
        boolean kaaOnly, boolean includeInactive, int page, AgeBand band) {

    public InterventionQuery(String text, Integer age, List<Long> needs, List<InterventionKind> kinds,
            List<Long> providers, List<PartyType> partyTypes, List<String> municipalities, boolean openCapacity,
            boolean kaaOnly, boolean includeInactive, int page) {
        this(text, age, needs, kinds, providers, partyTypes, municipalities, openCapacity, kaaOnly, includeInactive,
                page, null);
    }

    public InterventionQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        needs = needs == null ? List.of() : List.copyOf(needs);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        providers = providers == null ? List.of() : List.copyOf(providers);
        partyTypes = partyTypes == null ? List.of() : List.copyOf(partyTypes);
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        page = Math.max(0, page);
    }

    public static InterventionQuery all() {
        return new InterventionQuery(null, null, null, null, null, null, null, false, false, false, 0);
    }

    /** From a page's or the API's parameters; values that cannot be read are left out rather than refused. */
    public static InterventionQuery parse(String text, String age, List<String> needs, List<String> kinds,
            List<String> providers, List<String> partyTypes, List<String> municipalities, Boolean openCapacity,
            Boolean kaaOnly, Boolean includeInactive, Integer page) {
        return parse(text, age, needs, kinds, providers, partyTypes, municipalities, openCapacity, kaaOnly,
                includeInactive, page, null);
    }

    /** As above, with an age band of the coverage map ("20-24"): interventions whose age range overlaps it. */
    public static InterventionQuery parse(String text, String age, List<String> needs, List<String> kinds,
            List<String> providers, List<String> partyTypes, List<String> municipalities, Boolean openCapacity,
            Boolean kaaOnly, Boolean includeInactive, Integer page, String band) {
        Integer parsedAge = null;
        if (age != null && age.strip().matches("[0-9]{1,3}")) {
            parsedAge = Integer.valueOf(age.strip());
        }
        return new InterventionQuery(text, parsedAge, readAll(needs, ID),
                readAll(kinds, KIND), readAll(providers, ID), readAll(partyTypes, PARTY),
                readAll(municipalities, MUNICIPALITY), Boolean.TRUE.equals(openCapacity),
                Boolean.TRUE.equals(kaaOnly), Boolean.TRUE.equals(includeInactive), page == null ? 0 : page,
                AgeBand.parse(band).orElse(null));
    }

    /**
     * As {@link #parse}, for the API: a value that cannot be read is refused with its parameter named, since a
     * client that misspells a filter and gets the whole catalogue believes the filter held.
     */
    public static InterventionQuery parseStrictly(String text, String age, List<String> needs, List<String> kinds,
            List<String> providers, List<String> partyTypes, List<String> municipalities, Boolean openCapacity,
            Boolean kaaOnly, Integer page) {
        var v = new Validation();
        if (age != null && !age.isBlank() && !age.strip().matches("[0-9]{1,3}")) {
            v.reject("age", "validation.invalidValue");
        }
        refuseUnreadable(v, "need", needs, ID);
        refuseUnreadable(v, "kind", kinds, KIND);
        refuseUnreadable(v, "provider", providers, ID);
        refuseUnreadable(v, "party", partyTypes, PARTY);
        refuseUnreadable(v, "area", municipalities, MUNICIPALITY);
        if (page != null && page < 0) {
            v.reject("page", "validation.invalidValue");
        }
        v.throwIfInvalid();
        return parse(text, age, needs, kinds, providers, partyTypes, municipalities, openCapacity, kaaOnly, false,
                page);
    }

    private static final Function<String, Long> ID = Long::valueOf;
    private static final Function<String, InterventionKind> KIND = k -> InterventionKind
            .valueOf(k.toUpperCase(Locale.ROOT));
    private static final Function<String, PartyType> PARTY = p -> PartyType.valueOf(p.toUpperCase(Locale.ROOT));
    private static final Function<String, String> MUNICIPALITY = m -> m.matches("[0-9]{4}") ? m : null;

    private static void refuseUnreadable(Validation v, String field, List<String> values, Function<String, ?> read) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (value == null || value.isBlank() || v.hasErrors(field)) {
                continue;
            }
            try {
                if (read.apply(value.strip()) == null) {
                    v.reject(field, "validation.invalidValue");
                }
            } catch (IllegalArgumentException e) {
                v.reject(field, "validation.invalidValue");
            }
        }
    }

    /** The same search restricted to what the public catalogue shows. */
    public InterventionQuery publicOnly() {
        return new InterventionQuery(text, age, needs, kinds, providers, partyTypes, municipalities, openCapacity,
                kaaOnly, false, page, band);
    }

    public InterventionQuery onPage(int p) {
        return new InterventionQuery(text, age, needs, kinds, providers, partyTypes, municipalities, openCapacity,
                kaaOnly, includeInactive, p, band);
    }

    /** Free-text searches are not kept in the public cache: anyone could fill it with distinct texts. */
    public boolean cacheable() {
        return text == null && page < 20;
    }

    private static <T> List<T> readAll(List<String> values, Function<String, T> read) {
        var result = new ArrayList<T>();
        if (values != null) {
            for (String v : values) {
                if (v == null || v.isBlank()) {
                    continue;
                }
                try {
                    T t = read.apply(v.strip());
                    if (t != null && !result.contains(t)) {
                        result.add(t);
                    }
                } catch (IllegalArgumentException e) {
                    // an unknown option in a hand-written URL: ignored
                }
            }
        }
        return result.stream().filter(Objects::nonNull).toList();
    }
}
