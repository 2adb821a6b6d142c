package se.lots.intervention.coverage;

import java.util.List;

import se.lots.intervention.catalogue.AgeBand;
import se.lots.reference.MunicipalityCode;

/** The coverage map over the API: one cell per age band and active need. */
public record CoverageJson(MunicipalityCode municipalityCode, String partyType, List<String> bands, List<Cell> cells) {

    public record Cell(String band, long needId, String needCode, String needName, long interventions,
            long openPlaces, long unknownCapacity) {
    }

    public static CoverageJson of(CoverageMatrix m) {
        return new CoverageJson(m.filter().municipalityCode(),
                m.filter().partyType() == null ? null : m.filter().partyType().name(),
                m.bands().stream().map(AgeBand::code).toList(),
                m.cells().stream().map(c -> new Cell(c.band().code(), c.need().id(), c.need().code(), c.need().name(),
                        c.interventions(), c.openPlaces(), c.unknownCapacity())).toList());
    }
}
