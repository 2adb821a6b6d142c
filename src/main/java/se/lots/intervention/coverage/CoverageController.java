package se.lots.intervention.coverage;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.lots.intervention.CatalogueService;
import se.lots.organisation.PartyType;
import se.lots.reference.Municipality;
import se.lots.reference.MunicipalityCode;
import se.lots.reference.ReferenceData;
import se.lots.security.Actor;

/** The coverage map and its views, for everyone logged in; the förbund's network meetings are the main users. */
@Controller
class CoverageController {

    private final CoverageService coverage;
    private final CatalogueService catalogue;
    private final ReferenceData reference;

    CoverageController(CoverageService coverage, CatalogueService catalogue, ReferenceData reference) {
        this.coverage = coverage;
        this.catalogue = catalogue;
        this.reference = reference;
    }

    @GetMapping("/insatser/karta")
    String map(Actor actor, @RequestParam(required = false) String area,
            @RequestParam(required = false) String party, Model model) {
        CoverageFilter filter = CoverageFilter.parse(area, party, null);
        filterOptions(filter, model);
        model.addAttribute("mayImport", catalogue.maintainsAll(actor));
        model.addAttribute("matrix", coverage.matrix(filter));
        return "intervention/coverage";
    }

    @GetMapping("/insatser/karta/aktorer")
    String actors(@RequestParam(required = false) String area, @RequestParam(required = false) String party,
            Model model) {
        CoverageFilter filter = CoverageFilter.parse(area, party, null);
        filterOptions(filter, model);
        model.addAttribute("groups", coverage.actorsPerIntervention(filter));
        model.addAttribute("limit", CoverageService.VIEW_LIMIT);
        return "intervention/coverage-actors";
    }

    @GetMapping("/insatser/karta/parter")
    String parties(@RequestParam(required = false) String area, @RequestParam(required = false) String party,
            Model model) {
        CoverageFilter filter = CoverageFilter.parse(area, party, null);
        filterOptions(filter, model);
        model.addAttribute("parties", coverage.interventionsPerParty(filter));
        return "intervention/coverage-parties";
    }

    @GetMapping("/insatser/karta/overlapp")
    String overlaps(@RequestParam(required = false) String area, @RequestParam(required = false) String party,
            Model model) {
        CoverageFilter filter = CoverageFilter.parse(area, party, null);
        filterOptions(filter, model);
        model.addAttribute("overlaps", coverage.overlaps(filter));
        model.addAttribute("limit", CoverageService.VIEW_LIMIT);
        return "intervention/coverage-overlaps";
    }

    private void filterOptions(CoverageFilter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("municipalities", reference.municipalities());
        Map<MunicipalityCode, Municipality> byCode = reference.municipalities().stream()
                .collect(Collectors.toMap(Municipality::code, Function.identity()));
        model.addAttribute("areaName", filter.municipalityCode() == null ? null
                : byCode.getOrDefault(filter.municipalityCode(), null));
        model.addAttribute("partyTypes", Arrays.asList(PartyType.values()));
    }
}
