package se.lots.kaa.figures;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;

@Controller
@RequestMapping("/kaa/figures")
class KaaFiguresController {

    private final KaaFiguresService figures;
    private final MessageSource messages;

    KaaFiguresController(KaaFiguresService figures, MessageSource messages) {
        this.figures = figures;
        this.messages = messages;
    }

    @GetMapping
    String page(Actor actor, @RequestParam(required = false) String half,
            @RequestParam(defaultValue = "false") boolean reporting, Model model, Locale locale) {
        HalfYear shown = figures.currentHalf();
        if (half != null && !half.isBlank()) {
            try {
                shown = HalfYear.parse(half);
            } catch (InvalidInputException e) {
                model.addAttribute("halfError", messages.getMessage("kaa.figures.invalidHalf", null, locale));
            }
        }
        var shownFigures = figures.figures(actor, shown, reporting, locale);
        var trend = figures.trend(actor, KaaFiguresService.TREND_MONTHS, reporting);
        model.addAttribute("figures", shownFigures);
        model.addAttribute("charts", shownFigures.tables().stream()
                .map(t -> FigureCharts.table(t, messages, locale)).toList());
        model.addAttribute("trend", trend);
        model.addAttribute("trendChart", FigureCharts.trend(trend, "trend-chart", false, messages, locale));
        model.addAttribute("half", shown);
        model.addAttribute("reporting", reporting);
        return "kaa/figures";
    }

    @GetMapping("/xlsx")
    ResponseEntity<byte[]> xlsx(Actor actor, @RequestParam String half, Locale locale) {
        return download(figures.xlsx(actor, HalfYear.parse(half), locale));
    }

    @GetMapping("/scb")
    ResponseEntity<byte[]> scb(Actor actor, @RequestParam String half) {
        return download(figures.scbFile(actor, HalfYear.parse(half)));
    }

    private static ResponseEntity<byte[]> download(KaaFiguresService.Download d) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build()
                                .toString())
                .contentType(MediaType.parseMediaType(d.contentType())).body(d.content());
    }
}
