package se.lots.federation.programme;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RestController;

import se.lots.security.Actor;
import se.lots.shared.Versions;

/** The förbund's programmes as Finsam sees them, as JSON. */
@RestController
@RequestMapping("/api/v1/federation/programmes")
@Tag(name = "Förbundets insatser", description = "Samordningsförbundets insatser: diarienummer, syfte, målgrupp, "
        + "metod, period, samverkansparter, kontaktperson och finansiärer med andelar (summa exakt 100). En insats "
        + "som förbundet finansierar kräver minst två av de fyra parterna, där kommunerna räknas som en part (lag "
        + "2003:1210 5 § andra stycket). Förbundets tjänstepersoner registrerar och ändrar; ägarorganisationens "
        + "insatsledare ändrar allt utom diarienumret.")
class FinsamProgrammeApi {

    private final FinsamProgrammeService service;

    FinsamProgrammeApi(FinsamProgrammeService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Förbundets insatser (förbundets tjänsteperson); insatsledare: de insatser som den egna "
            + "organisationen äger eller deltar i")
    List<FinsamProgramme> programmes(Actor actor) {
        return service.programmes(actor);
    }

    @GetMapping("/{programmeId}")
    @Operation(summary = "En insats; 403 för den som varken är förbundets tjänsteperson eller insatsledare hos en "
            + "deltagande part")
    ResponseEntity<FinsamProgramme> programme(Actor actor, @PathVariable long programmeId) {
        FinsamProgramme p = service.programme(actor, programmeId);
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
    }

    @PostMapping
    @Operation(summary = "Registrera en insats hos en medlem: koppla ägarens befintliga insats (existingProgrammeId) "
            + "eller skapa en ny (name). 400 med fältet namngivet vid fel, t.ex. Finsam-regeln eller andelar som inte "
            + "blir 100")
    ResponseEntity<FinsamProgramme> register(Actor actor, @RequestBody ProgrammeInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.register(actor, input));
    }

    @PutMapping("/{programmeId}")
    @Operation(summary = "Spara alla fält; ange version (eller If-Match), utan den 428; 409 med insatsen som den är "
            + "sparad nu (current) om någon sparat efter version")
    ResponseEntity<FinsamProgramme> update(Actor actor, @PathVariable long programmeId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ProgrammeInput input) {
        FinsamProgramme saved = service.update(actor, programmeId,
                input.withVersion(Versions.required(input.version(), ifMatch)));
        return ResponseEntity.ok().eTag(Versions.etag(saved.version())).body(saved);
    }
}
