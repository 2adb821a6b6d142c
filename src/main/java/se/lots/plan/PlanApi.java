package se.lots.plan;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.lots.security.Actor;

/** Plans, steps and enrolments over REST, with the same access rules and audit as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Planer och inskrivningar")
class PlanApi {

    private final PlanService plans;
    private final EnrolmentService enrolments;

    PlanApi(PlanService plans, EnrolmentService enrolments) {
        this.plans = plans;
        this.enrolments = enrolments;
    }

    @GetMapping("/persons/{personId}/plan")
    @Operation(summary = "Den unges plan som du får se den: hela genom samtycke, annars bara din organisations steg")
    PlanPage plan(Actor actor, @PathVariable UUID personId) {
        return plans.page(actor, personId);
    }

    @PostMapping("/persons/{personId}/plan")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Starta planen med de fyra spåren arbete, utbildning, hälsa och vardag")
    Plan create(Actor actor, @PathVariable UUID personId) {
        return plans.create(actor, personId);
    }

    @PutMapping("/persons/{personId}/plan")
    @Operation(summary = "Spara mål, styrkor, samordnare och nästa uppföljning; 409 om någon sparat efter version")
    Plan update(Actor actor, @PathVariable UUID personId, @RequestBody PlanInput input) {
        return plans.update(actor, personId, input);
    }

    @PostMapping("/persons/{personId}/plan/steps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Nytt steg som ägs av din organisation")
    PlanStep addStep(Actor actor, @PathVariable UUID personId, @RequestBody StepInput input) {
        return plans.addStep(actor, personId, input);
    }

    @GetMapping("/steps/{stepId}")
    @Operation(summary = "Ett steg")
    PlanStep step(Actor actor, @PathVariable UUID stepId) {
        return plans.step(actor, stepId);
    }

    @PutMapping("/steps/{stepId}")
    @Operation(summary = "Spara ett steg i din organisation; 409 om någon sparat efter version")
    PlanStep updateStep(Actor actor, @PathVariable UUID stepId, @RequestBody StepInput input) {
        return plans.updateStep(actor, stepId, input);
    }

    @GetMapping("/persons/{personId}/enrolments")
    @Operation(summary = "Inskrivningar som du får se")
    List<Enrolment> enrolments(Actor actor, @PathVariable UUID personId) {
        return enrolments.forPerson(actor, personId);
    }

    @PostMapping("/persons/{personId}/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Skriv in i en av din organisations insatser")
    Enrolment enrol(Actor actor, @PathVariable UUID personId, @RequestBody EnrolmentInput input) {
        return enrolments.enrol(actor, personId, input);
    }

    record Discharge(String endedOn, String endReason, Integer version) {
    }

    @PostMapping("/enrolments/{enrolmentId}/discharge")
    @Operation(summary = "Skriv ut med datum och utfall")
    Enrolment discharge(Actor actor, @PathVariable UUID enrolmentId, @RequestBody Discharge d) {
        return enrolments.discharge(actor, enrolmentId, d.endedOn(), d.endReason(), d.version());
    }

    @PostMapping("/enrolments/{enrolmentId}/transfer")
    @Operation(summary = "Flytta till en annan insats; historiken behålls")
    Enrolment transfer(Actor actor, @PathVariable UUID enrolmentId, @RequestBody EnrolmentInput to) {
        return enrolments.transfer(actor, enrolmentId, to);
    }
}
