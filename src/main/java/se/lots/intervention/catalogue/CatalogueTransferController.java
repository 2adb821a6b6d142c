package se.lots.intervention.catalogue;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.intervention.coverage.CoverageFilter;
import se.lots.intervention.coverage.CoverageService;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;

/** The catalogue and the coverage map to xlsx (everyone logged in); the catalogue from xlsx (ADMIN, förbund). */
@Controller
class CatalogueTransferController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CatalogueTransfer transfer;
    private final CatalogueImportService imports;
    private final CoverageService coverage;
    private final MessageSource messages;
    private final Clock clock;

    CatalogueTransferController(CatalogueTransfer transfer, CatalogueImportService imports, CoverageService coverage,
            MessageSource messages, Clock clock) {
        this.transfer = transfer;
        this.imports = imports;
        this.coverage = coverage;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/insatser/export.xlsx")
    ResponseEntity<byte[]> exportCatalogue(Actor actor) {
        return file("insatskatalog-" + LocalDate.now(clock) + ".xlsx", transfer.export(actor));
    }

    @GetMapping("/insatser/karta/export.xlsx")
    ResponseEntity<byte[]> exportCoverage(@RequestParam(required = false) String area,
            @RequestParam(required = false) String party, Locale locale) {
        var matrix = coverage.matrix(CoverageFilter.parse(area, party, null));
        return file("tackningskarta-" + LocalDate.now(clock) + ".xlsx",
                CatalogueWorkbook.coverage(matrix, messages, locale));
    }

    @GetMapping("/insatser/import")
    String form(Actor actor, Model model) {
        model.addAttribute("history", imports.recent(actor));
        return "intervention/import";
    }

    @PostMapping("/insatser/import")
    String upload(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", messages.getMessage("file.required", null, locale));
            return form(actor, model);
        }
        model.addAttribute("preview", imports.upload(actor, file.getOriginalFilename(), file.getBytes(), locale));
        return "intervention/import-preview";
    }

    @GetMapping("/insatser/import/{id}")
    String preview(Actor actor, @PathVariable UUID id, Model model, Locale locale) {
        model.addAttribute("preview", imports.preview(actor, id, locale));
        return "intervention/import-preview";
    }

    @PostMapping("/insatser/import/{id}/confirm")
    String confirm(Actor actor, @PathVariable UUID id, @RequestParam String digest,
            @RequestParam(defaultValue = "false") boolean retireMissing,
            @RequestParam(defaultValue = "") String missingDigest, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            var done = imports.confirm(actor, id, digest, retireMissing, missingDigest, locale);
            redirect.addFlashAttribute("done", messages.getMessage("catalogue.import.done",
                    new Object[] { done.added().size(), done.changed().size(), done.changedProviders().size(),
                            retireMissing ? done.missing().size() : 0 }, locale));
            return "redirect:/insatser/import";
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.messageKey());
            return preview(actor, id, model, locale);
        }
    }

    private static ResponseEntity<byte[]> file(String name, byte[] content) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .body(content);
    }
}
