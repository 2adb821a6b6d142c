package se.lots.kaa.register;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.lots.kaa.measure.KaaMeasureService;
import se.lots.kaa.measure.Measure;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.shared.Versions;

/**
 * The KAA register over REST: the worklist, a young person's KAA record, statuses, contact attempts and exits. Each
 * call goes to the service the pages use, so who may do what (KaaAccess: the municipality's KAA coordinator and case
 * workers, in their own organisation's register) and what is audited are the pages' rules.
 */
@RestController
@RequestMapping("/api/v1/kaa")
@Tag(name = "KAA-registret", description = "Kommunala aktivitetsansvaret (skollagen 29 kap. 9 §): arbetslistan, den "
        + "ungas KAA-uppgifter, status, kontaktförsök och avslut. För kommunens KAA-samordnare och handläggare, bara i "
        + "den egna kommunens register; varje läsning och ändring av en person loggas med grunden LAGSTOD:KAA.")
class KaaApi {

    private final KaaService kaa;
    private final KaaMeasureService measures;
    private final RegistryService registry;

    KaaApi(KaaService kaa, KaaMeasureService measures, RegistryService registry) {
        this.kaa = kaa;
        this.measures = measures;
        this.registry = registry;
    }

    /** The young person as the KAA record names them; never the address. */
    record KaaRecordPerson(UUID id, String identity, String firstName, String lastName, boolean protectedIdentity) {

        static KaaRecordPerson of(YoungPerson p) {
            return new KaaRecordPerson(p.id(), p.displayIdentity(), p.firstName(), p.lastName(),
                    p.protectedIdentity());
        }
    }

    /** Everything the register holds on one young person, newest first in each list. */
    record KaaRecord(KaaRecordPerson person, List<KaaEpisode> episodes, List<StatusRecord> statuses,
            List<ContactAttempt> contacts, List<Measure> measures) {
    }

    @GetMapping("/overview")
    @Operation(summary = "Arbetslistans nyckeltal: öppna episoder, okänd sysselsättning (antal och andel), passerat "
            + "uppföljningsdatum och som fyller 20 före nästa månads slut")
    KaaService.Overview overview(Actor actor) {
        return kaa.overview(actor);
    }

    @GetMapping("/episodes")
    @Operation(summary = "De öppna episoderna i din kommuns register som arbetslistan visar dem: samma filter, "
            + "sortering och sidor om 50. Varje person i svaret loggas som en sökträff")
    KaaService.WorklistPage episodes(Actor actor,
            @Parameter(description = "ALL, NOT_KNOWN (okänd sysselsättning), DUE (passerat uppföljningsdatum), "
                    + "NOT_REACHED, NO_RECENT_ATTEMPT, TURNING_20, NEW_FROM_IMPORT (från senaste listan), MINE, "
                    + "UNASSIGNED")
            @RequestParam(defaultValue = "ALL") Worklist.Filter filter,
            @Parameter(description = "NAME, TWENTIETH_BIRTHDAY, REVIEW, LAST_ATTEMPT, REGISTERED")
            @RequestParam(defaultValue = "NAME") Worklist.Sort sort,
            @Parameter(description = "sidan, från 0") @RequestParam(defaultValue = "0") int page) {
        return kaa.worklist(actor, filter, sort, page);
    }

    @GetMapping("/persons/{personId}")
    @Operation(summary = "Den ungas KAA-uppgifter i din kommun: episoder, statushistorik, kontaktförsök och "
            + "åtgärder (loggas). Samma åtkomst som sidan: 403 för den som inte får läsa personen. ETag: den öppna "
            + "episodens version")
    ResponseEntity<KaaRecord> person(Actor actor, @PathVariable UUID personId) {
        // as the page: a municipality that does not hold the registry record (it took the person over after a
        // move) gets the identity only
        YoungPerson person = registry.readIfAllowed(actor, personId).map(se.lots.registry.PersonRead::person)
                .orElseGet(() -> kaa.identity(actor, personId));
        KaaService.PersonKaa kaaRecord = kaa.person(actor, personId);
        var body = new KaaRecord(KaaRecordPerson.of(person), kaaRecord.episodes(), kaaRecord.statuses(),
                kaaRecord.contacts(), measures.forPerson(actor, personId));
        var ok = ResponseEntity.ok();
        kaaRecord.openEpisode().ifPresent(e -> ok.eTag(Versions.etag(e.version())));
        return ok.body(body);
    }

    @PostMapping("/persons/{personId}/statuses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ny status i historiken (den unga måste ha en öppen episod i din kommun, annars 403). "
            + "Uppföljningsdatum: tomt ger fastställt datum plus kommunens antal dagar")
    StatusRecord recordStatus(Actor actor, @PathVariable UUID personId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Arbetar",
                            value = """
                                    {"status": "ARBETAR", "studyKind": null, "occupation": "Extrajobb i butik",
                                     "ascertainedOn": "2026-03-02", "source": "UNGDOMEN", "reviewOn": "2026-06-01"}""")))
            @RequestBody KaaService.StatusInput input) {
        return kaa.recordStatus(actor, personId, input);
    }

    @PostMapping("/persons/{personId}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Logga ett kontaktförsök; newStatus (valfri) sparar en status i samma steg. Anteckningen "
            + "ska vara kort och saklig: känsliga uppgifter hör hemma i planen")
    ContactAttempt recordContact(Actor actor, @PathVariable UUID personId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Nådd per telefon",
                            value = """
                                    {"channel": "TELEFON", "contactedOn": "2026-03-02", "outcome": "NADD",
                                     "withGuardian": false, "note": "Vill boka ett möte",
                                     "newStatus": {"status": "KONTAKTAD", "ascertainedOn": "2026-03-02",
                                                   "source": "UNGDOMEN"}}""")))
            @RequestBody KaaService.ContactInput input) {
        return kaa.recordContact(actor, personId, input);
    }

    @PostMapping("/episodes/{episodeId}/exit")
    @Operation(summary = "Avsluta en öppen episod med orsak och datum (tomt: i dag); bara KAA-samordnaren. Ange "
            + "episodens version (eller If-Match), utan den 428; 409 med episoden som den är sparad nu (current) om "
            + "någon ändrat den efter version eller den redan är avslutad")
    ResponseEntity<KaaEpisode> exit(Actor actor, @PathVariable UUID episodeId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Flyttat",
                            value = """
                                    {"exitedOn": "2026-03-02", "exitReason": "FLYTTAT", "version": 3}""")))
            @RequestBody KaaService.ExitInput input) {
        KaaEpisode episode = kaa.exit(actor, episodeId,
                input.withVersion(Versions.required(input.version(), ifMatch)));
        return ResponseEntity.ok().eTag(Versions.etag(episode.version())).body(episode);
    }
}
