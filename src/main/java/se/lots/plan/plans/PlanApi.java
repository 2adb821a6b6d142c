package se.lots.plan.plans;

import java.util.List;
import java.util.UUID;

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

import se.lots.plan.Enrolment;
import se.lots.plan.EnrolmentInput;
import se.lots.plan.EnrolmentService;
import se.lots.plan.PlanPage;
import se.lots.plan.PlanService;
import se.lots.plan.StepInput;
import se.lots.security.Actor;
import se.lots.shared.Versions;

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
    @Operation(summary = "Den unges plan som du får se den: hela genom samtycke, annars bara din organisations steg. "
            + "ETag: planens version")
    ResponseEntity<PlanPage> plan(Actor actor, @PathVariable UUID personId) {
        PlanPage page = plans.page(actor, personId);
        var ok = ResponseEntity.ok();
        if (page.plan() != null) {
            ok.eTag(Versions.etag(page.plan().version()));
        }
        return ok.body(page);
    }

    @PostMapping("/persons/{personId}/plan")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Starta planen med de fyra spåren arbete, utbildning, hälsa och vardag")
    Plan create(Actor actor, @PathVariable UUID personId) {
        return plans.create(actor, personId);
    }

    @PutMapping("/persons/{personId}/plan")
    @Operation(summary = "Spara mål, styrkor, samordnare och nästa uppföljning; ange version (eller If-Match), utan "
            + "den 428; 409 med planen som den är sparad nu (current) om någon sparat efter version")
    ResponseEntity<Plan> update(Actor actor, @PathVariable UUID personId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody PlanInput input) {
        Plan plan = plans.update(actor, personId, input.withVersion(Versions.required(input.version(), ifMatch)));
        return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(plan);
    }

    @PostMapping("/persons/{personId}/plan/steps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Nytt steg som ägs av din organisation")
    PlanStep addStep(Actor actor, @PathVariable UUID personId, @RequestBody StepInput input) {
        return plans.addStep(actor, personId, input);
    }

    @GetMapping("/steps/{stepId}")
    @Operation(summary = "Ett steg. ETag: stegets version")
    ResponseEntity<PlanStep> step(Actor actor, @PathVariable UUID stepId) {
        PlanStep step = plans.step(actor, stepId);
        return ResponseEntity.ok().eTag(Versions.etag(step.version())).body(step);
    }

    @PutMapping("/steps/{stepId}")
    @Operation(summary = "Spara ett steg i din organisation; ange version (eller If-Match), utan den 428; 409 med "
            + "steget som det är sparat nu (current) om någon sparat efter version")
    ResponseEntity<PlanStep> updateStep(Actor actor, @PathVariable UUID stepId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody StepInput input) {
        PlanStep step = plans.updateStep(actor, stepId,
                input.withVersion(Versions.required(input.version(), ifMatch)));
        return ResponseEntity.ok().eTag(Versions.etag(step.version())).body(step);
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
    @Operation(summary = "Skriv ut med datum och utfall; ange inskrivningens version (eller If-Match), utan den 428; "
            + "409 med inskrivningen som den är sparad nu (current)")
    Enrolment discharge(Actor actor, @PathVariable UUID enrolmentId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody Discharge d) {
        return enrolments.discharge(actor, enrolmentId, d.endedOn(), d.endReason(),
                Versions.required(d.version(), ifMatch));
    }

    @PostMapping("/enrolments/{enrolmentId}/transfer")
    @Operation(summary = "Flytta till en annan insats; historiken behålls")
    Enrolment transfer(Actor actor, @PathVariable UUID enrolmentId, @RequestBody EnrolmentInput to) {
        return enrolments.transfer(actor, enrolmentId, to);
    }
}
