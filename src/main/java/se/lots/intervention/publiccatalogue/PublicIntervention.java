package se.lots.intervention.publiccatalogue;

import java.time.LocalDate;
import java.util.List;

import se.lots.intervention.Need;
import se.lots.intervention.Provider;
import se.lots.intervention.catalogue.Eligibility;
import se.lots.intervention.catalogue.Intervention;
import se.lots.intervention.catalogue.InterventionKind;
import se.lots.organisation.PartyType;

/**
 * An intervention as the public catalogue and anonymous API clients see it: what it is, for whom, and how to reach
 * the provider. No personal data: not the contact person, not who edited or reviewed it.
 */
public record PublicIntervention(long id, String name, String description, InterventionKind kind,
        String targetGroup, int ageMin, int ageMax, List<String> needs, List<Eligibility> eligibility, String method,
        Integer durationWeeks, Integer capacity, Integer occupancy, Integer openPlaces, Integer waitingDays,
        String cost, String financing, boolean kaaMeasure, List<String> municipalityCodes, LocalDate validFrom,
        LocalDate validTo, String providerName, PartyType partyType, String phone, String email, String address,
        String openingHours) {

    static PublicIntervention of(Intervention i, Provider p) {
        return new PublicIntervention(i.id(), i.name(), i.description(), i.kind(), i.targetGroup(), i.ageMin(),
                i.ageMax(), i.needs().stream().map(Need::name).toList(), i.eligibility(), i.method(),
                i.durationWeeks(), i.capacity(), i.occupancy(), i.openPlaces(), i.waitingDays(), i.cost(),
                i.financing(), i.kaaMeasure(), i.municipalityCodes(), i.validFrom(), i.validTo(), p.name(),
                p.partyType(), p.phone(), p.email(), p.address(), p.openingHours());
    }
}
