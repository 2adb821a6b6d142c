package se.lots.kaa.figures;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.lots.security.Actor;
import se.lots.shared.SmallCountSuppression.Cell;

/**
 * The half-year KAA figures over REST, from the service the figures page uses. A count that small-count suppression
 * hides is sent without its number: {@code count} is null and {@code text} is what a report prints ("<5", "..").
 */
@RestController
@RequestMapping("/api/v1/kaa/figures")
@Tag(name = "KAA – halvårsuppgifter", description = "Halvårsuppgifterna om kommunens KAA-register (det SCB samlar "
        + "in per halvår) och filen per person till SCB.")
class KaaFiguresApi {

    // the labels in Swedish, as the API's messages are
    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

    private final KaaFiguresService figures;

    KaaFiguresApi(KaaFiguresService figures) {
        this.figures = figures;
    }

    /** A published count: {@code count} null when it is hidden, {@code text} as a report prints it. */
    record KaaFigureCount(Long count, String text) {

        static KaaFigureCount of(Cell cell) {
            return new KaaFigureCount(cell.hidden() ? null : cell.count(), cell.text());
        }
    }

    record KaaFigureRow(String key, String label, KaaFigureCount count) {
    }

    record KaaFigureTable(String id, String title, List<KaaFigureRow> rows, KaaFigureCount total) {
    }

    record KaaHalfYearFigures(String half, LocalDate periodStart, LocalDate periodEnd, boolean forReporting,
            KaaFigureCount total, List<KaaFigureTable> tables) {

        static KaaHalfYearFigures of(KaaFiguresService.Figures f) {
            return new KaaHalfYearFigures(f.half().toString(), f.half().start(), f.half().end(), f.forReporting(),
                    KaaFigureCount.of(f.total()), f.tables().stream().map(KaaHalfYearFigures::table).toList());
        }

        private static KaaFigureTable table(KaaFiguresService.Table t) {
            return new KaaFigureTable(t.id(), t.title(), t.rows().stream()
                    .map(r -> new KaaFigureRow(r.key(), r.label(), KaaFigureCount.of(r.cell()))).toList(),
                    KaaFigureCount.of(t.total()));
        }
    }

    @GetMapping("/{half}")
    @Operation(summary = "Halvårsuppgifterna (tabellerna REASON, STATUS, AGE, GENDER, OFFERED, UNDER_WAY, "
            + "DECLINED_FIRST, EXIT) för din kommun. Exakta som på sidan; med reporting=true med små tal dolda, som "
            + "de lämnar KAA-rollen")
    KaaHalfYearFigures halfYear(Actor actor,
            @Parameter(description = "halvåret, t.ex. 2026H1 (januari–juni) eller 2026H2") @PathVariable String half,
            @Parameter(description = "true: dölj tal 1–4 (<5) och det som annars kan räknas fram (..)")
            @RequestParam(defaultValue = "false") boolean reporting) {
        return KaaHalfYearFigures.of(figures.figures(actor, HalfYear.parse(half), reporting, SWEDISH));
    }

    @GetMapping("/{half}/scb")
    @Operation(summary = "Filen per person till SCB för halvåret (CSV, som sidan ger den). Personuppgifter: bara "
            + "KAA-samordnaren, och varje person i filen loggas som export")
    @ApiResponse(responseCode = "200", description = "UTF-8, semikolon, rubrikrad, en rad per person (docs/kaa.md)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ResponseEntity<byte[]> scb(Actor actor,
            @Parameter(description = "halvåret, t.ex. 2026H1") @PathVariable String half) {
        KaaFiguresService.Download d = figures.scbFile(actor, HalfYear.parse(half));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build()
                                .toString())
                .contentType(MediaType.parseMediaType(d.contentType())).body(d.content());
    }
}
