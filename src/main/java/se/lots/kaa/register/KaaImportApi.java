package se.lots.kaa.register;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.lots.kaa.ExitReason;
import se.lots.kaa.ImportPreview;
import se.lots.kaa.KaaImportService;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.Validation;

/**
 * The school's list over REST, in the page's two steps: upload keeps the file and answers with the preview (nothing
 * else is saved), confirm with the preview's digest does it all at once, or discard drops the file. The same
 * service as the page, so the same formats, limits, checks, access (the KAA coordinator only) and audit.
 */
@RestController
@RequestMapping("/api/v1/kaa/imports")
@Tag(name = "KAA – skolans lista", description = "Läs in skolans KAA-lista (CSV eller .xlsx, som på sidan "
        + "Läs in KAA-lista): ladda upp, granska förhandsgranskningen, bekräfta med dess digest eller kasta. Bara "
        + "kommunens KAA-samordnare.")
class KaaImportApi {

    // the API speaks Swedish, as its errors do (web's ApiErrorHandler): the preview's messages too
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final KaaImportService imports;

    KaaImportApi(KaaImportService imports) {
        this.imports = imports;
    }

    /** What to do with the episodes the preview lists under {@code closing}; {@code exitReason} null keeps one open. */
    record ExitDecision(UUID episodeId, String exitReason) {
    }

    /**
     * The preview's {@code digest}, and a decision for each closing episode where the suggestion is not wanted:
     * episodes not named keep the suggested reason, or stay open when the list gave none.
     */
    record ImportConfirmation(String digest, List<ExitDecision> decisions) {
    }

    @GetMapping
    @Operation(summary = "De senaste 20 inläsningarna: fil, läge, antal rader per utfall, vem och när")
    List<KaaImports.ImportRecord> history(Actor actor) {
        return imports.recent(actor);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ladda upp listan (fältet file: CSV med semikolon, komma eller tabb i UTF-8 eller "
            + "Windows-1252, eller .xlsx; högst 50 MB). Svaret är förhandsgranskningen: nya, ändrade, oförändrade, "
            + "som avslutas, utanför målgruppen och rader med fel (rad som i Excel, kolumnen som i filen, svenskt "
            + "meddelande). Inget i registret ändras förrän inläsningen bekräftas; personerna som visas loggas")
    ResponseEntity<ImportPreview> upload(Actor actor,
            @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "file.required");
        }
        ImportPreview preview = imports.upload(actor, file.getOriginalFilename(), file.getBytes(), SWEDISH);
        return ResponseEntity.created(URI.create("/api/v1/kaa/imports/" + preview.importId())).body(preview);
    }

    @GetMapping("/{importId}")
    @Operation(summary = "Förhandsgranskningen av en uppladdad fil igen, räknad mot registret som det är nu "
            + "(loggas); 404 när inläsningen redan är bekräftad eller kastad")
    ImportPreview preview(Actor actor, @PathVariable UUID importId) {
        return imports.preview(actor, importId, SWEDISH);
    }

    @PostMapping("/{importId}/confirm")
    @Operation(summary = "Bekräfta: allt i förhandsgranskningen sparas i en transaktion. 400 som namnger varje rad "
            + "och kolumn med fel om filen har fel (inget sparas); 409 om registret har ändrats sedan digest")
    ImportPreview confirm(Actor actor, @PathVariable UUID importId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Bekräfta",
                            value = """
                                    {"digest": "3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60",
                                     "decisions": [
                                       {"episodeId": "7d3e2f9a-1b4c-4e8d-9a6f-2c5b8e1d4a70",
                                        "exitReason": "PABORJAT_NATIONELLT_PROGRAM"},
                                       {"episodeId": "0b6f4d2e-8a1c-4f3b-9e7d-5c2a1f8e6b93", "exitReason": null}]}""")))
            @RequestBody ImportConfirmation confirmation) {
        var v = new Validation();
        v.require("digest", confirmation.digest());
        var decisions = new HashMap<UUID, ExitReason>();
        List<ExitDecision> named = confirmation.decisions() == null ? List.of() : confirmation.decisions();
        for (int i = 0; i < named.size(); i++) {
            ExitDecision d = named.get(i);
            if (d == null) {
                v.reject("decisions[" + i + "]", "validation.required");
                continue;
            }
            v.require("decisions[" + i + "].episodeId", d.episodeId());
            ExitReason reason = v.enumValue("decisions[" + i + "].exitReason", d.exitReason(), ExitReason.class,
                    false);
            if (d.episodeId() != null) {
                decisions.put(d.episodeId(), reason);
            }
        }
        v.throwIfInvalid();
        return imports.confirm(actor, importId, confirmation.digest(), decisions, SWEDISH);
    }

    @PostMapping("/{importId}/discard")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Avbryt inläsningen: filen tas bort, posten om inläsningen blir kvar i historiken")
    void discard(Actor actor, @PathVariable UUID importId) {
        imports.discard(actor, importId);
    }
}
