package se.lots.plan.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.plan.ReferralInput;
import se.lots.plan.ReferralService;
import se.lots.plan.plans.FieldChange;
import se.lots.plan.plans.PlanForm;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

/** Sending a referral from the plan page, and the organisation's referrals page: incoming, sent, waiting times. */
@Controller
class ReferralController {

    private final ReferralService referrals;
    private final se.lots.plan.PlanAccess planAccess;
    private final MessageSource messages;
    private final Clock clock;

    ReferralController(ReferralService referrals, se.lots.plan.PlanAccess planAccess, MessageSource messages,
            Clock clock) {
        this.referrals = referrals;
        this.planAccess = planAccess;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/persons/{id}/referrals")
    String send(Actor actor, @PathVariable UUID id, @ModelAttribute ReferralInput input, Locale locale,
            RedirectAttributes redirect) {
        try {
            referrals.send(actor, id, input);
            redirect.addFlashAttribute("notice", "referral.sent");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("referralErrors", e.texts(messages, locale));
            redirect.addFlashAttribute("openForm", PlanForm.REFERRAL.fragment());
        }
        return "redirect:/persons/" + id + "/plan#remisser";
    }

    @GetMapping("/plan/referrals")
    String page(Actor actor, Model model) {
        var incoming = referrals.incoming(actor);
        var outgoing = referrals.outgoing(actor);
        model.addAttribute("incoming", incoming);
        model.addAttribute("outgoing", outgoing);
        var persons = java.util.stream.Stream.concat(incoming.stream(), outgoing.stream()).map(Referral::personId)
                .distinct().toList();
        model.addAttribute("names", referrals.names(persons));
        // a referral reaches the whole receiving organisation, but inside it another line of work may not open the
        // plan (OSL 8 kap. 2 §, docs/security.md): the name links only where the plan page would open
        model.addAttribute("openable", persons.stream().filter(p -> opens(actor, p))
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("waiting", referrals.waitingTimes(actor));
        model.addAttribute("responseDays", referrals.responseDays());
        model.addAttribute("service", referrals);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("zone", clock.getZone());
        return "plan/referrals";
    }

    private boolean opens(Actor actor, UUID personId) {
        try {
            planAccess.view(actor, personId);
            return true;
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return false;
        }
    }

    @PostMapping("/plan/referrals/{id}/status")
    String move(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
            Locale locale, RedirectAttributes redirect) {
        try {
            ReferralStatus to = status == null ? null : ReferralStatus.valueOf(status);
            referrals.move(actor, id, to, reason, version);
            redirect.addFlashAttribute("notice", "referral.moved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("referralErrors", e.texts(messages, locale));
        } catch (ConflictException e) {
            Referral theirs = (Referral) e.current();
            redirect.addFlashAttribute("referralChanges", java.util.List.of(
                    new FieldChange(messages.getMessage("referral.col.status", null, locale),
                            messages.getMessage("referral.status." + theirs.status().name(), null, locale),
                            messages.getMessage("referral.status." + status, null, status, locale)),
                    new FieldChange(messages.getMessage("referral.field.reason", null, locale),
                            FieldChange.text(theirs.statusReason()), FieldChange.text(reason))));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("referralErrors", java.util.Map.of("status",
                    messages.getMessage("validation.invalidValue", null, locale)));
        }
        return "redirect:/plan/referrals";
    }
}
