package se.lots.organisation.internal;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.organisation.NewOrganisation;
import se.lots.organisation.NewUser;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Organisations;
import se.lots.organisation.PartyType;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;
import se.lots.shared.NotFoundException;
import se.lots.organisation.OrganisationUnit;
import se.lots.organisation.LineOfWork;
import se.lots.reference.ReferenceData;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;

@Controller
@RequestMapping("/admin")
class AdminController {

    private final OrganisationService service;
    private final Organisations organisations;
    private final UserAccounts users;
    private final ReferenceData reference;
    private final MessageSource messages;

    AdminController(OrganisationService service, Organisations organisations, UserAccounts users,
            ReferenceData reference, MessageSource messages) {
        this.service = service;
        this.organisations = organisations;
        this.users = users;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/organisations")
    String organisations(Model model) {
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("units", organisations.allUnits());
        model.addAttribute("partyTypes", PartyType.values());
        model.addAttribute("municipalities", reference.municipalities());
        model.addAttribute("counties", reference.counties());
        return "organisation/organisations";
    }

    @PostMapping("/organisations")
    String createOrganisation(@RequestParam String name, @RequestParam(required = false) PartyType partyType,
            @RequestParam(required = false) String municipalityCode, @RequestParam(required = false) String countyCode,
            @RequestParam(required = false, defaultValue = "") String units, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            service.create(new NewOrganisation(name, partyType, municipalityCode, countyCode,
                    Arrays.stream(units.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList()));
            redirect.addFlashAttribute("notice", "admin.created");
            return "redirect:/admin/organisations";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("name",
                    messages.getMessage(e.messageKey(), new Object[] { e.existingId() }, locale)));
        }
        model.addAttribute("submitted", Map.of("name", name));
        return organisations(model);
    }

    @PostMapping("/organisations/{id}/units")
    String addUnit(@PathVariable OrganisationId id, @RequestParam String name, RedirectAttributes redirect,
            Locale locale) {
        try {
            service.addUnit(id, name);
            redirect.addFlashAttribute("notice", "admin.created");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("notice", "error.formErrors");
        }
        return "redirect:/admin/organisations";
    }

    /** The unit's nämnd and line of work: the secrecy boundary inside the organisation (docs/security.md). */
    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, Model model) {
        OrganisationUnit unit = organisations.unit(id).orElseThrow(() -> new NotFoundException("unit"));
        model.addAttribute("unit", unit);
        model.addAttribute("organisation", organisations.byId(unit.organisationId()).orElseThrow());
        model.addAttribute("committees", organisations.committees(unit.organisationId()));
        model.addAttribute("lines", lineChoices());
        if (!model.containsAttribute("submitted")) {
            model.addAttribute("submitted", Map.of("committee", unit.committee(), "lineOfWork",
                    unit.lineOfWork() == null ? NO_LINE : unit.lineOfWork().name()));
        }
        return "organisation/unit";
    }

    @PostMapping("/units/{id}")
    String saveUnit(@PathVariable long id, @RequestParam(required = false) String committee,
            @RequestParam(required = false) String lineOfWork, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            LineOfWork line = lineOfWork == null || lineOfWork.equals(NO_LINE) ? null : LineOfWork.parse(lineOfWork);
            service.setUnitBoundary(id, committee, line);
            redirect.addFlashAttribute("notice", "admin.unit.saved");
            return "redirect:/admin/organisations#unit-" + id;
        } catch (IllegalArgumentException e) {
            model.addAttribute("errors", Map.of("lineOfWork", messages.getMessage("validation.invalidValue", null,
                    locale)));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
        }
        var submitted = new java.util.HashMap<String, String>();
        submitted.put("committee", committee == null ? "" : committee);
        submitted.put("lineOfWork", lineOfWork == null ? NO_LINE : lineOfWork);
        model.addAttribute("submitted", submitted);
        return unit(id, model);
    }

    private static final String NO_LINE = "INGEN";

    private static List<String> lineChoices() {
        var choices = new java.util.ArrayList<String>();
        Arrays.stream(LineOfWork.values()).map(Enum::name).forEach(choices::add);
        choices.add(NO_LINE);
        return choices;
    }

    /** Every user, or with {@code visa=utan-kontakt} the active ones without a work e-mail or phone (start panel). */
    @GetMapping("/users")
    String users(@RequestParam(required = false) String visa, Model model) {
        boolean withoutContact = "utan-kontakt".equals(visa);
        model.addAttribute("withoutContact", withoutContact);
        model.addAttribute("users", withoutContact ? users.all().stream()
                .filter(u -> u.active() && (u.email() == null || u.phone() == null)).toList() : users.all());
        return users(model);
    }

    private String users(Model model) {
        if (!model.containsAttribute("users")) {
            model.addAttribute("users", users.all());
        }
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("units", organisations.allUnits());
        model.addAttribute("roles", Role.values());
        return "organisation/users";
    }

    @PostMapping("/users")
    String createUser(@RequestParam String username, @RequestParam String password, @RequestParam String displayName,
            @RequestParam(required = false) Role role, @RequestParam(required = false) OrganisationId organisationId,
            @RequestParam(required = false) Long unitId, @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            service.createUser(new NewUser(username, password, displayName, role, organisationId, unitId, email,
                    phone));
            redirect.addFlashAttribute("notice", "admin.created");
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("username",
                    messages.getMessage(e.messageKey(), new Object[] { e.existingId() }, locale)));
        }
        model.addAttribute("submitted", Map.of("username", username, "displayName", displayName, "email",
                email == null ? "" : email, "phone", phone == null ? "" : phone));
        return users(model);
    }

    /** The user's work e-mail and phone, where Lots reminds them of their booked times. */
    @PostMapping("/users/{id}/contact")
    String setContact(@PathVariable long id, @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone, Locale locale, RedirectAttributes redirect) {
        try {
            service.setContact(id, email, phone);
            redirect.addFlashAttribute("notice", "admin.created");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("contactErrors", e.texts(messages, locale));
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/users/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active, Principal admin, Locale locale,
            RedirectAttributes redirect) {
        try {
            service.setActive(id, active, admin.getName());
            redirect.addFlashAttribute("notice", active ? "admin.users.activated" : "admin.users.deactivated");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.texts(messages, locale));
        }
        return "redirect:/admin/users";
    }

}
