package se.lots.progression.ladder;

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
 * The step ladder over REST: its steps, a participant's movements on it and a new movement. The service is the
 * participant page's, so the access (ProgressionAccess) and the audit are the page's.
 */
@RestController
@RequestMapping("/api/v1/follow-up")
@Tag(name = "Stegtrappan", description = "Stegtrappan och deltagarens stegförflyttningar. Samma åtkomst och "
        + "loggning som deltagarens sida.")
class LadderApi {

    private final StepMovementService movements;

    LadderApi(StepMovementService movements) {
        this.movements = movements;
    }

    /** A movement as typed: the steps by their id. */
    record StepMovementInput(String movedOn, String fromStep, String toStep, String note) {
    }

    @GetMapping("/ladder")
    @Operation(summary = "Stegtrappans steg i ordning; retired: tas inte längre emot i nya förflyttningar")
    List<LadderStep> ladder() {
        return movements.ladder();
    }

    @GetMapping("/enrolments/{enrolmentId}/step-movements")
    @Operation(summary = "Inskrivningens stegförflyttningar, äldst först (loggas); derived: räknad ur "
            + "registreringen vid start och slut")
    List<StepMovement> movements(Actor actor, @PathVariable UUID enrolmentId) {
        return movements.movements(actor, enrolmentId);
    }

    @GetMapping("/participations/{participationId}/step-movements")
    @Operation(summary = "En deltagares stegförflyttningar, också en anonym deltagares")
    List<StepMovement> participationMovements(Actor actor, @PathVariable UUID participationId) {
        return movements.movementsOfParticipation(actor, participationId);
    }

    @PostMapping("/enrolments/{enrolmentId}/step-movements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Spara en stegförflyttning (från och till ett steg i stegtrappan, med steg-id); svarar med "
            + "inskrivningens förflyttningar")
    List<StepMovement> record(Actor actor, @PathVariable UUID enrolmentId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Till praktik",
                            value = """
                                    {"movedOn": "2026-03-02", "fromStep": "2", "toStep": "3",
                                     "note": "Började praktik"}""")))
            @RequestBody StepMovementInput input) {
        movements.record(actor, enrolmentId, input.movedOn(), input.fromStep(), input.toStep(), input.note());
        return movements.movements(actor, enrolmentId);
    }

    @PostMapping("/participations/{participationId}/step-movements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Spara en stegförflyttning för en deltagare, också en anonym deltagare")
    List<StepMovement> recordForParticipation(Actor actor, @PathVariable UUID participationId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Till studier",
                            value = """
                                    {"movedOn": "2026-03-02", "fromStep": "3", "toStep": "4", "note": null}""")))
            @RequestBody StepMovementInput input) {
        movements.recordForParticipation(actor, participationId, input.movedOn(), input.fromStep(), input.toStep(),
                input.note());
        return movements.movementsOfParticipation(actor, participationId);
    }
}
