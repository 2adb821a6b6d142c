package se.lots.federation.application;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import se.lots.security.Actor;

/** Applications to the förbund and the officer's proposals over REST, with the pages' rules. */
@RestController
@RequestMapping("/api/v1/federation/applications")
@Tag(name = "Samordningsförbund: ansökningar")
class ApplicationApi {

    private final ApplicationService service;

    ApplicationApi(ApplicationService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Förbundets ansökningar (förbundstjänsteperson) eller den egna organisationens "
            + "(insatsansvarig), senaste först")
    List<ApplicationSummary> list(Actor actor) {
        return service.list(actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Skicka in en ansökan (insatsansvarig i en medlemsorganisation). Kind PROGRAMME kräver "
            + "minst två av de fyra parterna, flera kommuner räknas som en (lag 2003:1210, 5 § andra stycket och 7 §)")
    Application submit(Actor actor, @RequestBody ApplicationInput input) {
        return service.submit(actor, input);
    }

    @GetMapping("/{id}")
    @Operation(summary = "En ansökan med beslut (och förslag, för förbundstjänstepersonen)")
    Application application(Actor actor, @PathVariable long id) {
        return service.application(actor, id);
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Återkalla ansökan innan styrelsen beslutat; 409 när den är beslutad eller återkallad")
    Application withdraw(Actor actor, @PathVariable long id) {
        return service.withdraw(actor, id);
    }

    @PostMapping("/{id}/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Förslag till beslut (förbundstjänsteperson); ett nytt förslag följer det senaste, som "
            + "currentProposalId ska ange (409 med det senaste som current annars)")
    FundingProposal propose(Actor actor, @PathVariable long id, @RequestBody ProposalInput input) {
        return service.propose(actor, id, input);
    }
}
