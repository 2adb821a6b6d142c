package se.lots.consent.internal;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lots.consent.Consent;
import se.lots.consent.ConsentService;
import se.lots.consent.LineDisclosure;
import se.lots.security.Actor;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Samtycken")
class ConsentApi {

    private final ConsentService consents;

    ConsentApi(ConsentService consents) {
        this.consents = consents;
    }

    @PostMapping("/consents/{id}/withdraw")
    @Operation(summary = "Återkalla ett samtycke; åtkomsten upphör omedelbart")
    Consent withdraw(Actor actor, @PathVariable UUID id) {
        return consents.withdraw(actor, id);
    }

    @PostMapping("/line-disclosures/{id}/withdraw")
    @Operation(summary = "Avsluta ett utlämnande till en annan verksamhetsgren; åtkomsten upphör omedelbart")
    LineDisclosure withdrawDisclosure(Actor actor, @PathVariable UUID id) {
        return consents.withdrawDisclosure(actor, id);
    }
}
