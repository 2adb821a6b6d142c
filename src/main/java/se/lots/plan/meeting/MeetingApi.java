package se.lots.plan.meeting;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lots.organisation.OrganisationId;
import se.lots.plan.StepInput;
import se.lots.security.Actor;
import se.lots.shared.Versions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Möten")
class MeetingApi {

    private final MeetingService meetings;

    MeetingApi(MeetingService meetings) {
        this.meetings = meetings;
    }

    record MinutesInput(String minutes, String nextMeetingOn, String coordinatorUserId, List<StepInput> decisions,
            Integer version) {
    }

    @GetMapping("/persons/{personId}/meetings")
    @Operation(summary = "Möten om den unges plan som användaren får se")
    List<Meeting> list(Actor actor, @PathVariable UUID personId) {
        return meetings.forPerson(actor, personId);
    }

    @PostMapping("/persons/{personId}/meetings")
    @Operation(summary = "Kalla till SIP eller annat möte; varje annan organisation behöver samtycke (omfattning Plan)")
    Meeting create(Actor actor, @PathVariable UUID personId, @RequestBody MeetingInput input) {
        return meetings.create(actor, personId, input);
    }

    @GetMapping("/persons/{personId}/meetings/coverage")
    @Operation(summary = "Vilka organisationer som täcks av samtycke för ett möte och vilka som saknar det")
    CoverageCheck coverage(Actor actor, @PathVariable UUID personId, @RequestParam List<OrganisationId> organisations) {
        return meetings.consentCoverage(actor, personId, organisations);
    }

    @GetMapping("/meetings/{id}")
    @Operation(summary = "Ett möte. ETag: mötets version")
    ResponseEntity<Meeting> meeting(Actor actor, @PathVariable UUID id) {
        Meeting meeting = meetings.meeting(actor, id);
        return ResponseEntity.ok().eTag(Versions.etag(meeting.version())).body(meeting);
    }

    @PostMapping("/meetings/{id}/minutes")
    @Operation(summary = "Spara protokoll; varje beslut blir ett steg i planen. Ange mötets version (eller If-Match), "
            + "utan den 428; 409 med mötet som det är sparat nu (current)")
    Meeting minutes(Actor actor, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody MinutesInput input) {
        return meetings.recordMinutes(actor, id, input.minutes(), input.nextMeetingOn(), input.coordinatorUserId(),
                input.decisions(), Versions.required(input.version(), ifMatch));
    }
}
