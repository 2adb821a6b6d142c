package se.lots.progression.registration;

import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.lots.plan.Programme;
import se.lots.progression.instrument.AssessmentSeries;
import se.lots.security.Actor;
import se.lots.shared.Versions;

/**
 * Follow-up over REST: the programmes a user follows up, a programme's participants and a participant's SUS
 * registrations at start and end. Each call goes to the service the follow-up pages use, so who may do what
 * (ProgressionAccess: the programme's own organisation; the programme lead and case workers) and what is audited are
 * the pages' rules.
 */
@RestController
@RequestMapping("/api/v1/follow-up")
@Tag(name = "Uppföljning", description = "Uppföljning av insatser (SUS-kompatibel): insatserna du följer upp, "
        + "deltagarna och registreringen vid start och slut. För insatsledare och handläggare i insatsens egen "
        + "organisation; varje läsning och ändring av en persons uppgifter loggas som på sidorna. En anonym deltagare "
        + "har ingen koppling till någon person och räknas ändå i rapporten.")
class FollowUpApi {

    private final RegistrationService registrations;
    private final ProgrammeFollowUpService followUp;

    FollowUpApi(RegistrationService registrations, ProgrammeFollowUpService followUp) {
        this.registrations = registrations;
        this.followUp = followUp;
    }

    /** Why an enrolment is followed up anonymously. */
    record AnonymousInput(String anonymousReason) {
    }

    /** A programme's participants as the Deltagare page lists them. */
    record ProgrammeParticipants(Programme programme, List<ProgrammeParticipant> participants) {

        static ProgrammeParticipants of(ProgrammeFollowUp f) {
            return new ProgrammeParticipants(f.programme(), f.rows().stream().map(r -> new ProgrammeParticipant(
                    r.enrolmentId(), r.participationId(), r.name(), r.startedOn(), r.endedOn(), r.anonymous(),
                    r.registeredAnonymously(), r.hasStart(), r.hasEnd(), r.series())).toList());
        }
    }

    /**
     * One participant: {@code enrolmentId} null for an anonymous one, {@code participationId} null before anything was
     * recorded, {@code name} null where the registry does not show it.
     */
    record ProgrammeParticipant(UUID enrolmentId, UUID participationId, String name, LocalDate startedOn,
            LocalDate endedOn, boolean anonymous, boolean registeredAnonymously, boolean hasStart, boolean hasEnd,
            List<AssessmentSeries> series) {
    }

    @GetMapping("/programmes")
    @Operation(summary = "Insatserna du får följa upp: din organisations insatser")
    List<Programme> programmes(Actor actor) {
        return followUp.programmes(actor);
    }

    @GetMapping("/programmes/{programmeId}/participants")
    @Operation(summary = "Insatsens deltagare med registreringar och skattningarnas utveckling, som sidan Deltagare "
            + "visar dem; anonyma deltagare utan namn (varje namn loggas)")
    ProgrammeParticipants participants(Actor actor, @PathVariable long programmeId) {
        return ProgrammeParticipants.of(followUp.page(actor, programmeId));
    }

    @GetMapping("/enrolments/{enrolmentId}")
    @Operation(summary = "En inskrivnings uppföljning: deltagandet och registreringen vid start och slut (loggas). "
            + "403 för den som inte får se inskrivningen")
    RegistrationPage enrolment(Actor actor, @PathVariable UUID enrolmentId) {
        return registrations.page(actor, enrolmentId);
    }

    @GetMapping("/participations/{participationId}")
    @Operation(summary = "En deltagares uppföljning, också en anonym deltagares (utan inskrivning och person)")
    RegistrationPage participation(Actor actor, @PathVariable UUID participationId) {
        return registrations.anonymousPage(actor, participationId);
    }

    @PutMapping("/enrolments/{enrolmentId}/registrations/{kind}")
    @Operation(summary = "Registrering vid START (inom en vecka från inskrivningen) eller SLUT (inom en vecka från "
            + "utskrivningen). Finns registreringen redan ändras den: ange då dess version (eller If-Match), utan "
            + "den 428; 409 med registreringen som den är sparad nu (current) om någon ändrat den efter version")
    ResponseEntity<Registration> register(Actor actor, @PathVariable UUID enrolmentId,
            @Parameter(description = "START eller SLUT") @PathVariable RegistrationKind kind,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Arbetar halvtid",
                            value = """
                                    {"measuredOn": "2026-03-02", "occupation": "ARBETAR", "workExtent": "50",
                                     "incomeSources": ["LON", "A_KASSA"], "educationLevel": "GYMNASIAL",
                                     "registeredAtAf": true, "version": null}""")))
            @RequestBody RegistrationInput input) {
        Registration saved = registrations.save(actor, enrolmentId, kind, versioned(input, ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(saved.version())).body(saved);
    }

    @PutMapping("/participations/{participationId}/registrations/{kind}")
    @Operation(summary = "Registrering för en anonym deltagare; vid SLUT anges också endedOn (deltagandets slut). "
            + "Ändring: ange version (eller If-Match), utan den 428; 409 med registreringen som den är sparad nu "
            + "(current)")
    ResponseEntity<Registration> registerParticipation(Actor actor, @PathVariable UUID participationId,
            @Parameter(description = "START eller SLUT") @PathVariable RegistrationKind kind,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Slut: studerar",
                            value = """
                                    {"measuredOn": "2026-06-01", "occupation": "STUDERAR", "workExtent": null,
                                     "incomeSources": ["STUDIEMEDEL"], "educationLevel": "GYMNASIAL",
                                     "registeredAtAf": false, "version": 0, "endedOn": "2026-05-29"}""")))
            @RequestBody RegistrationInput input) {
        Registration saved = registrations.saveForParticipation(actor, participationId, kind,
                versioned(input, ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(saved.version())).body(saved);
    }

    @PostMapping("/enrolments/{enrolmentId}/anonymous")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Följ upp inskrivningen anonymt: kön, födelseår och kommun kopieras till en anonym deltagare "
            + "utan koppling till inskrivningen eller personen. Bara innan något registrerats")
    Participation registerAnonymously(Actor actor, @PathVariable UUID enrolmentId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Skyddad identitet",
                            value = """
                                    {"anonymousReason": "SKYDDAD_IDENTITET"}""")))
            @RequestBody AnonymousInput input) {
        return registrations.registerAnonymously(actor, enrolmentId, input.anonymousReason());
    }

    /** A change names its version in the body or If-Match; a first registration needs none. */
    private static RegistrationInput versioned(RegistrationInput in, String ifMatch) {
        if (in.version() == null && (ifMatch == null || ifMatch.isBlank())) {
            return in;
        }
        return new RegistrationInput(in.measuredOn(), in.occupation(), in.workExtent(), in.incomeSources(),
                in.educationLevel(), in.registeredAtAf(), Versions.required(in.version(), ifMatch), in.endedOn());
    }
}
