package se.lots.intervention.catalogue;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.lots.intervention.CatalogueService;
import se.lots.intervention.InterventionInput;
import se.lots.intervention.coverage.CoverageFilter;
import se.lots.intervention.coverage.CoverageJson;
import se.lots.intervention.coverage.CoverageService;
import se.lots.intervention.publiccatalogue.PublicCatalogue;
import se.lots.intervention.publiccatalogue.PublicIntervention;
import se.lots.security.Actor;
import se.lots.shared.Versions;

/**
 * The catalogue over REST. Reading is open to anonymous clients and shows what the public catalogue shows; writing
 * is for the roles that keep the catalogue, with the same checks, versions and audit as the pages.
 */
@RestController
@RequestMapping("/api/v1/interventions")
@Tag(name = "Insatskatalog")
class InterventionApi {

    private final PublicCatalogue publicCatalogue;
    private final CatalogueService catalogue;
    private final CoverageService coverage;

    InterventionApi(PublicCatalogue publicCatalogue, CatalogueService catalogue, CoverageService coverage) {
        this.publicCatalogue = publicCatalogue;
        this.catalogue = catalogue;
        this.coverage = coverage;
    }

    @GetMapping
    @Operation(summary = "Sök bland aktuella insatser med fritext och filter; svaret har antal per filterval "
            + "(facets). Öppet utan inloggning, inga personuppgifter.")
    InterventionHits search(@Parameter(description = "fritext i namn, beskrivning och målgrupp")
            @RequestParam(required = false) String q,
            @Parameter(description = "ålder: träffar insatser där lägsta ≤ ålder ≤ högsta")
            @RequestParam(required = false) String age,
            @Parameter(description = "behovens id (någon av)") @RequestParam(required = false) List<String> need,
            @Parameter(description = "INSATS, ATGARD, AKTIVITET, PRAKTIK, UTBILDNING")
            @RequestParam(required = false) List<String> kind,
            @Parameter(description = "utförarens id") @RequestParam(required = false) List<String> provider,
            @Parameter(description = "typ av part, t.ex. KOMMUN, CIVIL_SOCIETY")
            @RequestParam(required = false) List<String> party,
            @Parameter(description = "kommunkod, t.ex. 1214") @RequestParam(required = false) List<String> area,
            @Parameter(description = "bara med lediga platser") @RequestParam(required = false) Boolean open,
            @Parameter(description = "bara KAA-åtgärder") @RequestParam(required = false) Boolean kaa,
            @RequestParam(required = false) Integer page) {
        return publicCatalogue.search(InterventionQuery.parseStrictly(q, age, need, kind, provider, party, area, open,
                kaa, page));
    }

    @GetMapping("/coverage")
    @Operation(summary = "Täckningskartan: per åldersgrupp (16-19, 20-24, 25-29) och aktivt behov antalet aktuella "
            + "insatser vars åldersspann överlappar gruppen och som möter behovet, deras lediga platser och hur många "
            + "som saknar angivet antal platser. Öppet utan inloggning: bara antal, inga personuppgifter.")
    CoverageJson coverage(@Parameter(description = "kommunkod, t.ex. 1214: bara insatser som finns där")
            @RequestParam(required = false) String area,
            @Parameter(description = "typ av part för utföraren, t.ex. KOMMUN, CIVIL_SOCIETY")
            @RequestParam(required = false) String party) {
        return CoverageJson.of(coverage.matrix(CoverageFilter.parseStrictly(area, party)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "En aktuell insats med utförarens kontaktuppgifter; 404 för avslutade")
    PublicIntervention one(@PathVariable long id) {
        return publicCatalogue.intervention(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ny insats (administratör, förbund; insatsledare för den egna organisationen)")
    Intervention create(Actor actor, @RequestBody InterventionInput input) {
        return catalogue.create(actor, input);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Spara alla fält; ange version (eller If-Match), utan den 428; 409 med insatsen som den är "
            + "sparad nu (current) om någon sparat efter version")
    ResponseEntity<Intervention> update(Actor actor, @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody InterventionInput input) {
        Intervention saved = catalogue.update(actor, id,
                input.withVersion(Versions.required(input.version(), ifMatch)));
        return ResponseEntity.ok().eTag(Versions.etag(saved.version())).body(saved);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Insatsens historik (kräver inloggning)")
    List<InterventionVersion> versions(Actor actor, @PathVariable long id) {
        return catalogue.history(id);
    }
}
