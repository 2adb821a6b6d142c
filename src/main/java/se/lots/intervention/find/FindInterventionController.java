package se.lots.intervention.find;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.intervention.CatalogueService;
import se.lots.intervention.Need;
import se.lots.intervention.Provider;
import se.lots.intervention.catalogue.Intervention;
import se.lots.intervention.coverage.CoverageService;
import se.lots.intervention.coverage.Match;
import se.lots.plan.PlanService;
import se.lots.plan.ReferralInput;
import se.lots.plan.ReferralService;
import se.lots.plan.StepInput;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.shared.InvalidInputException;

/**
 * "Hitta insats" from a young person's plan: the needs recorded on the plan, the interventions that fit the
 * person's age, municipality and needs with open places (and why each fits), and one click from a proposal to a
 * referral to its provider or a step in the plan. Lives here, not in the plan module, because the catalogue
 * already builds on the plan (programmes, enrolments).
 */
@Controller
class FindInterventionController {

    static final int PROPOSALS = 20;

    private final CoverageService coverage;
    private final CatalogueService catalogue;
    private final RegistryService registry;
    private final PlanService plans;
    private final ReferralService referrals;
    private final MessageSource messages;
    private final Clock clock;

    FindInterventionController(CoverageService coverage, CatalogueService catalogue, RegistryService registry,
            PlanService plans, ReferralService referrals, MessageSource messages, Clock clock) {
        this.coverage = coverage;
        this.catalogue = catalogue;
        this.registry = registry;
        this.plans = plans;
        this.referrals = referrals;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/persons/{id}/insatser")
    String proposals(Actor actor, @PathVariable UUID id, Model model) {
        YoungPerson person = registry.read(actor, id).person();
        List<String> recorded = plans.needs(actor, id);
        Integer age = person.ageOn(LocalDate.now(clock));
        model.addAttribute("person", person);
        model.addAttribute("age", age);
        model.addAttribute("needs", catalogue.needs().stream().filter(Need::active).toList());
        model.addAttribute("recorded", Set.copyOf(recorded));
        List<Match> matches = age == null ? List.of()
                : coverage.matchFor(age, person.municipalityCode(), Set.copyOf(recorded), PROPOSALS);
        model.addAttribute("matches", matches.stream().map(m -> new Proposal(m, catalogue.provider(m.providerId())))
                .toList());
        model.addAttribute("tracks", plans.page(actor, id).tracks());
        return "intervention/find";
    }

    @PostMapping("/persons/{id}/insatser/behov")
    String saveNeeds(Actor actor, @PathVariable UUID id, @RequestParam(name = "need", required = false)
            List<String> need, RedirectAttributes redirect) {
        // only the codes of the list (a tampered form's other values are dropped, not stored)
        Set<String> known = catalogue.needs().stream().map(Need::code).collect(java.util.stream.Collectors.toSet());
        plans.saveNeeds(actor, id, need == null ? List.of() : need.stream().filter(known::contains).toList());
        redirect.addFlashAttribute("notice", "find.needsSaved");
        return "redirect:/persons/" + id + "/insatser";
    }

    @PostMapping("/persons/{id}/insatser/{interventionId}/remiss")
    String refer(Actor actor, @PathVariable UUID id, @PathVariable long interventionId,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String request,
            Locale locale, RedirectAttributes redirect) {
        Intervention intervention = catalogue.intervention(interventionId);
        Provider provider = catalogue.provider(intervention.providerId());
        if (provider.organisationId() == null) {
            redirect.addFlashAttribute("findErrors", List.of(messages.getMessage("find.notInLots", null, locale)));
            return "redirect:/persons/" + id + "/insatser";
        }
        try {
            referrals.send(actor, id, new ReferralInput(String.valueOf(provider.organisationId()),
                    provider.unitId() == null ? null : String.valueOf(provider.unitId()), null, intervention.name(),
                    reason, request), interventionId);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("findErrors", List.copyOf(e.texts(messages, locale).values()));
            return "redirect:/persons/" + id + "/insatser";
        }
        redirect.addFlashAttribute("notice", "find.referralSent");
        return "redirect:/persons/" + id + "/plan#remisser";
    }

    @PostMapping("/persons/{id}/insatser/{interventionId}/steg")
    String addStep(Actor actor, @PathVariable UUID id, @PathVariable long interventionId,
            @RequestParam(required = false) String trackId, Locale locale, RedirectAttributes redirect) {
        Intervention intervention = catalogue.intervention(interventionId);
        Provider provider = catalogue.provider(intervention.providerId());
        String contact = provider.phone() == null ? provider.name() : provider.name() + ", " + provider.phone();
        try {
            plans.addStep(actor, id, new StepInput(trackId, intervention.name(), "ANNAN_AKTOR", null,
                    contact.length() > 200 ? contact.substring(0, 200) : contact,
                    messages.getMessage("intervention.kind." + intervention.kind().name(), null, locale), null,
                    messages.getMessage("find.stepNext", new Object[] { provider.name() }, locale), null, null, null,
                    "PLANERAD", null, false, List.of(), null));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("findErrors", List.copyOf(e.texts(messages, locale).values()));
            return "redirect:/persons/" + id + "/insatser";
        }
        redirect.addFlashAttribute("notice", "step.saved");
        return "redirect:/persons/" + id + "/plan#spar";
    }
}
