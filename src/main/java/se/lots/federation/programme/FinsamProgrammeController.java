package se.lots.federation.programme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.federation.member.Member;
import se.lots.federation.member.MembershipService;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/**
 * The förbund's programmes: {@code /forbund/insatser} lists them, {@code /forbund/insatser/ny} registers one (the
 * officer), {@code /forbund/insatser/{id}} shows one and {@code /forbund/insatser/{id}/andra} changes it (the officer;
 * the owner's programme lead all but the diarienummer).
 */
@Controller
class FinsamProgrammeController {

    static final String LIST = "/forbund/insatser";
    /** The funder rows the form offers. */
    static final int FUNDER_ROWS = 4;

    private final FinsamProgrammeService service;
    private final MembershipService membership;
    private final MessageSource messages;
    private final java.time.Clock clock;

    FinsamProgrammeController(FinsamProgrammeService service, MembershipService membership, MessageSource messages,
            java.time.Clock clock) {
        this.service = service;
        this.membership = membership;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(LIST)
    String list(Actor actor, Model model) {
        model.addAttribute("programmes", service.programmes(actor));
        model.addAttribute("officer", membership.isOfficer(actor));
        model.addAttribute("today", java.time.LocalDate.now(clock));
        return "federation/programme/programmes";
    }

    @GetMapping(LIST + "/ny")
    String newForm(Actor actor, Model model, Locale locale) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ProgrammeInput(null, null, null, null, null, null, null, null, List.of(),
                    null, null, null, null, List.of(), null, null, funderRows(List.of()), null));
        }
        var linkable = new LinkedHashMap<String, String>();
        service.linkable(actor).forEach(p -> linkable.put(String.valueOf(p.id()),
                p.name() + " (" + p.organisationName() + ")"));
        model.addAttribute("linkableOptions", linkable);
        return form(actor, model, null, locale);
    }

    @PostMapping(LIST + "/ny")
    String register(Actor actor, WebRequest request, Model model, Locale locale, RedirectAttributes redirect) {
        ProgrammeInput input = input(request);
        try {
            FinsamProgramme p = service.register(actor, input);
            redirect.addFlashAttribute("noticeText",
                    messages.getMessage("federation.programme.registered", new Object[] { p.name() }, locale));
            return "redirect:" + LIST + "/" + p.programmeId();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("form", padded(input));
            return newForm(actor, model, locale);
        }
    }

    @GetMapping(LIST + "/{programmeId}")
    String view(Actor actor, @PathVariable long programmeId, Model model) {
        FinsamProgramme p = service.programme(actor, programmeId);
        model.addAttribute("programme", p);
        model.addAttribute("edits", service.edits(actor, p));
        model.addAttribute("status", p.statusOn(java.time.LocalDate.now(clock)));
        return "federation/programme/programme";
    }

    @GetMapping(LIST + "/{programmeId}/andra")
    String editForm(Actor actor, @PathVariable long programmeId, Model model, Locale locale) {
        FinsamProgramme p = service.programme(actor, programmeId);
        if (!service.edits(actor, p)) {
            throw new org.springframework.security.access.AccessDeniedException("not the programme's editor");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", input(p));
        }
        return form(actor, model, p, locale);
    }

    @PostMapping(LIST + "/{programmeId}/andra")
    String update(Actor actor, @PathVariable long programmeId, WebRequest request, Model model, Locale locale,
            RedirectAttributes redirect) {
        ProgrammeInput input = input(request);
        try {
            FinsamProgramme p = service.update(actor, programmeId, input);
            redirect.addFlashAttribute("noticeText",
                    messages.getMessage("federation.programme.saved", new Object[] { p.name() }, locale));
            return "redirect:" + LIST + "/" + programmeId;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("form", padded(input));
        } catch (ConflictException e) {
            FinsamProgramme now = (FinsamProgramme) e.current();
            model.addAttribute("errorText", messages.getMessage(e.messageKey(),
                    new Object[] { now.version() }, locale));
            // what the user typed stays; saving again (with the version saved now) replaces the other's change
            model.addAttribute("form", padded(input.withVersion(now.version())));
            model.addAttribute("savedNow", now);
        }
        return editForm(actor, programmeId, model, locale);
    }

    private String form(Actor actor, Model model, FinsamProgramme p, Locale locale) {
        var federation = p == null ? membership.federation(actor) : null;
        var federationId = p == null ? federation.id() : p.federationId();
        var today = java.time.LocalDate.now(clock);
        List<Member> members = membership.members(federationId).stream().filter(m -> m.memberOn(today)).toList();
        model.addAttribute("programme", p);
        model.addAttribute("members", members);
        var owners = new LinkedHashMap<String, String>();
        var parties = new LinkedHashMap<String, String>();
        for (Member m : members) {
            owners.put(m.organisationId().toString(), m.name());
            parties.put(m.organisationId().toString(), m.name() + " ("
                    + messages.getMessage("federation.party." + m.partyType(), null, locale) + ")");
        }
        var area = new LinkedHashMap<String, String>();
        membership.area(federationId).forEach(m -> area.put(m.code().value(), m.shortName()));
        model.addAttribute("ownerOptions", owners);
        model.addAttribute("partyOptions", parties);
        model.addAttribute("areaOptions", area);
        model.addAttribute("funderKinds", FunderKind.values());
        model.addAttribute("officer", p == null || membership.isOfficer(actor));
        return "federation/programme/programme-form";
    }

    /** The form's fields; the funder rows as parallel lists, a blank row skipped by the service. */
    static ProgrammeInput input(WebRequest r) {
        List<String> kinds = values(r, "funderKind");
        List<String> organisations = values(r, "funderOrganisationId");
        List<String> names = values(r, "funderName");
        List<String> shares = values(r, "funderShare");
        var funders = new ArrayList<FunderInput>();
        for (int i = 0; i < kinds.size(); i++) {
            funders.add(new FunderInput(kinds.get(i), at(organisations, i), at(names, i), at(shares, i)));
        }
        String version = r.getParameter("version");
        Integer v = null;
        try {
            v = version == null || version.isBlank() ? null : Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            v = null;
        }
        return new ProgrammeInput(r.getParameter("caseNumber"), r.getParameter("name"),
                r.getParameter("existingProgrammeId"), r.getParameter("ownerOrganisationId"),
                r.getParameter("purpose"), r.getParameter("targetGroup"), r.getParameter("ageFrom"),
                r.getParameter("ageTo"), values(r, "municipalityCodes"), r.getParameter("method"),
                r.getParameter("startsOn"), r.getParameter("endsOn"), r.getParameter("expectedPerYear"),
                values(r, "partyOrganisationIds"), r.getParameter("contactName"), r.getParameter("contactEmail"),
                funders, v);
    }

    /** The saved programme as the form shows it. */
    static ProgrammeInput input(FinsamProgramme p) {
        List<FunderInput> funders = p.funders().stream().map(f -> new FunderInput(f.kind().name(),
                f.organisationId() == null || f.kind() == FunderKind.FORBUND ? null : f.organisationId().toString(),
                f.organisationId() == null ? f.name() : null, f.sharePercent().stripTrailingZeros().toPlainString()))
                .toList();
        return new ProgrammeInput(p.caseNumber(), p.name(), null, p.ownerId().toString(), p.purpose(),
                p.targetGroup(), text(p.ageFrom()), text(p.ageTo()),
                p.municipalities().stream().map(m -> m.code().value()).toList(), p.method(), text(p.startsOn()),
                text(p.endsOn()), text(p.expectedPerYear()), p.parties().stream().map(x -> x.id().toString()).toList(),
                p.contactName(), p.contactEmail(), funderRows(funders), p.version());
    }

    private static ProgrammeInput padded(ProgrammeInput i) {
        return new ProgrammeInput(i.caseNumber(), i.name(), i.existingProgrammeId(), i.ownerOrganisationId(),
                i.purpose(), i.targetGroup(), i.ageFrom(), i.ageTo(), i.municipalityCodes(), i.method(), i.startsOn(),
                i.endsOn(), i.expectedPerYear(), i.partyOrganisationIds(), i.contactName(), i.contactEmail(),
                funderRows(i.funders()), i.version());
    }

    private static List<FunderInput> funderRows(List<FunderInput> funders) {
        var rows = new ArrayList<>(funders);
        while (rows.size() < FUNDER_ROWS) {
            rows.add(new FunderInput(null, null, null, null));
        }
        return rows;
    }

    private static List<String> values(WebRequest r, String name) {
        String[] v = r.getParameterValues(name);
        return v == null ? List.of() : Arrays.asList(v);
    }

    private static String at(List<String> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
