package se.lots.progression.instrument;

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

import se.lots.security.Actor;

/**
 * Instruments and assessments over REST: the instruments the user's organisation uses, a participant's assessments
 * as series with their reliable change, and a new assessment. The services are the participant page's, so the access
 * (ProgressionAccess) and the audit are the page's.
 */
@RestController
@RequestMapping("/api/v1/follow-up")
@Tag(name = "Skattningar", description = "Skattningsinstrument och en deltagares skattningar över tid, med "
        + "tillförlitlig förändring. Samma åtkomst och loggning som deltagarens sida.")
class AssessmentApi {

    private final AssessmentService assessments;
    private final InstrumentService instruments;

    AssessmentApi(AssessmentService assessments, InstrumentService instruments) {
        this.assessments = assessments;
        this.instruments = instruments;
    }

    @GetMapping("/instruments")
    @Operation(summary = "De aktiva instrumenten din organisation använder: de gemensamma och de egna, med frågor "
            + "och skalor")
    List<Instrument> instruments(Actor actor) {
        return instruments.instruments(actor, true);
    }

    @GetMapping("/enrolments/{enrolmentId}/assessments")
    @Operation(summary = "Inskrivningens skattningar, en serie per instrument och skattare, äldst först, med "
            + "utvecklingen (loggas)")
    List<AssessmentSeries> assessments(Actor actor, @PathVariable UUID enrolmentId) {
        return assessments.series(actor, enrolmentId);
    }

    @GetMapping("/participations/{participationId}/assessments")
    @Operation(summary = "En deltagares skattningar, också en anonym deltagares")
    List<AssessmentSeries> participationAssessments(Actor actor, @PathVariable UUID participationId) {
        return assessments.seriesOfParticipation(actor, participationId);
    }

    @PostMapping("/enrolments/{enrolmentId}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Spara en skattning: instrumentet, vem som skattar (rater), datum och ett värde per fråga "
            + "(nyckeln är frågans id) inom frågans skala")
    Assessment record(Actor actor, @PathVariable UUID enrolmentId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Självskattning",
                            value = """
                                    {"instrumentId": "1", "rater": "DEN_UNGE", "assessedOn": "2026-03-02",
                                     "scores": {"1": "3", "2": "4"}}""")))
            @RequestBody AssessmentInput input) {
        return assessments.record(actor, enrolmentId, input);
    }

    @PostMapping("/participations/{participationId}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Spara en skattning för en deltagare, också en anonym deltagare")
    Assessment recordForParticipation(Actor actor, @PathVariable UUID participationId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Personalens "
                            + "skattning", value = """
                                    {"instrumentId": "1", "rater": "HANDLAGGARE", "assessedOn": "2026-03-02",
                                     "scores": {"1": "2"}}""")))
            @RequestBody AssessmentInput input) {
        return assessments.recordForParticipation(actor, participationId, input);
    }
}
