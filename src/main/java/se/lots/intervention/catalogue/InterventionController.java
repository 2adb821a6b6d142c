package se.lots.intervention.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.intervention.CatalogueService;
import se.lots.intervention.InterventionInput;
import se.lots.intervention.Provider;
import se.lots.intervention.ProviderInput;
import se.lots.organisation.Organisations;
import se.lots.organisation.PartyType;
import se.lots.plan.EnrolmentService;
import se.lots.reference.ReferenceData;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/** Insatser for logged-in staff: search, an intervention, its form and history, providers, needs, the glossary. */
@Controller
class InterventionController {

    private final CatalogueService catalogue;
    private final ReferenceData reference;
    private final Organisations organisations;
    private final EnrolmentService enrolments;
    private final MessageSource messages;
    private final Clock clock;

    InterventionController(CatalogueService catalogue, ReferenceData reference, Organisations organisations,
            EnrolmentService enrolments, MessageSource messages, Clock clock) {
        this.catalogue = catalogue;
        this.reference = reference;
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/insatser")
    String search(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String age,
            @RequestParam(required = false) List<String> need, @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) List<String> provider, @RequestParam(required = false) List<String> party,
            @RequestParam(required = false) List<String> area, @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Boolean kaa, @RequestParam(required = false) Boolean inactive,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) String band, Model model,
            Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        var query = InterventionQuery.parse(q, age, need, kind, provider, party, area, open, kaa, inactive, page,
                band);
        var hits = catalogue.search(query);
        model.addAttribute("query", query);
        model.addAttribute("hits", hits);
        model.addAttribute("pagerQuery", FacetView.pagerQuery(request.getQueryString()));
        model.addAttribute("facets", FacetView.of(hits, query, catalogue.needs(), catalogue.providers(), reference,
                messages, locale));
        model.addAttribute("action", "/insatser");
        model.addAttribute("maySave", catalogue.maintainsSome(actor));
        model.addAttribute("today", LocalDate.now(clock));
        return "intervention/search";
    }

    @GetMapping("/insatser/begrepp")
    String glossary(Model model) {
        model.addAttribute("kinds", InterventionKind.values());
        return "intervention/glossary";
    }

    @GetMapping("/insatser/{id:\\d+}")
    String one(Actor actor, @PathVariable long id, Model model) {
        Intervention i = catalogue.intervention(id);
        model.addAttribute("i", i);
        model.addAttribute("provider", catalogue.provider(i.providerId()));
        model.addAttribute("maySave", catalogue.maintains(actor, i));
        model.addAttribute("programme", i.programmeId() == null ? null : enrolments.allProgrammes().stream()
                .filter(p -> p.id() == i.programmeId()).findFirst().orElse(null));
        model.addAttribute("reference", reference);
        model.addAttribute("today", LocalDate.now(clock));
        return "intervention/one";
    }

    @GetMapping("/insatser/{id:\\d+}/historik")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("i", catalogue.intervention(id));
        model.addAttribute("versions", catalogue.history(id));
        return "intervention/history";
    }

    @GetMapping("/insatser/ny")
    String newForm(Actor actor, @RequestParam(required = false) Long provider, Model model) {
        requireMaintainsSome(actor);
        InterventionInput empty = InterventionInput.empty();
        if (provider != null) {
            empty = new InterventionInput(provider.toString(), null, null, null, null, null, "16", "29", List.of(),
                    List.of(), null, null, null, null, null, null, null, false, List.of(), null, null, true, null);
        }
        return form(actor, null, empty, model);
    }

    @PostMapping("/insatser")
    String create(Actor actor, @ModelAttribute InterventionInput input, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            Intervention saved = catalogue.create(actor, input);
            redirect.addFlashAttribute("notice", "intervention.saved");
            return "redirect:/insatser/" + saved.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return form(actor, null, input, model);
        }
    }

    @GetMapping("/insatser/{id:\\d+}/andra")
    String editForm(Actor actor, @PathVariable long id, Model model) {
        Intervention i = catalogue.intervention(id);
        if (!catalogue.maintains(actor, i)) {
            throw new AccessDeniedException("not this organisation's intervention");
        }
        return form(actor, i, InterventionInput.of(i), model);
    }

    @PostMapping("/insatser/{id:\\d+}")
    String update(Actor actor, @PathVariable long id, @ModelAttribute InterventionInput input, Model model,
            Locale locale, RedirectAttributes redirect) {
        Intervention i = catalogue.intervention(id);
        try {
            catalogue.update(actor, id, input);
            redirect.addFlashAttribute("notice", "intervention.saved");
            return "redirect:/insatser/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return form(actor, i, input, model);
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.messageKey());
            return form(actor, i, input, model);
        }
    }

    @PostMapping("/insatser/{id:\\d+}/avsluta")
    String retire(Actor actor, @PathVariable long id, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            catalogue.retire(actor, id, version);
            redirect.addFlashAttribute("notice", "intervention.retiredNotice");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", e.messageKey());
        }
        return "redirect:/insatser/" + id;
    }

    private String form(Actor actor, Intervention existing, InterventionInput input, Model model) {
        requireMaintainsSome(actor);
        model.addAttribute("existing", existing);
        model.addAttribute("input", input);
        model.addAttribute("providers", catalogue.providersMaintainedBy(actor));
        model.addAttribute("programmes", enrolments.allProgrammes());
        model.addAttribute("needs", catalogue.needs());
        model.addAttribute("kinds", InterventionKind.values());
        model.addAttribute("eligibilities", Eligibility.values());
        model.addAttribute("municipalities", reference.municipalities());
        return "intervention/form";
    }

    // ---- providers -----------------------------------------------------------------------------------------

    @GetMapping("/insatser/utforare")
    String providers(Actor actor, Model model) {
        model.addAttribute("providers", catalogue.providers());
        model.addAttribute("maySave", catalogue.maintainsSome(actor));
        return "intervention/providers";
    }

    @GetMapping("/insatser/utforare/ny")
    String newProvider(Actor actor, Model model) {
        requireMaintainsSome(actor);
        return providerForm(actor, null, ProviderInput.empty(), model);
    }

    @GetMapping("/insatser/utforare/{id:\\d+}")
    String editProvider(Actor actor, @PathVariable long id, Model model) {
        Provider p = catalogue.provider(id);
        if (!catalogue.maintains(actor, p)) {
            throw new AccessDeniedException("not this organisation's provider");
        }
        return providerForm(actor, p, ProviderInput.of(p), model);
    }

    @GetMapping("/insatser/utforare/{id:\\d+}/historik")
    String providerHistory(@PathVariable long id, Model model) {
        model.addAttribute("provider", catalogue.provider(id));
        model.addAttribute("versions", catalogue.providerHistory(id));
        return "intervention/provider-history";
    }

    @PostMapping({ "/insatser/utforare", "/insatser/utforare/{id:\\d+}" })
    String saveProvider(Actor actor, @PathVariable(required = false) Long id, @ModelAttribute ProviderInput input,
            Model model, Locale locale, RedirectAttributes redirect) {
        try {
            Provider saved = catalogue.saveProvider(actor, id, input);
            redirect.addFlashAttribute("notice", "provider.saved");
            return "redirect:/insatser/ny?provider=" + saved.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return providerForm(actor, id == null ? null : catalogue.provider(id), input, model);
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.messageKey());
            return providerForm(actor, catalogue.provider(id), input, model);
        }
    }

    private String providerForm(Actor actor, Provider existing, ProviderInput input, Model model) {
        model.addAttribute("existing", existing);
        model.addAttribute("input", input);
        model.addAttribute("organisations", catalogue.maintainsAll(actor) ? organisations.all()
                : organisations.byId(actor.organisationId()).stream().toList());
        model.addAttribute("units", organisations.allUnits());
        model.addAttribute("partyTypes", PartyType.values());
        return "intervention/provider-form";
    }

    // ---- needs ---------------------------------------------------------------------------------------------

    @GetMapping("/insatser/behov")
    String needs(Model model) {
        model.addAttribute("needs", catalogue.needs());
        return "intervention/needs";
    }

    @PostMapping("/insatser/behov")
    String addNeed(Actor actor, @RequestParam(required = false) String name, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            catalogue.addNeed(actor, name);
            redirect.addFlashAttribute("notice", "need.saved");
            return "redirect:/insatser/behov";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return needs(model);
        }
    }

    @PostMapping("/insatser/behov/{id:\\d+}")
    String updateNeed(Actor actor, @PathVariable long id, @RequestParam(required = false) String name,
            @RequestParam(required = false) Boolean active, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            catalogue.updateNeed(actor, id, name, Boolean.TRUE.equals(active));
            redirect.addFlashAttribute("notice", "need.saved");
            return "redirect:/insatser/behov";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return needs(model);
        }
    }

    private void requireMaintainsSome(Actor actor) {
        if (!catalogue.maintainsSome(actor)) {
            throw new AccessDeniedException("does not keep the catalogue");
        }
    }
}
