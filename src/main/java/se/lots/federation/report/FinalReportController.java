package se.lots.federation.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.federation.report.FinalReport.FinalReportGoal;
import se.lots.federation.report.FinalReportInput.FinalReportGoalLine;
import se.lots.organisation.OrganisationId;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * The final reports due ({@code /forbund/rapporter}) and a programme's final report
 * ({@code /forbund/insatser/{programmeId}/slutrapport}): the lead writes and submits it, each party approves, everyone
 * with access downloads it as PDF and xlsx.
 */
@Controller
class FinalReportController {

    static final String REPORT = "/forbund/insatser/{programmeId}/slutrapport";
    /** Empty goal lines the form offers for new goals. */
    static final int NEW_GOAL_LINES = 2;

    private final FinalReportService service;
    private final FinalReportPdf pdf;
    private final MessageSource messages;

    FinalReportController(FinalReportService service, FinalReportPdf pdf, MessageSource messages) {
        this.service = service;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/forbund/rapporter")
    String due(Actor actor, Model model) {
        model.addAttribute("due", service.due(actor));
        return "federation/report/due";
    }

    @GetMapping(REPORT)
    String report(Actor actor, @PathVariable long programmeId, Model model, Locale locale) {
        FinalReport report = service.report(actor, programmeId, locale);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form(report));
        }
        return page(actor, report, model);
    }

    private String page(Actor actor, FinalReport report, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("edits", FinalReportService.edits(actor, report));
        model.addAttribute("approvesFor", FinalReportService.approvesFor(actor, report).orElse(null));
        model.addAttribute("recordsFor", FinalReportService.recordsFor(actor, report));
        model.addAttribute("ownerLead", isOwnerLead(actor, report));
        return "federation/report/final";
    }

    private static boolean isOwnerLead(Actor actor, FinalReport report) {
        return actor.role() == se.lots.organisation.Role.PROGRAMME_LEAD
                && actor.organisationId().equals(report.ownerId());
    }

    @PostMapping(REPORT)
    String save(Actor actor, @PathVariable long programmeId, @RequestParam MultiValueMap<String, String> params,
            Model model, RedirectAttributes redirect, Locale locale) {
        FinalReportInput input = input(params);
        try {
            service.save(actor, programmeId, input, locale);
            redirect.addFlashAttribute("noticeText", text("federation.report.final.saved", locale));
            return "redirect:" + path(programmeId);
        } catch (InvalidInputException e) {
            // nothing is saved: the page shows what was typed, with the errors
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("form", input);
            return page(actor, service.report(actor, programmeId, locale), model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", text(e.messageKey(), locale));
            return "redirect:" + path(programmeId);
        }
    }

    @PostMapping(REPORT + "/skicka-in")
    String submit(Actor actor, @PathVariable long programmeId, @RequestParam int version,
            RedirectAttributes redirect, Locale locale) {
        return act(programmeId, redirect, locale, "federation.report.final.submitted",
                () -> service.submit(actor, programmeId, version, locale));
    }

    @PostMapping(REPORT + "/ta-tillbaka")
    String reopen(Actor actor, @PathVariable long programmeId, @RequestParam int version,
            RedirectAttributes redirect, Locale locale) {
        return act(programmeId, redirect, locale, "federation.report.final.reopened",
                () -> service.reopen(actor, programmeId, version));
    }

    @PostMapping(REPORT + "/godkann")
    String approve(Actor actor, @PathVariable long programmeId, @RequestParam int version,
            RedirectAttributes redirect, Locale locale) {
        return act(programmeId, redirect, locale, "federation.report.final.approved",
                () -> service.approve(actor, programmeId, version, locale));
    }

    @PostMapping(REPORT + "/underskrift")
    String record(Actor actor, @PathVariable long programmeId, @RequestParam int version,
            @RequestParam(required = false) Long organisation, @RequestParam(required = false) String signerName,
            @RequestParam(required = false) String signerEmail, @RequestParam(required = false) String signedOn,
            RedirectAttributes redirect, Locale locale) {
        return act(programmeId, redirect, locale, "federation.report.final.recorded",
                () -> service.recordSignature(actor, programmeId, version,
                        organisation == null || organisation <= 0 ? null : new OrganisationId(organisation),
                        signerName, signerEmail, signedOn, locale));
    }

    private String act(long programmeId, RedirectAttributes redirect, Locale locale, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("noticeText", text(done, locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.texts(messages, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", text(e.messageKey(), locale));
        }
        return "redirect:" + path(programmeId);
    }

    @GetMapping(REPORT + ".pdf")
    ResponseEntity<byte[]> reportPdf(Actor actor, @PathVariable long programmeId, Locale locale) {
        FinalReport r = service.reportForDownload(actor, programmeId, locale);
        return download(pdf.render(r, locale), MediaType.APPLICATION_PDF, r, "pdf");
    }

    @GetMapping(REPORT + ".xlsx")
    ResponseEntity<byte[]> reportXlsx(Actor actor, @PathVariable long programmeId, Locale locale) {
        FinalReport r = service.reportForDownload(actor, programmeId, locale);
        return download(FinalReportWorkbook.write(r, messages, locale), XLSX, r, "xlsx");
    }

    /** A conflict on a page without a form to return to: the error page with status 409. */
    @org.springframework.web.bind.annotation.ExceptionHandler(ConflictException.class)
    org.springframework.web.servlet.ModelAndView conflict(ConflictException e) {
        var mav = new org.springframework.web.servlet.ModelAndView("error");
        mav.setStatus(HttpStatus.CONFLICT);
        mav.addObject("messageKey", e.messageKey());
        mav.addObject("status", HttpStatus.CONFLICT.value());
        return mav;
    }

    static FinalReportInput form(FinalReport r) {
        var t = r.texts();
        var goals = new ArrayList<FinalReportGoalLine>();
        for (FinalReportGoal g : r.goals()) {
            goals.add(new FinalReportGoalLine(g.goal(), g.achieved() == null ? "" : g.achieved() ? "JA" : "NEJ",
                    g.outcome(), g.programmeGoalId() == null ? "" : g.programmeGoalId().toString()));
        }
        for (int i = 0; i < NEW_GOAL_LINES; i++) {
            goals.add(new FinalReportGoalLine("", "", "", ""));
        }
        Map<Long, String> lessons = new LinkedHashMap<>();
        r.parties().forEach(p -> lessons.put(p.organisationId().value(), p.lessons()));
        return new FinalReportInput(r.version(), t.purpose(), t.equality(), t.needChange(), t.targetGroup(),
                t.expectedParticipants(), t.targetGroupChange(), t.methods(), t.followUp(), t.ordinaryWork(),
                plain(t.moneyGranted()), plain(t.moneyUsed()), plain(t.moneyReturned()), t.returnedWhy(),
                t.returnedConsequences(), t.experiences(), goals, lessons);
    }

    /** The form's fields; goal lines as parallel lists (every field of a line is always sent: texts and selects). */
    static FinalReportInput input(MultiValueMap<String, String> p) {
        List<String> texts = p.getOrDefault("goalText", List.of());
        var goals = new ArrayList<FinalReportGoalLine>();
        for (int i = 0; i < texts.size(); i++) {
            goals.add(new FinalReportGoalLine(texts.get(i), at(p, "goalAchieved", i), at(p, "goalOutcome", i),
                    at(p, "goalIndicator", i)));
        }
        Map<Long, String> lessons = new LinkedHashMap<>();
        p.forEach((name, values) -> {
            if (name.startsWith("lesson-")) {
                try {
                    lessons.put(Long.valueOf(name.substring("lesson-".length())), values.get(0));
                } catch (NumberFormatException e) {
                    lessons.put(-1L, values.get(0));
                }
            }
        });
        String version = p.getFirst("version");
        Integer v = null;
        try {
            v = version == null ? null : Integer.valueOf(version);
        } catch (NumberFormatException e) {
            // a version that is no number is a stale form
            v = -1;
        }
        return new FinalReportInput(v, p.getFirst("purpose"), p.getFirst("equality"), p.getFirst("needChange"),
                p.getFirst("targetGroup"), p.getFirst("expectedParticipants"), p.getFirst("targetGroupChange"),
                p.getFirst("methods"), p.getFirst("followUp"), p.getFirst("ordinaryWork"), p.getFirst("moneyGranted"),
                p.getFirst("moneyUsed"), p.getFirst("moneyReturned"), p.getFirst("returnedWhy"),
                p.getFirst("returnedConsequences"), p.getFirst("experiences"), goals, lessons);
    }

    private static String at(MultiValueMap<String, String> p, String name, int i) {
        List<String> values = p.getOrDefault(name, List.of());
        return i < values.size() ? values.get(i) : null;
    }

    private static String plain(java.math.BigDecimal b) {
        return b == null ? "" : b.stripTrailingZeros().toPlainString();
    }

    private static String path(long programmeId) {
        return "/forbund/insatser/" + programmeId + "/slutrapport";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, FinalReport r, String ext) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("slutrapport-" + r.programmeId() + "." + ext).build()
                        .toString()).body(body);
    }
}
