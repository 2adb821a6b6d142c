package se.lots.federation.member;

import java.util.List;

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

/** The förbund's members and area as JSON, for the förbund's own officers (403 for anyone else). */
@RestController
@RequestMapping("/api/v1/federation/members")
@Tag(name = "Förbundets medlemmar", description = "Samordningsförbundets medlemmar bland de fyra parterna "
        + "(kommun, region, Arbetsförmedlingen, Försäkringskassan) med dag för inträde och utträde, förbundets "
        + "område (kommunkoder) och bidragsandelarna enligt lag (2003:1210) 5 §. Bara förbundets tjänstepersoner.")
class MembershipApi {

    private final MembershipService service;

    MembershipApi(MembershipService service) {
        this.service = service;
    }

    /** The end of a membership: the day the member left (ÅÅÅÅ-MM-DD). */
    record Ending(String leftOn) {
    }

    /** The förbund's area: the municipalities' codes (kommunkoder). */
    record AreaCodes(List<String> municipalityCodes) {
    }

    @GetMapping
    @Operation(summary = "Förbundet: medlemmar (nuvarande och tidigare), område, lagens bidragsandelar i procent och "
            + "de parter som 3 § kräver men som saknas bland medlemmarna")
    Federation federation(Actor actor) {
        return service.federation(actor);
    }

    @GetMapping("/candidates")
    @Operation(summary = "Organisationer bland de fyra parterna som kan bli medlemmar (har aldrig varit det)")
    List<PartyOrganisation> candidates(Actor actor) {
        return service.candidates(actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ny medlem: en organisation bland de fyra parterna med dag för inträde (och utträde); 400 "
            + "med fältet namngivet om organisationen inte är en part eller redan är medlem, eller datumen är i fel "
            + "ordning")
    Member add(Actor actor, @RequestBody MemberInput input) {
        return service.addMember(actor, input);
    }

    @PostMapping("/{memberId}/end")
    @Operation(summary = "Avsluta ett medlemskap med dag för utträde; medlemskapet finns kvar som tidigare")
    Member end(Actor actor, @PathVariable long memberId, @RequestBody Ending ending) {
        return service.endMembership(actor, memberId, ending.leftOn());
    }

    @PutMapping("/area")
    @Operation(summary = "Förbundets område: alla kommuner det omfattar, som kommunkoder")
    Federation area(Actor actor, @RequestBody AreaCodes area) {
        return service.setArea(actor, area.municipalityCodes());
    }
}
