package se.lots.registry.internal;

import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lots.consent.Consent;
import se.lots.consent.LineDisclosure;
import se.lots.consent.NewLineDisclosure;
import se.lots.consent.ConsentService;
import se.lots.consent.EmergencyAccess;
import se.lots.consent.NewConsent;
import se.lots.registry.PersonInput;
import se.lots.registry.ProtectedIdentityChange;
import se.lots.registry.Rectification;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.registry.search.PersonSearch;
import se.lots.registry.search.PersonSummary;
import se.lots.registry.search.SearchResult;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.Versions;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Unga", description = "Registret över unga: registrera, söka, läsa; samtycken och nödåtkomst")
class PersonApi {

    private final RegistryService registry;
    private final PersonSearch persons;
    private final ConsentService consents;

    PersonApi(RegistryService registry, PersonSearch persons, ConsentService consents) {
        this.registry = registry;
        this.persons = persons;
        this.consents = consents;
    }

    @PostMapping
    @Operation(summary = "Registrera en ung person (409 om personnumret redan finns, med befintligt id)")
    ResponseEntity<PersonJson> register(Actor actor, @RequestBody PersonInput input) {
        YoungPerson p = registry.register(actor, input);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + p.id())).body(PersonJson.of(p));
    }

    @GetMapping
    @Operation(summary = "Sök på personnummer (alla format) eller del av namn; varje träff loggas")
    SearchJson search(Actor actor, @RequestParam String q, @RequestParam(defaultValue = "0") int page) {
        var result = persons.search(actor, q, page);
        return new SearchJson(result.persons(), result.page(), result.pageSize(),
                Math.min(result.total(), SearchResult.COUNT_CAP), result.totalCapped());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Läs en person (loggas); skyddad identitet visas utan adress. ETag: personens version")
    ResponseEntity<PersonJson> read(Actor actor, @PathVariable UUID id) {
        PersonJson p = PersonJson.of(registry.read(actor, id).person());
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Ändra en person; ange version (eller If-Match), utan den 428; en inaktuell version ger 409 "
            + "med personen som den är sparad nu (current). Skyddad identitet ändras inte här: ett annat värde på "
            + "protectedIdentity ger 400 (använd /protected-identity), utelämnat behålls det")
    ResponseEntity<PersonJson> update(Actor actor, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody PersonInput input) {
        int version = Versions.required(input.version(), ifMatch);
        try {
            PersonJson p = PersonJson.of(registry.update(actor, id, input.withVersion(version)));
            return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
        } catch (ConflictException e) {
            throw e.withCurrent(PersonJson.of(registry.read(actor, id).person()));
        }
    }

    @PostMapping("/{id}/protected-identity")
    @Operation(summary = "Sätt eller häv skyddad identitet (protectedIdentity true/false) med skäl (minst 10 tecken); "
            + "ange version (eller If-Match). Sätta: den som arbetar med personen i organisationen som har posten; "
            + "häva: endast KAA-samordnare eller insatsledare där (annars 403). Att sätta raderar den lagrade adressen. "
            + "Loggas som egen händelse med skälet")
    ResponseEntity<PersonJson> changeProtectedIdentity(Actor actor, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ProtectedIdentityChange change) {
        int version = Versions.required(change.version(), ifMatch);
        try {
            PersonJson p = PersonJson.of(registry.changeProtectedIdentity(actor, id, change.withVersion(version)));
            return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
        } catch (ConflictException e) {
            throw e.withCurrent(PersonJson.of(registry.read(actor, id).person()));
        }
    }

    @PostMapping("/{id}/rectification")
    @Operation(summary = "Rättelse (GDPR art. 16) på personens begäran: values (fält -> rätt värde, t.ex. "
            + "{\"lastName\": \"Ek\"}), reason (krävs) och version (eller If-Match). Endast organisationen som har "
            + "posten. Loggas som egen händelse (RECTIFICATION) med värdet före och efter; skyddad adress skrivs som "
            + "\"skyddad\"")
    ResponseEntity<PersonJson> rectify(Actor actor, @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody Rectification rectification) {
        int version = Versions.required(rectification.version(), ifMatch);
        try {
            PersonJson p = PersonJson.of(registry.rectify(actor, id, rectification.withVersion(version)));
            return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
        } catch (ConflictException e) {
            throw e.withCurrent(PersonJson.of(registry.read(actor, id).person()));
        }
    }

    @PostMapping("/{id}/consents")
    @Operation(summary = "Registrera den unges samtycke till att dela posten med en annan organisation")
    ResponseEntity<Consent> recordConsent(Actor actor, @PathVariable UUID id, @RequestBody NewConsent consent) {
        Consent c = consents.record(actor, id, registry.ownerOf(id), consent);
        return ResponseEntity.created(URI.create("/api/v1/consents/" + c.id())).body(c);
    }

    @GetMapping("/{id}/consents")
    @Operation(summary = "Personens samtycken (kräver åtkomst till personen; loggas)")
    List<Consent> consents(Actor actor, @PathVariable UUID id) {
        registry.read(actor, id);
        return consents.forPerson(id);
    }

    @PostMapping("/{id}/line-disclosures")
    @Operation(summary = "Lämna ut posten till en annan nämnd eller verksamhetsgren i den egna organisationen, med "
            + "lagstödet (OSL 12 kap. 2 §, 10 kap. 2 § eller 10 kap. 28 §); bara den verksamhetsgren som har posten")
    ResponseEntity<LineDisclosure> disclose(Actor actor, @PathVariable UUID id,
            @RequestBody NewLineDisclosure disclosure) {
        LineDisclosure d = consents.disclose(actor, id, registry.ownerOf(id), disclosure);
        return ResponseEntity.created(URI.create("/api/v1/line-disclosures/" + d.id())).body(d);
    }

    @GetMapping("/{id}/line-disclosures")
    @Operation(summary = "Posten utlämnad till andra verksamhetsgrenar (kräver åtkomst till personen; loggas)")
    List<LineDisclosure> disclosures(Actor actor, @PathVariable UUID id) {
        registry.read(actor, id);
        return consents.disclosuresFor(id);
    }

    @PostMapping("/{id}/emergency-access")
    @Operation(summary = "Nödåtkomst: öppna posten utan samtycke under begränsad tid, med skäl (flaggas i loggen)")
    ResponseEntity<EmergencyAccess> breakGlass(Actor actor, @PathVariable UUID id, @RequestBody ReasonJson body) {
        registry.ownerOf(id);
        return ResponseEntity.status(HttpStatus.CREATED).body(consents.breakGlass(actor, id, body.reason()));
    }

    record SearchJson(List<PersonSummary> persons, int page, int pageSize, long total, boolean more) {
    }

    record ReasonJson(String reason) {
    }
}
