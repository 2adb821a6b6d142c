package se.lots.progression.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.progression.FinsamExport;
import se.lots.progression.FinsamOverview;
import se.lots.progression.FixedPeriod;
import se.lots.progression.FunderReport;
import se.lots.progression.FunderReportService;
import se.lots.progression.GoalIndicator;
import se.lots.progression.GoalInput;
import se.lots.progression.GoalResult;
import se.lots.progression.ProgrammeGoal;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;
import se.lots.shared.chart.Chart;

/**
 * The programme goals page ({@code /programmes/{id}/mal}), the funder's report ({@code /programmes/{id}/rapport}) and
 * Uppföljning Finsam over every programme ({@code /uppfoljning/finsam}).
 */
@Controller
class FunderReportController {

    private final FunderReportService service;
    private final FunderReportPdf pdf;
    private final MessageSource messages;

    FunderReportController(FunderReportService service, FunderReportPdf pdf, MessageSource messages) {
        this.service = service;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/programmes/{id}/mal")
    String goals(Actor actor, @PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            Locale locale) {
        FunderReportService.Period shown;
        if (service.seesIndividuals(actor, id)) {
            shown = period(from, to, model, locale);
        } else {
            FixedPeriod q = fixedPeriod(period, from, to, model, locale);
            shown = asPeriod(q);
            model.addAttribute("periods", service.publishedPeriods());
            model.addAttribute("fixed", q);
        }
        goalsPage(actor, id, shown, model, locale);
        return "progression/goals";
    }

    private void goalsPage(Actor actor, long id, FunderReportService.Period period, Model model, Locale locale) {
        model.addAttribute("programme", service.programme(id));
        model.addAttribute("period", period);
        List<GoalResult> results = service.measure(actor, id, period);
        model.addAttribute("results", results);
        model.addAttribute("individuals", service.seesIndividuals(actor, id));
        model.addAttribute("edits", service.editsGoals(actor, id));
        // the förbund's officers and analysts come from Uppföljning Finsam and never open the participants
        model.addAttribute("followsParticipants", actor.role().readsPersonalData());
        model.addAttribute("indicators", GoalIndicator.values());
        model.addAttribute("charts", goalCharts(results, locale));
    }

    private List<Chart> goalCharts(List<GoalResult> results, Locale locale) {
        var charts = new ArrayList<Chart>();
        for (GoalResult g : results) {
            ProgrammeGoal goal = g.goal();
            String text = messages.getMessage("progression.goal.indicator." + goal.indicator(),
                    new Object[] { goal.ageFrom(), goal.ageTo(), goal.withinMonths() }, locale);
            charts.add(ReportCharts.goal(g, "goal-chart-" + goal.id(), text, false, messages, locale));
        }
        return charts;
    }

    @PostMapping("/programmes/{id}/mal")
    String addGoal(Actor actor, @PathVariable long id, GoalInput input, RedirectAttributes redirect, Locale locale) {
        try {
            service.addGoal(actor, id, input);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.texts(messages, locale));
            redirect.addFlashAttribute("goalForm", input);
        }
        return "redirect:/programmes/" + id + "/mal";
    }

    @PostMapping("/programmes/{id}/mal/{goalId}/ta-bort")
    String removeGoal(Actor actor, @PathVariable long id, @PathVariable long goalId) {
        service.removeGoal(actor, id, goalId);
        return "redirect:/programmes/" + id + "/mal";
    }

    @GetMapping("/programmes/{id}/mal/{goalId}/deltagare")
    String behind(Actor actor, @PathVariable long id, @PathVariable long goalId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        FunderReportService.Period period = service.period(from, to);
        model.addAttribute("programme", service.programme(id));
        model.addAttribute("period", period);
        model.addAttribute("goal", service.goals(actor, id).stream().filter(g -> g.id() == goalId).findFirst()
                .orElseThrow(() -> new se.lots.shared.NotFoundException("goal")));
        model.addAttribute("rows", service.behind(actor, id, goalId, period));
        return "progression/goal-participants";
    }

    /**
     * The report: the programme's own organisation sees exact figures for any period; everybody else sees the
     * suppressed report of a fixed period, chosen from a list (free dates in the address are refused on the form and
     * the latest half-year shown instead).
     */
    @GetMapping("/programmes/{id}/rapport")
    String report(Actor actor, @PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            Locale locale) {
        FunderReportService.Period shown;
        if (service.seesIndividuals(actor, id)) {
            shown = period != null ? asPeriod(fixedPeriod(period, null, null, model, locale))
                    : period(from, to, model, locale);
        } else {
            shown = asPeriod(fixedPeriod(period, from, to, model, locale));
            model.addAttribute("periods", service.publishedPeriods());
        }
        FunderReport report = service.report(actor, id, shown, locale);
        model.addAttribute("report", report);
        model.addAttribute("edits", service.editsGoals(actor, id));
        model.addAttribute("charts", ReportCharts.of(report, messages, locale));
        model.addAttribute("fixed", FixedPeriod.of(report.from(), report.to())
                .filter(q -> service.publishedPeriods().contains(q)).orElse(null));
        model.addAttribute("latest", service.publishedPeriod(null, null, null));
        return "progression/report";
    }

    @PostMapping("/programmes/{id}/rapport/text")
    String saveTexts(Actor actor, @PathVariable long id, @RequestParam String from, @RequestParam String to,
            @RequestParam(required = false) String equality, @RequestParam(required = false) String lessons,
            RedirectAttributes redirect, Locale locale) {
        FunderReportService.Period period = service.period(from, to);
        try {
            service.saveTexts(actor, id, period, equality, lessons);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.texts(messages, locale));
        }
        return "redirect:/programmes/" + id + "/rapport?from=" + period.from() + "&to=" + period.to();
    }

    /** The PDF and the xlsx leave Lots: suppressed, and for a fixed period only (anything else is a 400). */
    @GetMapping("/programmes/{id}/rapport.pdf")
    ResponseEntity<byte[]> reportPdf(Actor actor, @PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale) {
        FunderReport report = service.reportForDownload(actor, id,
                asPeriod(service.publishedPeriod(period, from, to)), locale);
        return download(pdf.render(report, locale), MediaType.APPLICATION_PDF, report, "pdf");
    }

    @GetMapping("/programmes/{id}/rapport.xlsx")
    ResponseEntity<byte[]> reportXlsx(Actor actor, @PathVariable long id,
            @RequestParam(required = false) String period, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale) {
        FunderReport report = service.reportForDownload(actor, id,
                asPeriod(service.publishedPeriod(period, from, to)), locale);
        return download(FunderReportWorkbook.write(report, messages, locale), XLSX, report, "xlsx");
    }

    /** The start and end registrations per participant, for the programme lead of the programme's organisation. */
    @GetMapping("/programmes/{id}/registreringar.csv")
    ResponseEntity<byte[]> participantRegistrations(Actor actor, @PathVariable long id,
            @RequestParam(required = false) String period, Locale locale) {
        FixedPeriod q = service.publishedPeriod(period, null, null);
        var rows = service.participantRegistrations(actor, id, q);
        return download(FinsamFiles.participantsCsv(rows, messages, locale), CSV,
                "registreringar-" + id + "-" + q.code() + ".csv");
    }

    /** Uppföljning Finsam over every programme, for the förbund: a fixed period, chosen from a list. */
    @GetMapping("/uppfoljning/finsam")
    String finsam(Actor actor, @RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
            Locale locale) {
        FixedPeriod q = fixedPeriod(period, from, to, model, locale);
        model.addAttribute("finsam", service.finsam(actor, q, locale));
        model.addAttribute("period", q);
        model.addAttribute("periods", service.publishedPeriods());
        model.addAttribute("ownFederation", actor.role() == se.lots.organisation.Role.FEDERATION_OFFICER);
        return "progression/finsam";
    }

    @GetMapping("/uppfoljning/finsam.xlsx")
    ResponseEntity<byte[]> finsamXlsx(Actor actor, @RequestParam(required = false) String period,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale) {
        FinsamOverview f = service.finsam(actor, service.publishedPeriod(period, from, to), locale);
        return download(FunderReportWorkbook.write(f, messages, locale), XLSX,
                "uppfoljning-finsam-" + f.from() + "-" + f.to() + ".xlsx");
    }

    /** Uppföljning Finsam's hand-in: per programme, the counts it asks for, as CSV or xlsx. */
    @GetMapping("/uppfoljning/finsam/export.csv")
    ResponseEntity<byte[]> finsamExportCsv(Actor actor, @RequestParam(required = false) String period,
            Locale locale) {
        FinsamExport e = service.finsamExport(actor, service.publishedPeriod(period, null, null), locale);
        return download(FinsamFiles.csv(e, messages, locale), CSV, "uppfoljning-finsam-" + e.period().code() + ".csv");
    }

    @GetMapping("/uppfoljning/finsam/export.xlsx")
    ResponseEntity<byte[]> finsamExportXlsx(Actor actor, @RequestParam(required = false) String period,
            Locale locale) {
        FinsamExport e = service.finsamExport(actor, service.publishedPeriod(period, null, null), locale);
        return download(FinsamFiles.xlsx(e, messages, locale), XLSX,
                "uppfoljning-finsam-" + e.period().code() + ".xlsx");
    }

    private static FunderReportService.Period asPeriod(FixedPeriod q) {
        return new FunderReportService.Period(q.from(), q.to());
    }

    /**
     * The fixed period asked for; free dates or a period not yet ended are refused on the form and the latest ended
     * half-year is shown instead.
     */
    private FixedPeriod fixedPeriod(String period, String from, String to, Model model, Locale locale) {
        try {
            return service.publishedPeriod(period, from, to);
        } catch (InvalidInputException e) {
            model.addAttribute("periodErrors", e.texts(messages, locale));
            return service.publishedPeriod(null, null, null);
        }
    }

    /**
     * The period asked for; when it is reversed or unreadable, the form says so and the page shows the default
     * period, so that the user can mend the dates where they typed them. Downloads have no form: theirs is a 400.
     */
    private FunderReportService.Period period(String from, String to, Model model, Locale locale) {
        try {
            return service.period(from, to);
        } catch (InvalidInputException e) {
            model.addAttribute("periodErrors", e.texts(messages, locale));
            return service.period(null, null);
        }
    }

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, FunderReport r, String ext) {
        return download(body, type, "rapport-" + r.programme().id() + "-" + r.from() + "-" + r.to() + "." + ext);
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(body);
    }
}
