package se.lots.organisation.internal;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.OrganisationUnit;
import se.lots.organisation.Organisations;
import se.lots.organisation.UserAccount;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisationer och användare")
class OrganisationApi {

    private final OrganisationService service;
    private final Organisations organisations;

    OrganisationApi(OrganisationService service, Organisations organisations) {
        this.service = service;
        this.organisations = organisations;
    }

    @PostMapping("/organisations")
    @Operation(summary = "Skapa organisation (ADMIN)")
    ResponseEntity<Organisation> create(@RequestBody NewOrganisation organisation) {
        Organisation o = service.create(organisation);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + o.id())).body(o);
    }

    @GetMapping("/organisations")
    @Operation(summary = "Alla organisationer")
    List<Organisation> all() {
        return organisations.all();
    }

    @GetMapping("/organisations/{id}/units")
    @Operation(summary = "En organisations enheter")
    List<OrganisationUnit> units(
            @Parameter(schema = @Schema(type = "integer", format = "int64")) @PathVariable OrganisationId id) {
        return organisations.units(id);
    }

    @PostMapping("/users/{id}/deactivate")
    @Operation(summary = "Inaktivera ett konto (ADMIN): det kan inte logga in, och en öppen session upphör vid nästa "
            + "anrop. Det egna kontot kan inte inaktiveras.")
    UserAccount deactivate(@PathVariable long id, Principal admin) {
        return service.setActive(id, false, admin.getName());
    }

    @PostMapping("/users/{id}/activate")
    @Operation(summary = "Aktivera ett inaktiverat konto igen (ADMIN)")
    UserAccount activate(@PathVariable long id, Principal admin) {
        return service.setActive(id, true, admin.getName());
    }

    @PostMapping("/users")
    @Operation(summary = "Skapa användare (ADMIN); lösenordet lagras som bcrypt-hash")
    ResponseEntity<UserAccount> createUser(@RequestBody NewUser user) {
        UserAccount u = service.createUser(user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + u.id())).body(u);
    }
}
