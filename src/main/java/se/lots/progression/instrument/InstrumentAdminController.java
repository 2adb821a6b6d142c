package se.lots.progression.instrument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * The instruments of progression, for the administrator and programme leads: items, scales, who rates, total rule,
 * cut-off, reliable change ({@code /progression/instruments}). The service checks the role too.
 */
@Controller
class InstrumentAdminController {

    static final int BLANK_ITEMS = 3;
    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)](?:\\.(\\w+))?");

    private final InstrumentService instruments;
    private final MessageSource messages;

    InstrumentAdminController(InstrumentService instruments, MessageSource messages) {
        this.instruments = instruments;
        this.messages = messages;
    }

    @GetMapping("/progression/instruments")
    String list(Actor actor, Model model) {
        List<Instrument> all = instruments.instruments(actor, false);
        model.addAttribute("instruments", all);
        model.addAttribute("editable", all.stream().filter(i -> InstrumentService.edits(actor, i))
                .map(Instrument::id).collect(java.util.stream.Collectors.toSet()));
        return "progression/instruments";
    }

    @GetMapping("/progression/instruments/nytt")
    String create(Model model) {
        return form(model, null, blankForm(), blankItems(List.of()));
    }

    @GetMapping("/progression/instruments/{id}")
    String edit(Actor actor, @PathVariable long id, Model model, Locale locale) {
        Instrument i = instruments.instrument(actor, id);
        if (!InstrumentService.edits(actor, i)) {
            throw new org.springframework.security.access.AccessDeniedException("a shared instrument");
        }
        var form = new LinkedHashMap<String, String>();
        form.put("name", i.name());
        form.put("description", i.description());
        form.put("totalRule", i.totalRule().name());
        form.put("cutOff", i.cutOff() == null ? null : Decimals.format(i.cutOff(), locale));
        form.put("reliableChange", i.reliableChange() == null ? null : Decimals.format(i.reliableChange(), locale));
        form.put("higherIsBetter", String.valueOf(i.higherIsBetter()));
        form.put("active", String.valueOf(i.active()));
        form.put("version", String.valueOf(i.version()));
        var items = new ArrayList<Map<String, String>>();
        for (InstrumentItem item : i.items()) {
            var m = new LinkedHashMap<String, String>();
            m.put("label", item.label());
            m.put("min", Decimals.format(item.min(), locale));
            m.put("max", Decimals.format(item.max(), locale));
            m.put("step", Decimals.format(item.step(), locale));
            m.put("minLabel", item.minLabel());
            m.put("maxLabel", item.maxLabel());
            m.put("rater", item.rater().name());
            items.add(m);
        }
        return form(model, i, form, blankItems(items));
    }

    @PostMapping({ "/progression/instruments", "/progression/instruments/{id}" })
    String save(Actor actor, @PathVariable(required = false) Long id, @RequestParam Map<String, String> form,
            Model model, Locale locale, RedirectAttributes redirect) {
        var items = new ArrayList<Map<String, String>>();
        var inputItems = new ArrayList<InstrumentInput.Item>();
        for (int n = 0; form.containsKey("items[" + n + "].label"); n++) {
            var m = new LinkedHashMap<String, String>();
            for (String key : List.of("label", "min", "max", "step", "minLabel", "maxLabel", "rater")) {
                m.put(key, form.get("items[" + n + "]." + key));
            }
            items.add(m);
            inputItems.add(new InstrumentInput.Item(m.get("label"), m.get("min"), m.get("max"), m.get("step"),
                    m.get("minLabel"), m.get("maxLabel"), m.get("rater")));
        }
        var input = new InstrumentInput(form.get("name"), form.get("description"), form.get("totalRule"),
                form.get("cutOff"), form.get("reliableChange"), form.containsKey("higherIsBetter"),
                id == null || form.containsKey("active"), inputItems, version(form.get("version")));
        try {
            Instrument saved = instruments.save(actor, id, input);
            redirect.addFlashAttribute("noticeText",
                    messages.getMessage("progression.instruments.saved", new Object[] { saved.name() }, locale));
            return "redirect:/progression/instruments";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", named(e, locale));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("version", messages.getMessage(e.messageKey(), null, locale)));
        }
        var shown = new LinkedHashMap<>(form);
        shown.put("higherIsBetter", String.valueOf(form.containsKey("higherIsBetter")));
        shown.put("active", String.valueOf(id == null || form.containsKey("active")));
        // the typed items, blank rows left out and three fresh ones added
        var kept = items.stream().filter(m -> m.get("label") != null && !m.get("label").isBlank()).toList();
        return form(model, id == null ? null : instruments.instrument(actor, id), shown,
                blankItems(new ArrayList<>(kept)));
    }

    private String form(Model model, Instrument instrument, Map<String, String> form,
            List<Map<String, String>> items) {
        model.addAttribute("instrument", instrument);
        model.addAttribute("form", form);
        model.addAttribute("items", items);
        model.addAttribute("rules", TotalRule.values());
        model.addAttribute("raters", ItemRater.values());
        return "progression/instrument";
    }

    private static Map<String, String> blankForm() {
        var form = new LinkedHashMap<String, String>();
        form.put("totalRule", TotalRule.SUM.name());
        form.put("higherIsBetter", "true");
        form.put("active", "true");
        return form;
    }

    private static List<Map<String, String>> blankItems(List<Map<String, String>> items) {
        var all = new ArrayList<>(items);
        for (int n = 0; n < BLANK_ITEMS; n++) {
            var m = new LinkedHashMap<String, String>();
            m.put("rater", ItemRater.DEN_UNGE.name());
            all.add(m);
        }
        return all;
    }

    /** "Namn: Fältet måste fyllas i." — each message names the field as the form's label does. */
    private Map<String, String> named(InvalidInputException e, Locale locale) {
        var result = new LinkedHashMap<String, String>();
        e.texts(messages, locale).forEach((field, text) -> result.put(field, label(field, locale) + ": " + text));
        return result;
    }

    private String label(String field, Locale locale) {
        Matcher m = ITEM_FIELD.matcher(field);
        if (m.matches()) {
            Object[] number = { Integer.parseInt(m.group(1)) + 1 };
            return m.group(2) == null ? messages.getMessage("progression.admin.field.item", number, locale)
                    : messages.getMessage("progression.admin.field.item." + m.group(2), number, locale);
        }
        return messages.getMessage("progression.admin.field." + field, null, field, locale);
    }

    private static Integer version(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
