package se.lots.intervention.catalogue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import se.lots.intervention.Need;

/** An intervention's checked content, as it is saved and as each version keeps it. */
public record InterventionValues(long providerId, Long programmeId, String name, String description,
        InterventionKind kind, String targetGroup, int ageMin, int ageMax, List<Long> needIds,
        List<Eligibility> eligibility, String method, Integer durationWeeks, Integer capacity, Integer occupancy,
        Integer waitingDays, String cost, String financing, boolean kaaMeasure, List<String> municipalityCodes,
        LocalDate validFrom, LocalDate validTo, boolean retired, LocalDate reviewedOn) {

    public InterventionValues {
        needIds = needIds.stream().sorted().distinct().toList();
        eligibility = eligibility.stream().sorted().distinct().toList();
        municipalityCodes = municipalityCodes.stream().sorted().distinct().toList();
    }

    public static InterventionValues of(Intervention i) {
        return new InterventionValues(i.providerId(), i.programmeId(), i.name(), i.description(), i.kind(),
                i.targetGroup(), i.ageMin(), i.ageMax(), i.needs().stream().map(Need::id).toList(), i.eligibility(),
                i.method(), i.durationWeeks(), i.capacity(), i.enteredOccupancy(), i.waitingDays(), i.cost(),
                i.financing(), i.kaaMeasure(), i.municipalityCodes(), i.validFrom(), i.validTo(), i.retired(),
                i.reviewedOn());
    }

    public InterventionValues withProvider(long id) {
        return new InterventionValues(id, programmeId, name, description, kind, targetGroup, ageMin, ageMax, needIds,
                eligibility, method, durationWeeks, capacity, occupancy, waitingDays, cost, financing, kaaMeasure,
                municipalityCodes, validFrom, validTo, retired, reviewedOn);
    }

    public InterventionValues retiredOn(LocalDate day) {
        return new InterventionValues(providerId, programmeId, name, description, kind, targetGroup, ageMin, ageMax,
                needIds, eligibility, method, durationWeeks, capacity, occupancy, waitingDays, cost, financing,
                kaaMeasure, municipalityCodes, validFrom, validTo == null || validTo.isAfter(day) ? day : validTo,
                true, reviewedOn);
    }

    /** Field name to value, in form order: the version's JSON content and the base of its changed-field list. */
    public Map<String, Object> content() {
        var c = new LinkedHashMap<String, Object>();
        c.put("providerId", providerId);
        c.put("programmeId", programmeId);
        c.put("name", name);
        c.put("description", description);
        c.put("kind", kind.name());
        c.put("targetGroup", targetGroup);
        c.put("ageMin", ageMin);
        c.put("ageMax", ageMax);
        c.put("needIds", needIds);
        c.put("eligibility", eligibility.stream().map(Enum::name).toList());
        c.put("method", method);
        c.put("durationWeeks", durationWeeks);
        c.put("capacity", capacity);
        c.put("occupancy", occupancy);
        c.put("waitingDays", waitingDays);
        c.put("cost", cost);
        c.put("financing", financing);
        c.put("kaaMeasure", kaaMeasure);
        c.put("municipalityCodes", municipalityCodes);
        c.put("validFrom", validFrom == null ? null : validFrom.toString());
        c.put("validTo", validTo == null ? null : validTo.toString());
        c.put("retired", retired);
        c.put("reviewedOn", reviewedOn == null ? null : reviewedOn.toString());
        return c;
    }

    /** The fields whose value differs from {@code before}, in form order. */
    public List<String> changedSince(InterventionValues before) {
        Map<String, Object> old = before.content();
        return content().entrySet().stream().filter(e -> !Objects.equals(e.getValue(), old.get(e.getKey())))
                .map(Map.Entry::getKey).toList();
    }
}
