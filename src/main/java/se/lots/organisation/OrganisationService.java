package se.lots.organisation;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.reference.MunicipalityCode;
import se.lots.reference.ReferenceData;
import se.lots.shared.ConflictException;
import se.lots.shared.ContactDetails;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;

@Service
public class OrganisationService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{2,64}");

    private final Organisations organisations;
    private final UserAccounts users;
    private final PasswordEncoder passwordEncoder;
    private final ReferenceData reference;
    private final ApplicationEventPublisher events;

    OrganisationService(Organisations organisations, UserAccounts users, PasswordEncoder passwordEncoder,
            ReferenceData reference, ApplicationEventPublisher events) {
        this.reference = reference;
        this.events = events;
        this.organisations = organisations;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public Organisation create(NewOrganisation o) {
        var v = new Validation().require("name", o.name()).require("partyType", o.partyType())
                .maxLength("name", o.name(), 200);
        MunicipalityCode municipality = v.value("municipalityCode", o.municipalityCode(), MunicipalityCode::parse);
        String county = Organisations.blankToNull(o.countyCode());
        if (o.partyType() == PartyType.KOMMUN && municipality == null && !v.hasErrors("municipalityCode")) {
            v.reject("municipalityCode", "organisation.municipalityRequired");
        }
        if (o.partyType() == PartyType.REGION && county == null) {
            v.reject("countyCode", "organisation.countyRequired");
        }
        if (municipality != null && !reference.municipality(municipality).isPresent()) {
            v.reject("municipalityCode", "organisation.unknownMunicipality", municipality);
        }
        if (county != null && !reference.county(county).isPresent()) {
            v.reject("countyCode", "organisation.unknownCounty", county);
        }
        v.throwIfInvalid();
        if (organisations.nameTaken(o.name().trim())) {
            throw new ConflictException("organisation.duplicate", o.name().trim());
        }
        OrganisationId id = organisations.insert(o, municipality);
        if (o.units() != null) {
            o.units().stream().filter(u -> u != null && !u.isBlank()).distinct()
                    .forEach(u -> organisations.insertUnit(id, u));
        }
        return organisations.byId(id).orElseThrow();
    }

    @Transactional
    public OrganisationUnit addUnit(OrganisationId organisationId, String name) {
        new Validation().require("name", name).maxLength("name", name, 200).throwIfInvalid();
        organisations.byId(organisationId).orElseThrow(() -> new NotFoundException("organisation"));
        if (organisations.units(organisationId).stream().anyMatch(u -> u.name().equalsIgnoreCase(name.trim()))) {
            throw new ConflictException("organisation.unitDuplicate", name.trim());
        }
        long id = organisations.insertUnit(organisationId, name);
        return new OrganisationUnit(id, organisationId, name.trim());
    }

    /**
     * Sets the unit's nämnd (blank: not named) and line of work (null: none), which draw its secrecy boundary
     * (offentlighets- och sekretesslagen 8 kap. 1 and 2 §§, docs/security.md). Records a person's units held before
     * keep the line they were recorded with; those recorded before the unit had a line follow it.
     */
    @Transactional
    public OrganisationUnit setUnitBoundary(long unitId, String committee, LineOfWork lineOfWork) {
        OrganisationUnit unit = organisations.unit(unitId).orElseThrow(() -> new NotFoundException("unit"));
        String named = committee == null ? "" : committee.strip();
        new Validation().maxLength("committee", named, 200).throwIfInvalid();
        if (!named.isEmpty() && lineOfWork == null) {
            new Validation().reject("lineOfWork", "admin.unit.lineRequired").throwIfInvalid();
        }
        organisations.updateUnitBoundary(unitId, named, lineOfWork);
        return organisations.unit(unit.id()).orElseThrow();
    }

    /** A new account, whose password must pass {@link PasswordPolicy} (docs/security.md). */
    @Transactional
    public UserAccount createUser(NewUser u) {
        return create(u, true);
    }

    /**
     * One of the demo area's users, who all have the password published in the README, so that anyone can try
     * Lots: the one place a password is not held to the policy. Only the demo loader calls it.
     */
    @Transactional
    public UserAccount createDemoUser(NewUser u) {
        if (!PasswordPolicy.DEMO_PASSWORD.equals(u.password())) {
            throw new IllegalArgumentException("a demo user has the demo password");
        }
        return create(u, false);
    }

    private UserAccount create(NewUser u, boolean checkPassword) {
        var v = new Validation().require("username", u.username()).require("displayName", u.displayName())
                .require("role", u.role()).require("organisationId", u.organisationId())
                .maxLength("displayName", u.displayName(), 200);
        if (u.username() != null && !u.username().isBlank() && !USERNAME.matcher(u.username().trim()).matches()) {
            v.reject("username", "user.usernameFormat");
        }
        checkContact(v, u.email(), u.phone());
        if (checkPassword) {
            PasswordPolicy.shipped().check(u.password(), u.username())
                    .ifPresent(e -> v.reject(e.field(), e.messageKey(), e.arguments()));
        }
        if (u.organisationId() != null && organisations.byId(u.organisationId()).isEmpty()) {
            v.reject("organisationId", "user.unknownOrganisation");
        }
        if (u.unitId() != null && u.organisationId() != null
                && organisations.units(u.organisationId()).stream().noneMatch(unit -> unit.id() == u.unitId())) {
            v.reject("unitId", "user.unitNotInOrganisation");
        }
        v.throwIfInvalid();
        if (users.byUsername(u.username().trim()).isPresent()) {
            throw new ConflictException("user.duplicate", u.username().trim());
        }
        long id = users.insert(u, passwordEncoder.encode(u.password()));
        return users.byId(id).orElseThrow();
    }

    /**
     * The user's work e-mail address and phone number (blank: none), where Lots reminds them of their booked times.
     */
    @Transactional
    public UserAccount setContact(long userId, String email, String phone) {
        users.byId(userId).orElseThrow(() -> new NotFoundException("user"));
        var v = new Validation();
        checkContact(v, email, phone);
        v.throwIfInvalid();
        users.setContact(userId, email, phone);
        return users.byId(userId).orElseThrow();
    }

    private static void checkContact(Validation v, String email, String phone) {
        if (email != null && !email.isBlank()) {
            v.maxLength("email", email.strip(), 254);
            if (!ContactDetails.isEmailAddress(email.strip())) {
                v.reject("email", "validation.email");
            }
        }
        if (phone != null && !phone.isBlank() && !ContactDetails.isPhoneNumber(phone.strip())) {
            v.reject("phone", "validation.phone");
        }
    }

    /**
     * Deactivates or reactivates an account; a deactivated user can neither log in nor keep a session open
     * (security's AccountStillActive ends it at the next request). An administrator cannot deactivate themself,
     * which also keeps the last administrator.
     */
    @Transactional
    public UserAccount setActive(long userId, boolean active, String changedBy) {
        UserAccount account = users.byId(userId).orElseThrow(() -> new NotFoundException("user"));
        if (!active && account.username().equals(changedBy)) {
            throw new InvalidInputException("active", "user.cannotDeactivateSelf");
        }
        if (account.active() != active) {
            users.setActive(userId, active);
            events.publishEvent(new AccountActivationChanged(userId, account.username(), active, changedBy));
        }
        return users.byId(userId).orElseThrow();
    }

    public List<Organisation> organisations() {
        return organisations.all();
    }
}
