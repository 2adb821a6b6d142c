package se.lots.federation.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * The förbund's applications: the list ({@code /forbund/ansokningar}), the lead's form ({@code /ny}) and one
 * application with its proposals and decisions, the lead's withdrawal and the officer's proposal.
 */
@Controller
class ApplicationController {

    static final String BASE = "/forbund/ansokningar";
    static final int BUDGET_ROWS = 4;

    private final ApplicationService service;
    private final MessageSource messages;

    ApplicationController(ApplicationService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String list(Actor actor, Model model) {
        model.addAttribute("applications", service.list(actor));
        model.addAttribute("mayApply", service.mayApply(actor));
        return "federation/application/list";
    }

    @GetMapping(BASE + "/ny")
    String form(Actor actor, @RequestParam(name = "forbund", required = false) String federationId, Model model) {
        var form = new HashMap<String, String>();
        form.put("kind", "PROGRAMME");
        return formPage(actor, federationId, form, model);
    }

    @PostMapping(BASE + "/ny")
    String submit(Actor actor, @RequestParam Map<String, String> form, Model model, Locale locale) {
        try {
            Application a = service.submit(actor, input(form));
            return "redirect:" + BASE + "/" + a.id() + "?inskickad";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return formPage(actor, form.get("federationId"), new HashMap<>(form), model);
        }
    }

    @GetMapping(BASE + "/{id}")
    String page(Actor actor, @PathVariable long id, @RequestParam(name = "inskickad", required = false) String sent,
            Model model) {
        if (sent != null && !model.containsAttribute("notice")) {
            model.addAttribute("notice", "federation.application.submitted");
        }
        return applicationPage(actor, service.application(actor, id), model);
    }

    @PostMapping(BASE + "/{id}/aterkalla")
    String withdraw(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            service.withdraw(actor, id);
            redirect.addFlashAttribute("notice", "federation.application.withdrawn");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/forslag")
    String propose(Actor actor, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
            Locale locale, RedirectAttributes redirect) {
        Long current = form.get("currentProposalId") == null || form.get("currentProposalId").isBlank() ? null
                : Long.valueOf(form.get("currentProposalId"));
        try {
            service.propose(actor, id, new ProposalInput(form.get("outcome"), form.get("amount"),
                    form.get("reasoning"), current));
            redirect.addFlashAttribute("notice", "federation.application.proposed");
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("proposalForm", form);
            return applicationPage(actor, service.application(actor, id), model);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:" + BASE + "/" + id;
    }

    private String applicationPage(Actor actor, Application a, Model model) {
        model.addAttribute("a", a);
        model.addAttribute("officer", service.isOfficer(actor));
        model.addAttribute("lead", actor.role() == se.lots.organisation.Role.PROGRAMME_LEAD);
        if (!model.containsAttribute("proposalForm")) {
            model.addAttribute("proposalForm", Map.of());
        }
        return "federation/application/application";
    }

    private String formPage(Actor actor, String federationId, Map<String, String> form, Model model) {
        ApplicationChoices choices = service.choices(actor, federationId);
        if (choices.federationId() != null) {
            form.put("federationId", String.valueOf(choices.federationId().value()));
            for (int i = 0; i < choices.members().size(); i++) {
                // the applicant's own organisation takes part from the start
                if (choices.members().get(i).id().equals(actor.organisationId()) && !form.containsKey("submitted")) {
                    form.put("parties[" + i + "].organisationId", String.valueOf(actor.organisationId().value()));
                }
            }
        }
        model.addAttribute("choices", choices);
        var federations = new java.util.LinkedHashMap<String, String>();
        choices.federations().forEach(f -> federations.put(String.valueOf(f.id()), f.name()));
        model.addAttribute("federationOptions", federations);
        model.addAttribute("federationName", choices.federationId() == null ? null
                : federations.get(String.valueOf(choices.federationId().value())));
        var programmes = new java.util.LinkedHashMap<String, String>();
        choices.programmes().forEach(p -> programmes.put(String.valueOf(p.id()), p.name()));
        model.addAttribute("programmeOptions", programmes);
        model.addAttribute("form", form);
        model.addAttribute("budgetRows", BUDGET_ROWS);
        return "federation/application/new";
    }

    static ApplicationInput input(Map<String, String> form) {
        var budget = new ArrayList<ApplicationInput.YearBudgetInput>();
        for (int i = 0; form.containsKey("budget[" + i + "].year") || form.containsKey("budget[" + i + "].amount");
                i++) {
            budget.add(new ApplicationInput.YearBudgetInput(form.get("budget[" + i + "].year"),
                    form.get("budget[" + i + "].amount")));
        }
        var parties = new ArrayList<ApplicationInput.PartyLine>();
        for (int i = 0; form.containsKey("parties[" + i + "].commitment")
                || form.containsKey("parties[" + i + "].organisationId"); i++) {
            parties.add(new ApplicationInput.PartyLine(form.get("parties[" + i + "].organisationId"),
                    form.get("parties[" + i + "].commitment"), form.get("parties[" + i + "].commitmentAmount")));
        }
        return new ApplicationInput(form.get("federationId"), form.get("kind"), form.get("programmeId"),
                form.get("newProgrammeName"), form.get("title"), form.get("purpose"), form.get("goals"),
                form.get("periodFrom"), form.get("periodTo"), List.copyOf(budget), List.copyOf(parties));
    }
}
