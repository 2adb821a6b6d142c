package se.lots.kaa.measure;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.lots.registry.RegistryService;
import se.lots.security.Actor;

/**
 * KAA measures over REST, through the service the person page uses: the same checks, access (KaaAccess) and audit.
 * Starting and ending write only the start or the end, so they need no version: a measure that has started (or
 * ended) already is a 409 with the measure as saved now.
 */
@RestController
@RequestMapping("/api/v1/kaa")
@Tag(name = "KAA – åtgärder", description = "Individuella åtgärder med innehåll och start (förordning 2006:39, 4 §) "
        + "för unga i din kommuns KAA-register.")
class KaaMeasureApi {

    private final KaaMeasureService measures;
    private final RegistryService registry;

    KaaMeasureApi(KaaMeasureService measures, RegistryService registry) {
        this.measures = measures;
        this.registry = registry;
    }

    record MeasureStart(String startedOn) {
    }

    record MeasureEnd(String endedOn, String endReason) {
    }

    @GetMapping("/measure-categories")
    @Operation(summary = "Åtgärdskategorierna (SCB:s kodlista); de som inte är aktiva gäller bara äldre åtgärder")
    List<MeasureCategory> categories() {
        return measures.categories();
    }

    @GetMapping("/persons/{personId}/measures")
    @Operation(summary = "Den ungas åtgärder i din kommun, senaste först (loggas); firstOffered markerar episodens "
            + "första erbjudna åtgärd, som halvårsuppgifterna räknar. Samma åtkomst som personsidan")
    List<Measure> list(Actor actor, @PathVariable UUID personId) {
        registry.read(actor, personId);
        return measures.forPerson(actor, personId);
    }

    @PostMapping("/persons/{personId}/measures")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Registrera en åtgärd i den ungas öppna episod, erbjuden och/eller startad (403 utan öppen "
            + "episod i din kommun)")
    Measure register(Actor actor, @PathVariable UUID personId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Praktik",
                            value = """
                                    {"category": "PRAKTIK", "content": "Praktik på lager tre dagar i veckan",
                                     "responsible": "KOMMUN", "responsibleActor": null, "offeredOn": "2026-03-02",
                                     "startedOn": "2026-03-09", "endedOn": null, "endReason": null,
                                     "followUpOn": "2026-04-06", "declined": false}""")))
            @RequestBody KaaMeasureService.MeasureInput input) {
        return measures.register(actor, personId, input);
    }

    @PostMapping("/measures/{measureId}/start")
    @Operation(summary = "En erbjuden åtgärd har startat; 409 med åtgärden som den är sparad nu (current) om den "
            + "redan har ett startdatum")
    Measure start(Actor actor, @PathVariable UUID measureId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Start",
                            value = """
                                    {"startedOn": "2026-03-09"}""")))
            @RequestBody MeasureStart start) {
        return measures.start(actor, measureId, start.startedOn());
    }

    @PostMapping("/measures/{measureId}/end")
    @Operation(summary = "Avsluta en åtgärd med datum och orsak; 409 med åtgärden som den är sparad nu (current) om "
            + "den redan är avslutad")
    Measure end(Actor actor, @PathVariable UUID measureId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Fullföljd",
                            value = """
                                    {"endedOn": "2026-05-29", "endReason": "FULLFOLJD"}""")))
            @RequestBody MeasureEnd end) {
        return measures.end(actor, measureId, end.endedOn(), end.endReason());
    }
}
