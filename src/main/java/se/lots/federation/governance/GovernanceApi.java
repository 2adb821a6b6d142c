package se.lots.federation.governance;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.lots.federation.application.BoardDecision;
import se.lots.security.Actor;
import se.lots.shared.Versions;

/** The förbund's governance meetings and the board's decisions over REST, with the pages' rules. */
@RestController
@RequestMapping("/api/v1/federation/meetings")
@Tag(name = "Samordningsförbund: sammanträden och beslut")
class GovernanceApi {

    private final GovernanceService service;

    GovernanceApi(GovernanceService service) {
        this.service = service;
    }

    /** The version a change starts from. */
    record VersionInput(Integer version) {
    }

    @GetMapping
    @Operation(summary = "Förbundets sammanträden (styrelse, beredningsgrupp/utvecklingsråd, ledningsgrupp), "
            + "senaste först")
    List<MeetingSummary> list(Actor actor) {
        return service.meetings(actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Nytt sammanträde: body BOARD, COUNCIL eller STEERING_GROUP, datum, tid, plats")
    GovernanceMeeting create(Actor actor, @RequestBody GovernanceMeetingInput input) {
        return service.create(actor, input);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Ett sammanträde med deltagare, dagordning, protokoll och beslut. ETag: dess version")
    ResponseEntity<GovernanceMeeting> meeting(Actor actor, @PathVariable long id) {
        GovernanceMeeting m = service.meeting(actor, id);
        return ResponseEntity.ok().eTag(Versions.etag(m.version())).body(m);
    }

    @PostMapping("/{id}/participants")
    @Operation(summary = "Lägg till en deltagare; ange version (eller If-Match), utan den 428; 409 med sammanträdet "
            + "som det är sparat nu (current), eller när protokollet är justerat")
    GovernanceMeeting participant(Actor actor, @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ParticipantInput input) {
        return service.addParticipant(actor, id, new ParticipantInput(input.name(), input.organisationId(),
                input.role(), input.present(), Versions.required(input.version(), ifMatch)));
    }

    @PostMapping("/{id}/agenda-items")
    @Operation(summary = "Lägg till ett ärende sist på dagordningen, kopplat till en ansökan eller insats om så; "
            + "version som för deltagare")
    GovernanceMeeting item(Actor actor, @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody AgendaItemInput input) {
        return service.addItem(actor, id, new AgendaItemInput(input.heading(), input.applicationId(),
                input.programmeId(), Versions.required(input.version(), ifMatch)));
    }

    @PutMapping("/{id}/agenda-items/{itemId}/minutes")
    @Operation(summary = "Ärendets protokolltext och yttrande (t.ex. rådets ställningstagande); ange version (eller "
            + "If-Match), utan den 428; 409 med sammanträdet som det är sparat nu (current)")
    GovernanceMeeting minutes(Actor actor, @PathVariable long id, @PathVariable long itemId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ItemMinutesInput input) {
        return service.recordItemMinutes(actor, id, itemId, new ItemMinutesInput(input.statement(), input.minutes(),
                Versions.required(input.version(), ifMatch)));
    }

    @PostMapping("/{id}/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Styrelsens beslut om en ansökan på dagordningen: GRANTED, PARTLY_GRANTED (belopp per år), "
            + "REFUSED, POSTPONED; villkor och återrapporteringsdatum. Ett beslut ändras aldrig: ett nytt ersätter "
            + "det som currentDecisionId anger (409 med det gällande som current annars)")
    BoardDecision decide(Actor actor, @PathVariable long id, @RequestBody DecisionInput input) {
        return service.decide(actor, id, input);
    }

    @PostMapping("/{id}/approval")
    @Operation(summary = "Justera protokollet; sammanträdet låses. Ange version (eller If-Match)")
    GovernanceMeeting approve(Actor actor, @PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody VersionInput input) {
        return service.approve(actor, id, Versions.required(input.version(), ifMatch));
    }
}
