package se.lots.federation.member;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;

/**
 * The förbund's members for its officer: {@code /forbund/medlemmar} lists the members with the day each joined (and
 * left), the area and the contribution shares of the law, and has the forms that add a member, end a membership and
 * set the area.
 */
@Controller
class MembershipController {

    private static final String PAGE = "/forbund/medlemmar";

    private final MembershipService service;
    private final MessageSource messages;

    MembershipController(MembershipService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping(PAGE)
    String page(Actor actor, Model model, Locale locale) {
        Federation federation = service.federation(actor);
        model.addAttribute("federation", federation);
        var candidates = new java.util.LinkedHashMap<String, String>();
        service.candidates(actor).forEach(c -> candidates.put(c.id().toString(), c.name() + " ("
                + messages.getMessage("federation.party." + c.partyType(), null, locale) + ")"));
        model.addAttribute("candidateOptions", candidates);
        if (!model.containsAttribute("submitted")) {
            var submitted = new HashMap<String, Object>();
            submitted.put("area", String.join(", ",
                    federation.area().stream().map(m -> m.code().value()).toList()));
            model.addAttribute("submitted", submitted);
        }
        return "federation/member/members";
    }

    @PostMapping(PAGE)
    String add(Actor actor, @ModelAttribute MemberInput input, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            Member m = service.addMember(actor, input);
            redirect.addFlashAttribute("noticeText",
                    messages.getMessage("federation.member.added", new Object[] { m.name() }, locale));
            return "redirect:" + PAGE;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("submitted", Map.of("organisationId", blank(input.organisationId()), "joinedOn",
                    blank(input.joinedOn()), "leftOn", blank(input.leftOn()), "area", ""));
            return page(actor, model, locale);
        }
    }

    @PostMapping(PAGE + "/{memberId}/avsluta")
    String end(Actor actor, @PathVariable long memberId, @RequestParam(required = false) String leftOn, Model model,
            Locale locale, RedirectAttributes redirect) {
        try {
            Member m = service.endMembership(actor, memberId, leftOn);
            redirect.addFlashAttribute("noticeText",
                    messages.getMessage("federation.member.ended", new Object[] { m.name(), m.leftOn() }, locale));
            return "redirect:" + PAGE;
        } catch (InvalidInputException e) {
            var errors = new HashMap<String, String>();
            e.texts(messages, locale).forEach((field, text) -> errors.put(field + "-" + memberId, text));
            model.addAttribute("errors", errors);
            model.addAttribute("endingMember", memberId);
            model.addAttribute("endingOn", blank(leftOn));
            return page(actor, model, locale);
        }
    }

    @PostMapping(PAGE + "/omrade")
    String area(Actor actor, @RequestParam(required = false) String area, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            Federation f = service.setArea(actor, codes(area));
            redirect.addFlashAttribute("noticeText", messages.getMessage("federation.member.areaSaved",
                    new Object[] { f.area().size() }, locale));
            return "redirect:" + PAGE;
        } catch (InvalidInputException e) {
            var errors = new HashMap<String, String>();
            e.texts(messages, locale).forEach((field, text) -> errors.put("area", text));
            model.addAttribute("errors", errors);
            model.addAttribute("submitted", Map.of("area", blank(area)));
            return page(actor, model, locale);
        }
    }

    /** The codes as typed: separated by commas, semicolons or spaces. */
    static List<String> codes(String typed) {
        return typed == null ? List.of()
                : Arrays.stream(typed.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
