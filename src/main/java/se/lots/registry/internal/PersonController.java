package se.lots.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.lots.consent.ConsentPurpose;
import se.lots.consent.ConsentScope;
import se.lots.consent.ConsentService;
import se.lots.consent.ConsentSettings;
import se.lots.consent.DisclosureProvision;
import se.lots.consent.GivenHow;
import se.lots.consent.NewConsent;
import se.lots.consent.NewLineDisclosure;
import se.lots.organisation.LineOfWork;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.OrganisationService;
import se.lots.organisation.Organisations;
import se.lots.organisation.SecrecyDomain;
import se.lots.reference.Municipality;
import se.lots.reference.ReferenceData;
import se.lots.registry.Address;
import se.lots.registry.Gender;
import se.lots.registry.Guardian;
import se.lots.registry.PersonInput;
import se.lots.registry.PersonRead;
import se.lots.registry.ProtectedIdentityChange;
import se.lots.registry.Rectification;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.registry.search.PersonSearch;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.VersionRequiredException;
import se.lots.shared.Versions;

@Controller
@RequestMapping("/persons")
class PersonController {

    private final RegistryService registry;
    private final PersonSearch persons;
    private final ConsentService consents;
    private final OrganisationService organisations;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final ConsentSettings consentSettings;
    private final Clock clock;
    private final Organisations organisationUnits;

    PersonController(RegistryService registry, PersonSearch persons, ConsentService consents,
            OrganisationService organisations, ReferenceData reference, MessageSource messages,
            ConsentSettings consentSettings, Clock clock, Organisations organisationUnits) {
        this.organisationUnits = organisationUnits;
        this.registry = registry;
        this.persons = persons;
        this.consents = consents;
        this.organisations = organisations;
        this.reference = reference;
        this.messages = messages;
        this.consentSettings = consentSettings;
        this.clock = clock;
    }

    @ModelAttribute("municipalities")
    List<Municipality> municipalities() {
        return reference.municipalities();
    }

    @ModelAttribute("genders")
    Gender[] genders() {
        return Gender.values();
    }

    @GetMapping
    String search(Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            Model model, Locale locale) {
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("result", persons.search(actor, q, page));
                model.addAttribute("organisationNames", organisationNames());
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.texts(messages, locale));
            }
        }
        return "registry/search";
    }

    @GetMapping("/new")
    String newPerson(Model model) {
        model.addAttribute("person", PersonInput.empty());
        return "registry/form";
    }

    @PostMapping("/new")
    String register(Actor actor, @ModelAttribute("person") PersonInput input, Model model, Locale locale,
            RedirectAttributes redirect) {
        try {
            YoungPerson p = registry.register(actor, input);
            redirect.addFlashAttribute("notice", "person.created");
            return "redirect:/persons/" + p.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            return "registry/form";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "person.existing");
            return "redirect:/persons/" + e.existingId() + "?existing=true";
        }
    }

    @GetMapping("/{id}")
    ModelAndView show(Actor actor, @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean existing) {
        PersonRead read;
        try {
            read = registry.read(actor, id);
        } catch (AccessDeniedException e) {
            var denied = new ModelAndView("registry/denied");
            denied.setStatus(HttpStatus.FORBIDDEN);
            denied.addObject("personId", id);
            denied.addObject("existing", existing);
            denied.addObject("hours", consentSettings.duration().toHours());
            return denied;
        }
        YoungPerson p = read.person();
        var mav = new ModelAndView("registry/person");
        mav.addObject("p", p);
        mav.addObject("basis", read.basis());
        mav.addObject("age", p.ageOn(LocalDate.now(clock)));
        mav.addObject("municipality", reference.municipality(p.municipalityCode()).orElse(null));
        mav.addObject("organisationNames", organisationNames());
        mav.addObject("organisations", organisations.organisations());
        mav.addObject("consents", consents.forPerson(id));
        mav.addObject("today", LocalDate.now(clock));
        mav.addObject("purposes", ConsentPurpose.values());
        mav.addObject("scopes", ConsentScope.values());
        mav.addObject("givenHows", GivenHow.values());
        // another line of work reads through a disclosure, and the holding line edits (docs/security.md)
        boolean holdingLine = p.ownerOrganisationId().equals(actor.organisationId())
                && read.basis().equals(se.lots.audit.AccessBasis.OWN_ORGANISATION);
        mav.addObject("mayEdit", holdingLine);
        // the holding line sees what it disclosed; a receiving line only what was disclosed to it
        mav.addObject("disclosures", !p.ownerOrganisationId().equals(actor.organisationId()) ? List.of()
                : consents.disclosuresFor(id).stream().filter(d -> holdingLine || (actor.domain() != null
                        && d.toLineOfWork() == actor.domain().lineOfWork()
                        && d.toCommittee().equals(actor.domain().committee()))).toList());
        mav.addObject("disclosureTargets", holdingLine ? disclosureTargets(actor) : List.of());
        mav.addObject("provisions", java.util.Arrays.stream(DisclosureProvision.values()).map(Enum::name).toList());
        mav.addObject("maySetProtected", holdingLine && ProtectedIdentityPolicy.maySet(actor, p));
        mav.addObject("mayLiftProtected", holdingLine && ProtectedIdentityPolicy.mayLift(actor, p));
        mav.addObject("reasonLength", ProtectedIdentityPolicy.MIN_REASON_LENGTH);
        mav.addObject("rectifiableFields", RegistryService.rectifiableFields().stream()
                .filter(f -> !p.protectedIdentity() || !List.of("street", "postalCode", "city").contains(f)).toList());
        return mav;
    }

    @GetMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        PersonRead read = registry.read(actor, id);
        YoungPerson p = read.person();
        if (!p.ownerOrganisationId().equals(actor.organisationId())
                || !read.basis().equals(se.lots.audit.AccessBasis.OWN_ORGANISATION)) {
            throw new AccessDeniedException("only the holding organisation (its holding line of work) edits");
        }
        model.addAttribute("person", PersonInput.of(p));
        model.addAttribute("existingPerson", p);
        return "registry/form";
    }

    @PostMapping("/{id}/edit")
    String update(Actor actor, @PathVariable UUID id, @ModelAttribute("person") PersonInput input, Model model,
            Locale locale, RedirectAttributes redirect) {
        try {
            Versions.required(input.version(), null);
            registry.update(actor, id, input);
            redirect.addFlashAttribute("notice", "person.updated");
            return "redirect:/persons/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
        } catch (ConflictException | VersionRequiredException e) {
            YoungPerson current = registry.read(actor, id).person();
            model.addAttribute("formError", "person.changedCompare");
            model.addAttribute("changes", changes(PersonInput.of(current), input));
            // the form keeps what this user typed, on the version saved now: saving again is the merge
            model.addAttribute("person", input.withVersion(current.version()));
        }
        model.addAttribute("existingPerson", registry.read(actor, id).person());
        return "registry/form";
    }

    /** A field whose saved value differs from what the user typed, for the conflict table. */
    record FieldChange(String field, String theirs, String mine) {
    }

    private static List<FieldChange> changes(PersonInput theirs, PersonInput mine) {
        Address a = theirs.address() == null ? new Address(null, null, null) : theirs.address();
        Address b = mine.address() == null ? new Address(null, null, null) : mine.address();
        Guardian g = theirs.guardian() == null ? new Guardian(null, null, null) : theirs.guardian();
        Guardian h = mine.guardian() == null ? new Guardian(null, null, null) : mine.guardian();
        var fields = new String[][] {
            { "firstName", theirs.firstName(), mine.firstName() },
            { "lastName", theirs.lastName(), mine.lastName() },
            { "gender", theirs.gender(), mine.gender() },
            { "municipalityCode", theirs.municipalityCode(), mine.municipalityCode() },
            { "street", a.street(), b.street() }, { "postalCode", a.postalCode(), b.postalCode() },
            { "city", a.city(), b.city() }, { "phone", theirs.phone(), mine.phone() },
            { "email", theirs.email(), mine.email() },
            { "preferredLanguage", theirs.preferredLanguage(), mine.preferredLanguage() },
            { "interpreterNeeded", String.valueOf(Boolean.TRUE.equals(theirs.interpreterNeeded())),
                String.valueOf(Boolean.TRUE.equals(mine.interpreterNeeded())) },
            { "guardianName", g.name(), h.name() }, { "guardianPhone", g.phone(), h.phone() },
            { "guardianEmail", g.email(), h.email() } };
        var changes = new ArrayList<FieldChange>();
        for (String[] f : fields) {
            String t = f[1] == null ? "" : f[1].strip();
            String m = f[2] == null ? "" : f[2].strip();
            if (!t.equals(m)) {
                changes.add(new FieldChange(f[0], t, m));
            }
        }
        return changes;
    }

    /** Sets or lifts the protected identity with a reason; errors go back to the person page's section. */
    @PostMapping("/{id}/protected-identity")
    String changeProtectedIdentity(Actor actor, @PathVariable UUID id,
            @RequestParam(required = false) Boolean protectedIdentity, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes redirect) {
        try {
            var p = registry.changeProtectedIdentity(actor, id,
                    new ProtectedIdentityChange(protectedIdentity, reason, version));
            redirect.addFlashAttribute("notice",
                    p.protectedIdentity() ? "registry.protected.setDone" : "registry.protected.liftedDone");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("protectedErrors", e.texts(messages, locale));
            redirect.addFlashAttribute("protectedReason", reason);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "person.staleVersion");
        }
        return "redirect:/persons/" + id + "#skyddad-identitet";
    }

    /**
     * Rättelse: corrects one field on the person's request, with the reason; errors go back to the person page's
     * section, the saved correction is logged with the value before and after.
     */
    @PostMapping("/{id}/rectification")
    String rectify(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String field,
            @RequestParam(required = false) String value, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer version, Locale locale, RedirectAttributes redirect) {
        try {
            var values = new java.util.HashMap<String, String>();
            if (field != null && !field.isBlank()) {
                values.put(field, value);
            }
            registry.rectify(actor, id, new Rectification(values, reason, version));
            redirect.addFlashAttribute("notice", "registry.rectification.done");
            // the notice is at the top of the page, with the corrected name: not scrolled past to the section
            return "redirect:/persons/" + id;
        } catch (InvalidInputException e) {
            // the page has other forms: the fields are named here as rectification-field, -value and -reason
            var errors = new java.util.LinkedHashMap<String, String>();
            e.texts(messages, locale).forEach((name, text) -> errors.put("rectification-" + name, text));
            redirect.addFlashAttribute("rectificationErrors", errors);
            redirect.addFlashAttribute("rectificationForm", java.util.Map.of("field", field == null ? "" : field,
                    "value", value == null ? "" : value, "reason", reason == null ? "" : reason));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", "person.staleVersion");
            return "redirect:/persons/" + id;
        }
        return "redirect:/persons/" + id + "#rattelse";
    }

    @PostMapping("/{id}/emergency-access")
    String breakGlass(Actor actor, @PathVariable UUID id, @RequestParam String reason, Model model, Locale locale) {
        registry.ownerOf(id);
        try {
            consents.breakGlass(actor, id, reason);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.texts(messages, locale));
            model.addAttribute("personId", id);
            model.addAttribute("hours", consentSettings.duration().toHours());
            return "registry/denied";
        }
        return "redirect:/persons/" + id;
    }

    @PostMapping("/{id}/consents")
    String recordConsent(Actor actor, @PathVariable UUID id,
            @RequestParam(required = false) OrganisationId toOrganisationId,
            @RequestParam(required = false) ConsentPurpose purpose,
            @RequestParam(required = false) List<ConsentScope> scope,
            @RequestParam(required = false) GivenHow givenHow,
            @RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validTo,
            Locale locale, RedirectAttributes redirect) {
        try {
            consents.record(actor, id, registry.ownerOf(id),
                    new NewConsent(null, toOrganisationId, purpose, scope, givenHow, validFrom, validTo));
            redirect.addFlashAttribute("notice", "consent.recorded");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("consentErrors", e.texts(messages, locale));
        }
        return "redirect:/persons/" + id + "#samtycken";
    }

    @PostMapping("/{id}/consents/{consentId}/withdraw")
    String withdrawConsent(Actor actor, @PathVariable UUID id, @PathVariable UUID consentId,
            RedirectAttributes redirect) {
        try {
            consents.withdraw(actor, consentId);
            redirect.addFlashAttribute("notice", "consent.withdrawn");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", e.messageKey());
        }
        return "redirect:/persons/" + id + "#samtycken";
    }

    /** The other nämnder and lines of work of the actor's organisation that a disclosure may go to. */
    private List<SecrecyDomain> disclosureTargets(Actor actor) {
        if (actor.domain() == null || actor.domain().wholeOrganisation()) {
            return List.of();
        }
        return organisationUnits.units(actor.organisationId()).stream().filter(u -> u.lineOfWork() != null)
                .map(u -> new SecrecyDomain(actor.organisationId(), u.committee(), u.lineOfWork())).distinct()
                .filter(d -> !d.equals(actor.domain())).toList();
    }

    @PostMapping("/{id}/line-disclosures")
    String disclose(Actor actor, @PathVariable UUID id, @RequestParam(required = false) String to,
            @RequestParam(required = false) DisclosureProvision provision,
            @RequestParam(required = false) String reason, @RequestParam(required = false) LocalDate validTo,
            Locale locale, RedirectAttributes redirect) {
        LineOfWork line = null;
        String committee = "";
        if (to != null && to.contains("|")) {
            try {
                line = LineOfWork.parse(to.substring(0, to.indexOf('|')));
            } catch (IllegalArgumentException e) {
                line = null;
            }
            committee = to.substring(to.indexOf('|') + 1);
        }
        try {
            consents.disclose(actor, id, registry.ownerOf(id),
                    new NewLineDisclosure(committee, line, provision, reason, null, validTo));
            redirect.addFlashAttribute("notice", "disclosure.recorded");
        } catch (InvalidInputException e) {
            // the consent form on the same page has the field "validTo": the disclosure's is "disclosureValidTo"
            var errors = new java.util.LinkedHashMap<String, String>();
            e.texts(messages, locale).forEach((field, text) -> errors.put(
                    field.equals("validTo") ? "disclosureValidTo" : field, text));
            redirect.addFlashAttribute("disclosureErrors", errors);
        }
        return "redirect:/persons/" + id + "#utlamnanden";
    }

    @PostMapping("/{id}/line-disclosures/{disclosureId}/withdraw")
    String withdrawDisclosure(Actor actor, @PathVariable UUID id, @PathVariable UUID disclosureId,
            RedirectAttributes redirect) {
        try {
            consents.withdrawDisclosure(actor, disclosureId);
            redirect.addFlashAttribute("notice", "disclosure.withdrawn");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("notice", e.messageKey());
        }
        return "redirect:/persons/" + id + "#utlamnanden";
    }

    private Map<OrganisationId, String> organisationNames() {
        return organisations.organisations().stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name));
    }
}
