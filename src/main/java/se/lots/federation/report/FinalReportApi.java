package se.lots.federation.report;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.Versions;

/**
 * A programme's final report to its förbund over the API. What goes out leaves Lots, so the figures are the
 * suppressed ones, as in the PDF; reads are audited as exports.
 */
@RestController
@RequestMapping("/api/v1/federation")
@Tag(name = "Slutrapport", description = "En Finsam-insats slutrapport till samordningsförbundet (blanketten "
        + "\"Slutrapport samverkansinsatser\"): utkast från insatsens uppgifter, text av insatsägarens insatsledare, "
        + "godkänd av varje samverkanspart, låst när alla godkänt. Siffror alltid med små antal dolda.")
class FinalReportApi {

    private final FinalReportService service;

    FinalReportApi(FinalReportService service) {
        this.service = service;
    }

    @GetMapping("/final-reports/due")
    @Operation(summary = "Slutrapporter som väntar: insatser som avslutats eller avslutas inom 30 dagar och vars "
            + "slutrapport inte är låst, med sista dag (en månad efter slutdatum). Förbundets tjänstepersoner: "
            + "förbundets insatser; insatsledare: den egna organisationens")
    List<FinalReportDue> due(Actor actor) {
        return service.due(actor);
    }

    @GetMapping("/programmes/{id}/final-report")
    @Operation(summary = "Slutrapporten (utkast om inget sparats). 403 för den som inte är part, insatsägare eller "
            + "förbundets tjänsteperson")
    ResponseEntity<FinalReport> report(Actor actor, @PathVariable long id, Locale locale) {
        FinalReport r = service.reportForDownload(actor, id, locale);
        return ResponseEntity.ok().eTag(Versions.etag(r.version())).body(r);
    }

    @PutMapping("/programmes/{id}/final-report")
    @Operation(summary = "Insatsägarens insatsledare sparar texterna, målen och lärdomarna per part. Ange version "
            + "(eller If-Match; 0 för en rapport som inte sparats), utan den 428; 409 med rapporten som den är "
            + "sparad nu (current) om någon ändrat den, och när den är inskickad eller låst")
    @ApiResponse(responseCode = "409", description = "ändrad av någon annan, inskickad eller låst; current är "
            + "rapporten som den är sparad nu")
    @ApiResponse(responseCode = "428", description = "version saknas")
    ResponseEntity<FinalReport> save(Actor actor, @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody FinalReportInput input,
            Locale locale) {
        FinalReportInput versioned = new FinalReportInput(Versions.required(input.version(), ifMatch),
                input.purpose(), input.equality(), input.needChange(), input.targetGroup(),
                input.expectedParticipants(), input.targetGroupChange(), input.methods(), input.followUp(),
                input.ordinaryWork(), input.moneyGranted(), input.moneyUsed(), input.moneyReturned(),
                input.returnedWhy(), input.returnedConsequences(), input.experiences(), input.goals(),
                input.lessons());
        try {
            FinalReport saved = service.save(actor, id, versioned, locale);
            return ResponseEntity.ok().eTag(Versions.etag(saved.version())).body(saved);
        } catch (ConflictException e) {
            throw e.withCurrent(service.reportForDownload(actor, id, locale));
        }
    }

    @PostMapping("/programmes/{id}/final-report/submission")
    @Operation(summary = "Insatsägarens insatsledare skickar in rapporten till förbundet; siffrorna fryses (med små "
            + "antal dolda) och parterna godkänner därefter")
    FinalReport submit(Actor actor, @PathVariable long id,
            @Parameter(description = "rapportens version") @RequestParam int version, Locale locale) {
        return service.submit(actor, id, version, locale);
    }

    @PostMapping("/programmes/{id}/final-report/approvals")
    @Operation(summary = "En insatsledare i en samverkanspart godkänner den inskickade rapporten för sin part; när "
            + "alla parter godkänt låses rapporten")
    FinalReport approve(Actor actor, @PathVariable long id,
            @Parameter(description = "rapportens version") @RequestParam int version, Locale locale) {
        return service.approve(actor, id, version, locale);
    }
}
