package se.lots.intervention.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.intervention.Need;
import se.lots.intervention.catalogue.AgeBand;
import se.lots.intervention.catalogue.Intervention;
import se.lots.intervention.catalogue.InterventionKind;
import se.lots.intervention.catalogue.Needs;
import se.lots.intervention.coverage.CoverageRows.ActorRow;
import se.lots.intervention.coverage.CoverageRows.OverlapRow;
import se.lots.intervention.coverage.CoverageRows.ProviderCount;
import se.lots.organisation.PartyType;
import se.lots.reference.Municipality;
import se.lots.reference.MunicipalityCode;
import se.lots.reference.ReferenceData;

/**
 * Where the catalogue covers the target group and where it does not: the coverage map (age bands × needs), actors
 * per intervention, interventions per party, overlaps; and {@link #matchFor}, which proposes interventions for one
 * young person. Reads only; the catalogue holds no personal data, so nothing here is audited.
 */
@Service
public class CoverageService {

    /** The longest lists the views show; a filter narrows them. */
    public static final int VIEW_LIMIT = 2_000;

    private final Coverage coverage;
    private final Needs needs;
    private final ReferenceData reference;
    private final Clock clock;

    CoverageService(Coverage coverage, Needs needs, ReferenceData reference, Clock clock) {
        this.coverage = coverage;
        this.needs = needs;
        this.reference = reference;
        this.clock = clock;
    }

    /** Age bands × active needs; every cell is there, with zeros where nothing fits. One pass over the index. */
    @Transactional(readOnly = true)
    public CoverageMatrix matrix(CoverageFilter filter) {
        List<Need> active = needs.all().stream().filter(Need::active).toList();
        Map<Long, Need> byId = active.stream().collect(Collectors.toMap(Need::id, Function.identity()));
        var cells = coverage.matrix(filter, today(), active.stream().map(Need::id).toList()).stream().filter(r -> byId.containsKey(r.needId()))
                .map(r -> new CoverageCell(AgeBand.BANDS.get(r.band()), byId.get(r.needId()), r.interventions(),
                        r.openPlaces(), r.unknownCapacity()))
                .toList();
        return new CoverageMatrix(filter, AgeBand.BANDS, active, cells);
    }

    /** "Aktörer per insats": per need, per kind, the interventions and who provides them. */
    public record ActorGroup(Need need, InterventionKind kind, List<ActorRow> interventions) {

        public long providers() {
            return interventions.stream().map(ActorRow::providerId).distinct().count();
        }
    }

    @Transactional(readOnly = true)
    public List<ActorGroup> actorsPerIntervention(CoverageFilter filter) {
        Map<Long, Need> byId = needs.all().stream().collect(Collectors.toMap(Need::id, Function.identity()));
        var groups = new LinkedHashMap<String, ActorGroup>();
        for (ActorRow r : coverage.actors(filter, today(), VIEW_LIMIT)) {
            groups.computeIfAbsent(r.needId() + "/" + r.kind(),
                    k -> new ActorGroup(byId.get(r.needId()), r.kind(), new ArrayList<>())).interventions().add(r);
        }
        return List.copyOf(groups.values());
    }

    /** "Insatser per part": per party type its providers' counts, largest first. */
    public record PartyCount(PartyType partyType, long interventions, long kaaMeasures, long openPlaces,
            List<ProviderCount> providers) {
    }

    @Transactional(readOnly = true)
    public List<PartyCount> interventionsPerParty(CoverageFilter filter) {
        var byParty = new LinkedHashMap<PartyType, List<ProviderCount>>();
        for (ProviderCount p : coverage.perProvider(filter, today())) {
            byParty.computeIfAbsent(p.partyType(), k -> new ArrayList<>()).add(p);
        }
        return byParty.entrySet().stream().map(e -> new PartyCount(e.getKey(),
                e.getValue().stream().mapToLong(ProviderCount::interventions).sum(),
                e.getValue().stream().mapToLong(ProviderCount::kaaMeasures).sum(),
                e.getValue().stream().mapToLong(ProviderCount::openPlaces).sum(), e.getValue()))
                .sorted((a, b) -> Long.compare(b.interventions(), a.interventions())).toList();
    }

    /** Several providers with an intervention of the same kind for the same need and age band in one municipality. */
    public record Overlap(Municipality municipality, Need need, InterventionKind kind, AgeBand band, long providers,
            List<String> offers) {
    }

    @Transactional(readOnly = true)
    public List<Overlap> overlaps(CoverageFilter filter) {
        Map<Long, Need> byId = needs.all().stream().collect(Collectors.toMap(Need::id, Function.identity()));
        var result = new ArrayList<Overlap>();
        for (OverlapRow r : coverage.overlaps(filter, today(), VIEW_LIMIT)) {
            String code = r.municipalityCode().value();
            Municipality m = reference.municipality(r.municipalityCode())
                    .orElse(new Municipality(r.municipalityCode(), code, code, ""));
            result.add(new Overlap(m, byId.get(r.needId()), r.kind(), AgeBand.BANDS.get(r.band()), r.providers(),
                    r.offers()));
        }
        return result;
    }

    /**
     * What a young person could be offered: current interventions whose age range holds {@code age} (bounds
     * inclusive), that serve {@code municipality} (null: any municipality), address at least one of
     * {@code needCodes} (see {@link Need#code()}; empty: any need) and have open places or no stated capacity. Most
     * needs matched first, then the shortest waiting time (unknown last), at most {@code limit}. Each match says
     * why it fits. Codes that are not in the list of needs are ignored; if none of the given codes is known, nothing
     * matches.
     */
    @Transactional(readOnly = true)
    public List<Match> matchFor(int age, MunicipalityCode municipality, Set<String> needCodes, int limit) {
        List<Need> all = needs.all();
        Set<String> codes = needCodes == null ? Set.of() : needCodes;
        List<Long> needIds = all.stream().filter(n -> codes.contains(n.code())).map(Need::id).toList();
        if (!codes.isEmpty() && needIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Need> byId = all.stream().collect(Collectors.toMap(Need::id, Function.identity()));
        String place = municipality == null ? null
                : reference.municipality(municipality).map(Municipality::name).orElse(municipality.value());
        return coverage.matches(age, municipality, needIds, Math.max(1, limit), today()).stream().map(r -> {
            List<Need> matched = r.matchedNeeds().stream().map(byId::get).toList();
            var reasons = new ArrayList<Match.Reason>();
            reasons.add(Match.Reason.of("match.reason.age", age, r.ageMin(), r.ageMax()));
            if (place != null) {
                reasons.add(Match.Reason.of("match.reason.municipality", place));
            }
            for (Need n : matched) {
                reasons.add(Match.Reason.of("match.reason.need", n.name()));
            }
            Integer open = Intervention.openPlaces(r.capacity(), r.occupancy());
            reasons.add(open == null ? Match.Reason.of("match.reason.capacityUnknown")
                    : Match.Reason.of("match.reason.openPlaces", open));
            if (r.waitingDays() != null) {
                reasons.add(r.waitingDays() == 0 ? Match.Reason.of("match.reason.noWaiting")
                        : Match.Reason.of("match.reason.waiting", r.waitingDays()));
            }
            return new Match(r.id(), r.name(), r.kind(), r.providerId(), r.providerName(), r.ageMin(), r.ageMax(),
                    r.capacity(), r.occupancy(), r.waitingDays(), matched, List.copyOf(reasons));
        }).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
