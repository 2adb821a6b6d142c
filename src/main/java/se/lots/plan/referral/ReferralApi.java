package se.lots.plan.referral;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.lots.plan.ReferralInput;
import se.lots.plan.ReferralService;
import se.lots.security.Actor;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Remisser")
class ReferralApi {

    /** A status change as the client sends it. */
    record StatusChange(String status, String reason, Integer version) {
    }

    private final ReferralService referrals;

    ReferralApi(ReferralService referrals) {
        this.referrals = referrals;
    }

    @PostMapping("/persons/{personId}/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Skicka en remiss; till en annan organisation krävs samtycke som omfattar planen")
    Referral send(Actor actor, @PathVariable UUID personId, @RequestBody ReferralInput input) {
        return referrals.send(actor, personId, input);
    }

    @GetMapping("/persons/{personId}/referrals")
    @Operation(summary = "Den unges remisser som den egna organisationen får se")
    List<Referral> forPerson(Actor actor, @PathVariable UUID personId) {
        return referrals.forPerson(actor, personId);
    }

    @GetMapping("/referrals/incoming")
    @Operation(summary = "Inkomna remisser till den egna organisationen, öppna först")
    List<Referral> incoming(Actor actor) {
        return referrals.incoming(actor);
    }

    @GetMapping("/referrals/outgoing")
    @Operation(summary = "Remisser som den egna organisationen har skickat, öppna först")
    List<Referral> outgoing(Actor actor) {
        return referrals.outgoing(actor);
    }

    @GetMapping("/referrals/{id}")
    @Operation(summary = "En remiss. ETag: remissens version")
    ResponseEntity<Referral> get(Actor actor, @PathVariable UUID id) {
        Referral r = referrals.get(actor, id);
        return ResponseEntity.ok().eTag(Versions.etag(r.version())).body(r);
    }

    @PostMapping("/referrals/{id}/status")
    @Operation(summary = "Ändra en remiss status: mottagaren tar emot, accepterar, avböjer, påbörjar och avslutar; "
            + "avsändaren återkallar. Ange remissens version (eller If-Match), utan den 428; 409 med remissen som den är "
            + "sparad nu (current)")
    Referral move(Actor actor, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody StatusChange change) {
        int version = Versions.required(change.version(), ifMatch);
        var v = new Validation();
        ReferralStatus to = v.enumValue("status", change.status(), ReferralStatus.class, true);
        v.throwIfInvalid();
        return referrals.move(actor, id, to, change.reason(), version);
    }

    @GetMapping("/referrals/waiting-times")
    @Operation(summary = "Väntetider per mottagare: skickade, påbörjade, avslutade, obesvarade, median och medel "
            + "dagar från skickad till påbörjad")
    List<WaitingTime> waitingTimes(Actor actor) {
        return referrals.waitingTimes(actor);
    }
}
