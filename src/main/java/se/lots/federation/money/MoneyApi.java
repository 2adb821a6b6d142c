package se.lots.federation.money;

import java.io.IOException;
import java.net.URI;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.lots.federation.money.MoneyService.AnnualBudgetInput;
import se.lots.federation.money.MoneyService.AreaInput;
import se.lots.federation.money.MoneyService.BudgetLineInput;
import se.lots.federation.money.MoneyService.PaymentInput;
import se.lots.federation.money.MoneyService.ReturnInput;
import se.lots.federation.money.MoneyService.UseInput;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.Validation;

/**
 * The förbund's money over REST, through the service the pages use: the same checks, access (the förbund's officer;
 * the programme's lead for its money page and its use) and audit. Amounts are text as people type them ("12 500,50").
 */
@RestController
@RequestMapping("/api/v1/federation/money")
@Tag(name = "Samordningsförbund – ekonomi", description = "Förbundets år (budget mot beslutat), insatsernas budget "
        + "per år och finansiär, beviljat (bokförs från styrelsens beslut), utbetalt, förbrukat per kvartal och "
        + "återfört, med varningar när förbrukningen går före det beviljade eller före utbetalningarna.")
class MoneyApi {

    // the API speaks Swedish, as its errors do (web's ApiErrorHandler): the preview's messages too
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final MoneyService money;

    MoneyApi(MoneyService money) {
        this.money = money;
    }

    /** The förbund's budget for the year of the path: total and areas; {@code version} as read, null when new. */
    record AnnualBudgetBody(String total, List<AreaInput> areas, Integer version) {
    }

    /** The preview's {@code digest}; {@code confirmAboveGrant} when a programme's use would exceed its grant. */
    record UseImportConfirmation(String digest, Boolean confirmAboveGrant) {
    }

    @GetMapping("/years/{year}")
    @Operation(summary = "Förbundets år: budget totalt och per område mot beslutat (alla beviljade medel för året) "
            + "och vad som är kvar, varje insats rad (budget, beviljat, utbetalt, förbrukat, återfört, varningar) och "
            + "de strukturövergripande aktiviteternas beviljade medel. Bara förbundets tjänsteperson")
    FederationYear year(Actor actor, @PathVariable int year) {
        return money.year(actor, year);
    }

    @PostMapping("/years/{year}/budget")
    @Operation(summary = "Lägg in eller ändra förbundets budget för året; områdena får tillsammans inte överstiga "
            + "totalen. version som den lästes (null för ett år utan budget); 409 om någon annan har ändrat den")
    FederationYear annualBudget(Actor actor, @PathVariable int year,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Budget 2026",
                            value = """
                                    {"total": "4 200 000", "version": null,
                                     "areas": [{"area": "Individinriktade insatser", "amount": "3 000 000"},
                                               {"area": "Strukturövergripande insatser", "amount": "600 000"},
                                               {"area": "Kansli", "amount": "600 000"}]}""")))
            @RequestBody AnnualBudgetBody body) {
        money.setAnnualBudget(actor, new AnnualBudgetInput(String.valueOf(year), body.total(), body.areas(),
                body.version()));
        return money.year(actor, year);
    }

    @GetMapping("/programmes/{programmeId}")
    @Operation(summary = "En insats ekonomi för året (year, standard i år): budgetrader, beviljat, utbetalningar, "
            + "förbrukat per kvartal, återfört och varningar. Förbundets tjänsteperson och ägarorganisationens "
            + "insatsledare")
    ProgrammeMoney programme(Actor actor, @PathVariable long programmeId,
            @RequestParam(required = false) Integer year) {
        return money.programme(actor, programmeId, year == null ? money.currentYear() : year);
    }

    @PostMapping("/programmes/{programmeId}/budget-lines")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "En budgetrad: år, en av insatsens finansiärer (funderId) eller en namngiven (funderName), "
            + "belopp. En rad per finansiär och år")
    ProgrammeMoney budgetLine(Actor actor, @PathVariable long programmeId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Statsbidrag",
                            value = """
                                    {"year": "2026", "funderId": null, "funderName": "Statsbidrag",
                                     "amount": "150 000"}""")))
            @RequestBody BudgetLineInput input) {
        money.addBudgetLine(actor, programmeId, input);
        return programme(actor, programmeId, parsedYear(input.year()));
    }

    @DeleteMapping("/programmes/{programmeId}/budget-lines/{lineId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Ta bort en budgetrad")
    void removeBudgetLine(Actor actor, @PathVariable long programmeId, @PathVariable long lineId) {
        money.removeBudgetLine(actor, programmeId, lineId);
    }

    @PostMapping("/programmes/{programmeId}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "En utbetalning till insatsen: dag (inte i framtiden) och belopp")
    ProgrammeMoney payment(Actor actor, @PathVariable long programmeId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Utbetalning",
                            value = """
                                    {"paidOn": "2026-02-15", "amount": "125 000", "note": "Första kvartalet"}""")))
            @RequestBody PaymentInput input) {
        money.addPayment(actor, programmeId, input);
        return programme(actor, programmeId, yearOf(input.paidOn()));
    }

    @PostMapping("/programmes/{programmeId}/uses")
    @Operation(summary = "Förbrukat under ett kvartal (1–4); ett kvartal som redan finns rättas (version som det "
            + "lästes, 409 om det ändrats sedan). 400 på confirmAboveGrant om årets förbrukning då blir större än "
            + "beviljat och det inte bekräftas. Förbundets tjänsteperson och insatsens ledare")
    ProgrammeLine use(Actor actor, @PathVariable long programmeId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Kvartal 1",
                            value = """
                                    {"year": "2026", "quarter": "1", "amount": "98 500,50",
                                     "confirmAboveGrant": false, "version": null}""")))
            @RequestBody UseInput input) {
        return money.enterUse(actor, programmeId, input);
    }

    @PostMapping("/programmes/{programmeId}/returns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Medel som insatsen har återfört till förbundet: dag, belopp och skäl")
    ProgrammeMoney moneyReturned(Actor actor, @PathVariable long programmeId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Återfört",
                            value = """
                                    {"returnedOn": "2026-12-20", "amount": "12 000",
                                     "reason": "Tjänsten var vakant i två månader"}""")))
            @RequestBody ReturnInput input) {
        money.addReturn(actor, programmeId, input);
        return programme(actor, programmeId, yearOf(input.returnedOn()));
    }

    @GetMapping("/imports")
    @Operation(summary = "De senaste 20 inläsningarna av förbrukning: fil, läge, antal rader per utfall, vem och när")
    List<MoneyImports.UseImportRecord> imports(Actor actor) {
        return money.recentImports(actor);
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ladda upp förbrukning per kvartal (fältet file: .xlsx eller CSV med kolumnerna "
            + "Diarienummer eller Insats, År, Kvartal, Förbrukat). Svaret är förhandsgranskningen: nya och rättade "
            + "kvartal, rader med fel (rad som i Excel, kolumnen som i filen) och insatser vars förbrukning då blir "
            + "större än beviljat. Inget sparas förrän inläsningen bekräftas")
    ResponseEntity<UsePreview> upload(Actor actor,
            @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "file.required");
        }
        UsePreview preview = money.uploadUse(actor, file.getOriginalFilename(), file.getBytes(), SWEDISH);
        return ResponseEntity.created(URI.create("/api/v1/federation/money/imports/" + preview.importId()))
                .body(preview);
    }

    @GetMapping("/imports/{importId}")
    @Operation(summary = "Förhandsgranskningen av en uppladdad fil igen; 404 när den redan är bekräftad eller kastad")
    UsePreview preview(Actor actor, @PathVariable UUID importId) {
        return money.previewUse(actor, importId, SWEDISH);
    }

    @PostMapping("/imports/{importId}/confirm")
    @Operation(summary = "Bekräfta: alla rader sparas i en transaktion, eller inga. 400 om filen har fel eller om "
            + "förbrukningen blir större än beviljat utan confirmAboveGrant; 409 om förbrukningen ändrats sedan")
    UsePreview confirm(Actor actor, @PathVariable UUID importId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(name = "Bekräfta",
                            value = """
                                    {"digest": "3f1c0e9a7b2d4c6e8f0a1b2c3d4e5f60", "confirmAboveGrant": false}""")))
            @RequestBody UseImportConfirmation confirmation) {
        new Validation().require("digest", confirmation.digest()).throwIfInvalid();
        return money.confirmUse(actor, importId, confirmation.digest(),
                Boolean.TRUE.equals(confirmation.confirmAboveGrant()), SWEDISH);
    }

    @PostMapping("/imports/{importId}/discard")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Avbryt inläsningen: filen tas bort, posten om inläsningen blir kvar i historiken")
    void discard(Actor actor, @PathVariable UUID importId) {
        money.discardUse(actor, importId);
    }

    /** The year of an ISO date, as the answer shows the programme's year of the money just entered. */
    private static Integer yearOf(String date) {
        return date == null || date.length() < 4 ? null : parsedYear(date.substring(0, 4));
    }

    private static Integer parsedYear(String year) {
        return year != null && year.strip().matches("[0-9]{4}") ? Integer.valueOf(year.strip()) : null;
    }
}
