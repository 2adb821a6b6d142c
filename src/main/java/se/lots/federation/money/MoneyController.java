package se.lots.federation.money;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.federation.money.MoneyService.AnnualBudgetInput;
import se.lots.federation.money.MoneyService.AreaInput;
import se.lots.federation.money.MoneyService.BudgetLineInput;
import se.lots.federation.money.MoneyService.PaymentInput;
import se.lots.federation.money.MoneyService.ReturnInput;
import se.lots.federation.money.MoneyService.UseInput;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * The money pages: the förbund's year ({@code /forbund/ekonomi?ar=2026}) with its annual budget, the programmes'
 * lines and warnings; the import of use per quarter ({@code /forbund/ekonomi/inlasning}); a programme's money page
 * ({@code /forbund/insatser/{programmeId}/ekonomi}) with its forms. Each form's fields have their own names on the
 * page, so that an error marks the field of the form that was sent.
 */
@Controller
class MoneyController {

    private static final String YEAR_PAGE = "/forbund/ekonomi";
    private static final String IMPORT_PAGE = "/forbund/ekonomi/inlasning";
    static final int AREA_ROWS = 6;

    private final MoneyService money;
    private final MessageSource messages;

    MoneyController(MoneyService money, MessageSource messages) {
        this.money = money;
        this.messages = messages;
    }

    // ---- the förbund's year ---------------------------------------------------------------------------------

    @GetMapping(YEAR_PAGE)
    String year(Actor actor, @RequestParam(name = "ar", required = false) Integer year, Model model, Locale locale) {
        int shown = year == null ? money.currentYear() : year;
        FederationYear y;
        try {
            y = money.year(actor, shown);
        } catch (InvalidInputException e) {
            model.addAttribute("yearError", e.texts(messages, locale).get("year"));
            y = money.year(actor, money.currentYear());
        }
        model.addAttribute("year", y);
        if (!model.containsAttribute("submitted")) {
            model.addAttribute("submitted", annualForm(y));
        }
        model.addAttribute("areaRows", AREA_ROWS);
        return "federation/money/year";
    }

    @PostMapping(YEAR_PAGE + "/budget")
    String annualBudget(Actor actor, @RequestParam Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect) {
        var areas = new ArrayList<AreaInput>();
        for (int i = 0; i < AREA_ROWS; i++) {
            areas.add(new AreaInput(form.get("areaName" + i), form.get("areaAmount" + i)));
        }
        String version = form.get("version");
        var input = new AnnualBudgetInput(form.get("year"), form.get("total"), areas,
                version == null || version.isBlank() ? null : Integer.valueOf(version));
        var fields = new HashMap<String, String>();
        for (int i = 0; i < AREA_ROWS; i++) {
            fields.put("areas[" + i + "].area", "areaName" + i);
            fields.put("areas[" + i + "].amount", "areaAmount" + i);
        }
        fields.put("year", "total");
        return handle(() -> {
            money.setAnnualBudget(actor, input);
            return "federation.money.annual.saved";
        }, fields, redirect, model, locale, YEAR_PAGE + "?ar=" + form.get("year"), () -> {
            model.addAttribute("submitted", form);
            return year(actor, parseYear(form.get("year")), model, locale);
        });
    }

    private static Map<String, String> annualForm(FederationYear y) {
        var form = new HashMap<String, String>();
        if (y.budget() != null) {
            form.put("total", y.budget().total().toPlainString());
            form.put("version", String.valueOf(y.budget().version()));
            for (int i = 0; i < y.budget().areas().size() && i < AREA_ROWS; i++) {
                form.put("areaName" + i, y.budget().areas().get(i).area());
                form.put("areaAmount" + i, y.budget().areas().get(i).amount().toPlainString());
            }
        }
        return form;
    }

    // ---- a programme's money --------------------------------------------------------------------------------

    @GetMapping("/forbund/insatser/{programmeId}/ekonomi")
    String programme(Actor actor, @PathVariable long programmeId,
            @RequestParam(name = "ar", required = false) Integer year, Model model, Locale locale) {
        int shown = year == null ? money.currentYear() : year;
        ProgrammeMoney p;
        try {
            p = money.programme(actor, programmeId, shown);
        } catch (InvalidInputException e) {
            model.addAttribute("yearError", e.texts(messages, locale).get("year"));
            p = money.programme(actor, programmeId, money.currentYear());
        }
        model.addAttribute("money", p);
        model.addAttribute("quarters", List.of(1, 2, 3, 4));
        if (!model.containsAttribute("submitted")) {
            model.addAttribute("submitted", Map.of("budgetYear", String.valueOf(p.line().year()), "useYear",
                    String.valueOf(p.line().year())));
        }
        return "federation/money/programme";
    }

    @PostMapping("/forbund/insatser/{programmeId}/ekonomi/budget")
    String budgetLine(Actor actor, @PathVariable long programmeId, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect) {
        var input = new BudgetLineInput(form.get("budgetYear"), form.get("budgetFunderId"),
                form.get("budgetFunderName"), form.get("budgetAmount"));
        return onProgramme(actor, programmeId, form, model, locale, redirect, form.get("budgetYear"),
                Map.of("year", "budgetYear", "funderId", "budgetFunderId", "funderName", "budgetFunderName",
                        "amount", "budgetAmount"),
                () -> {
                    money.addBudgetLine(actor, programmeId, input);
                    return "federation.money.budget.saved";
                });
    }

    @PostMapping("/forbund/insatser/{programmeId}/ekonomi/budget/{lineId}/ta-bort")
    String removeBudgetLine(Actor actor, @PathVariable long programmeId, @PathVariable long lineId,
            @RequestParam(name = "ar", required = false) String year, Locale locale, RedirectAttributes redirect) {
        money.removeBudgetLine(actor, programmeId, lineId);
        redirect.addFlashAttribute("noticeText", messages.getMessage("federation.money.budget.removed", null, locale));
        return "redirect:" + programmePage(programmeId, year);
    }

    @PostMapping("/forbund/insatser/{programmeId}/ekonomi/utbetalning")
    String payment(Actor actor, @PathVariable long programmeId, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes redirect) {
        var input = new PaymentInput(form.get("paidOn"), form.get("paymentAmount"), form.get("paymentNote"));
        return onProgramme(actor, programmeId, form, model, locale, redirect, form.get("ar"),
                Map.of("paidOn", "paidOn", "amount", "paymentAmount", "note", "paymentNote"), () -> {
                    money.addPayment(actor, programmeId, input);
                    return "federation.money.payment.saved";
                });
    }

    @PostMapping("/forbund/insatser/{programmeId}/ekonomi/forbrukat")
    String use(Actor actor, @PathVariable long programmeId, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes redirect) {
        String version = form.get("useVersion");
        var input = new UseInput(form.get("useYear"), form.get("useQuarter"), form.get("useAmount"),
                "true".equals(form.get("confirmAboveGrant")),
                version == null || version.isBlank() ? null : Integer.valueOf(version));
        return onProgramme(actor, programmeId, form, model, locale, redirect, form.get("useYear"),
                Map.of("year", "useYear", "quarter", "useQuarter", "amount", "useAmount", "confirmAboveGrant",
                        "confirmAboveGrant"),
                () -> {
                    money.enterUse(actor, programmeId, input);
                    return "federation.money.use.saved";
                });
    }

    @PostMapping("/forbund/insatser/{programmeId}/ekonomi/aterforing")
    String moneyReturned(Actor actor, @PathVariable long programmeId, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect) {
        var input = new ReturnInput(form.get("returnedOn"), form.get("returnAmount"), form.get("returnReason"));
        return onProgramme(actor, programmeId, form, model, locale, redirect, form.get("ar"),
                Map.of("returnedOn", "returnedOn", "amount", "returnAmount", "reason", "returnReason"), () -> {
                    money.addReturn(actor, programmeId, input);
                    return "federation.money.return.saved";
                });
    }

    private String onProgramme(Actor actor, long programmeId, Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, String year, Map<String, String> fields, Supplier<String> save) {
        return handle(save, fields, redirect, model, locale, programmePage(programmeId, year), () -> {
            model.addAttribute("submitted", form);
            return programme(actor, programmeId, parseYear(form.get("ar")), model, locale);
        });
    }

    private static String programmePage(long programmeId, String year) {
        Integer y = parseYear(year);
        return "/forbund/insatser/" + programmeId + "/ekonomi" + (y == null ? "" : "?ar=" + y);
    }

    /**
     * Saves ({@code save} returns the notice's key) and goes back to {@code page}; or shows the form again with its
     * errors, each service field under the form's own field name ({@code fields}).
     */
    private String handle(Supplier<String> save, Map<String, String> fields, RedirectAttributes redirect,
            Model model, Locale locale, String page, Supplier<String> again) {
        try {
            String notice = save.get();
            redirect.addFlashAttribute("noticeText", messages.getMessage(notice, null, locale));
            return "redirect:" + page;
        } catch (InvalidInputException e) {
            var errors = new LinkedHashMap<String, String>();
            e.texts(messages, locale).forEach((field, text) -> errors.putIfAbsent(fields.getOrDefault(field, field),
                    text));
            model.addAttribute("errors", errors);
        } catch (ConflictException e) {
            model.addAttribute("errorText", messages.getMessage(e.messageKey(), null, locale));
        }
        return again.get();
    }

    private static Integer parseYear(String year) {
        return year != null && year.strip().matches("[0-9]{4}") ? Integer.valueOf(year.strip()) : null;
    }

    // ---- the import of use ----------------------------------------------------------------------------------

    @GetMapping(IMPORT_PAGE)
    String importForm(Actor actor, Model model) {
        model.addAttribute("history", money.recentImports(actor));
        model.addAttribute("columns", money.importColumns());
        return "federation/money/import";
    }

    @PostMapping(IMPORT_PAGE)
    String upload(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            Locale locale) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", messages.getMessage("file.required", null, locale));
            return importForm(actor, model);
        }
        try {
            model.addAttribute("preview", money.uploadUse(actor, file.getOriginalFilename(), file.getBytes(),
                    locale));
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", e.texts(messages, locale).get("file"));
            return importForm(actor, model);
        }
        return "federation/money/preview";
    }

    @GetMapping(IMPORT_PAGE + "/{id}")
    String preview(Actor actor, @PathVariable UUID id, Model model, Locale locale) {
        model.addAttribute("preview", money.previewUse(actor, id, locale));
        return "federation/money/preview";
    }

    @PostMapping(IMPORT_PAGE + "/{id}/bekrafta")
    String confirm(Actor actor, @PathVariable UUID id, @RequestParam String digest,
            @RequestParam(defaultValue = "false") boolean confirmAboveGrant, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            var done = money.confirmUse(actor, id, digest, confirmAboveGrant, locale);
            redirect.addFlashAttribute("noticeText", messages.getMessage("federation.money.import.done",
                    new Object[] { done.added().size(), done.changed().size() }, locale));
            return "redirect:" + YEAR_PAGE;
        } catch (InvalidInputException e) {
            var texts = e.texts(messages, locale);
            if (texts.containsKey("confirmAboveGrant")) {
                model.addAttribute("errors", Map.of("confirmAboveGrant", texts.get("confirmAboveGrant")));
            } else {
                model.addAttribute("problem", List.copyOf(texts.values()).get(0));
            }
        } catch (ConflictException e) {
            model.addAttribute("problem", messages.getMessage(e.messageKey(), null, locale));
        }
        return preview(actor, id, model, locale);
    }

    @PostMapping(IMPORT_PAGE + "/{id}/avbryt")
    String discard(Actor actor, @PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        money.discardUse(actor, id);
        redirect.addFlashAttribute("noticeText", messages.getMessage("kaa.import.discarded", null, locale));
        return "redirect:" + IMPORT_PAGE;
    }
}
