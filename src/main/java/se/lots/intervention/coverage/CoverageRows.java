package se.lots.intervention.coverage;

import java.util.List;

import se.lots.intervention.catalogue.Intervention;
import se.lots.intervention.catalogue.InterventionKind;
import se.lots.organisation.PartyType;
import se.lots.reference.MunicipalityCode;

/** The rows the coverage views are made of, as {@link Coverage} reads them. */
public final class CoverageRows {

    private CoverageRows() {
    }

    public record CellRow(int band, long needId, long interventions, long openPlaces, long unknownCapacity) {
    }

    /** An intervention under one need, for "Aktörer per insats". */
    public record ActorRow(long needId, InterventionKind kind, long interventionId, String name, long providerId,
            String providerName, PartyType partyType, int ageMin, int ageMax, Integer capacity, Integer occupancy) {

        public Integer openPlaces() {
            return Intervention.openPlaces(capacity, occupancy);
        }
    }

    /** One provider's count of current interventions, for "Insatser per part". */
    public record ProviderCount(long providerId, String providerName, PartyType partyType, long interventions,
            long kaaMeasures, long openPlaces) {
    }

    /** Several providers offering the same kind for the same need, band and municipality. */
    public record OverlapRow(MunicipalityCode municipalityCode, long needId, InterventionKind kind, int band,
            long providers, List<String> offers) {
    }

    public record MatchRow(long id, String name, InterventionKind kind, long providerId, String providerName, int ageMin,
            int ageMax, Integer capacity, Integer occupancy, Integer waitingDays, List<Long> matchedNeeds,
            boolean servesMunicipality) {
    }
}
