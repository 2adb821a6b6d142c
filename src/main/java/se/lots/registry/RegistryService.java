package se.lots.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.consent.Access;
import se.lots.consent.AccessPolicy;
import se.lots.consent.ConsentScope;
import se.lots.consent.PersonHoldings;
import se.lots.organisation.OrganisationId;
import se.lots.reference.MunicipalityCode;
import se.lots.reference.ReferenceData;
import se.lots.registry.internal.ProtectedIdentityPolicy;
import se.lots.registry.internal.YoungPersons;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.ContactDetails;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/** Register, edit, find and read young persons; every read and write goes through the access policy and the audit log. */
@Service
public class RegistryService {

    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{3} ?[0-9]{2}");
    /** The audit detail of a person registered with protected identity (no reason is asked for there). */
    static final String SET_ON_REGISTRATION = "registrerad med skyddad identitet";

    private final YoungPersons persons;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final AccessPolicy accessPolicy;
    private final PersonHoldings holdings;
    private final AuditLog audit;
    private final ReferenceData reference;
    private final Clock clock;

    RegistryService(YoungPersons persons, AccessPolicy accessPolicy, PersonHoldings holdings, AuditLog audit,
            ReferenceData reference, org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.holdings = holdings;
        this.events = events;
        this.persons = persons;
        this.accessPolicy = accessPolicy;
        this.audit = audit;
        this.reference = reference;
        this.clock = clock;
    }

    /** Registers a person for the actor's organisation; a personnummer already in the registry is a conflict naming the existing id. */
    @Transactional
    public YoungPerson register(Actor actor, PersonInput input) {
        requirePersonDataRole(actor);
        requireLineOfWork(actor);
        YoungPerson candidate = validate(input, null, actor.organisationId());
        if (candidate.personalIdentityNumber() != null) {
            persons.idByPersonalIdentityNumber(candidate.personalIdentityNumber())
                    .ifPresent(existing -> {
                        throw new ConflictException("person.duplicate", existing);
                    });
        }
        if (candidate.identityKind() == IdentityKind.RESERVE) {
            candidate = withReserveIdentity(candidate, persons.nextReserveIdentity());
        }
        UUID id = persons.insert(candidate, actor.userId());
        holdings.hold(actor, id);
        audit.record(actor, id, AuditAction.CREATE, AccessBasis.OWN_ORGANISATION, null);
        if (candidate.protectedIdentity()) {
            // protected from the start: the auditor follows every setting up, also this one
            audit.record(actor, id, AuditAction.PROTECTED_IDENTITY_SET, AccessBasis.OWN_ORGANISATION,
                    SET_ON_REGISTRATION);
        }
        return persons.byId(id).orElseThrow();
    }

    /**
     * Checks a person from an imported list as {@link #register} would, without saving: the returned person has a
     * new id and belongs to the actor's organisation. Throws {@link InvalidInputException} naming each wrong field.
     */
    public YoungPerson checkForImport(Actor actor, PersonInput input) {
        requirePersonDataRole(actor);
        requireLineOfWork(actor);
        YoungPerson p = validate(input, null, actor.organisationId());
        if (p.identityKind() != IdentityKind.PERSONNUMMER && p.identityKind() != IdentityKind.SAMORDNINGSNUMMER) {
            throw new InvalidInputException("personalIdentityNumber", "validation.required");
        }
        return withId(p, UUID.randomUUID());
    }

    /** Checks changed contact details of a person the actor's organisation holds, as {@link #update} would. */
    public YoungPerson checkChangeForImport(Actor actor, YoungPerson existing, PersonInput input) {
        requireHolder(actor, existing);
        YoungPerson changed = validate(input, existing, actor.organisationId());
        return merged(existing, changed, existing.version());
    }

    /** The persons with these personnummer (12 digits), whoever holds them: for matching an imported list. */
    @Transactional(readOnly = true)
    public Map<String, YoungPerson> byPersonalIdentityNumbers(Actor actor, Collection<String> pins) {
        requirePersonDataRole(actor);
        var found = new HashMap<String, YoungPerson>();
        var list = new ArrayList<>(pins);
        for (int from = 0; from < list.size(); from += 10_000) {
            persons.byPersonalIdentityNumbers(list.subList(from, Math.min(list.size(), from + 10_000)))
                    .forEach(p -> found.put(p.personalIdentityNumber().value(), p));
        }
        return found;
    }

    /** The persons with these reserve identities (RES-nnnnnnn), whoever holds them: for matching an imported list. */
    @Transactional(readOnly = true)
    public Map<String, YoungPerson> byReserveIdentities(Actor actor, Collection<String> reserveIdentities) {
        requirePersonDataRole(actor);
        var found = new HashMap<String, YoungPerson>();
        var list = new ArrayList<>(reserveIdentities);
        for (int from = 0; from < list.size(); from += 10_000) {
            persons.byReserveIdentities(list.subList(from, Math.min(list.size(), from + 10_000)))
                    .forEach(p -> found.put(p.reserveIdentity(), p));
        }
        return found;
    }

    /**
     * Saves what an import checked: new persons (from {@link #checkForImport}) and changed ones (from
     * {@link #checkChangeForImport}); a person changed by someone else since it was read makes the whole import fail.
     */
    @Transactional
    public void saveImported(Actor actor, List<YoungPerson> created, List<YoungPerson> changed, String detail) {
        requirePersonDataRole(actor);
        persons.insertAll(created, actor.userId());
        // an import is the importing line's own work (a KAA list under skollagen 29 kap. 9 §): its line holds them
        holdings.hold(actor, created.stream().map(YoungPerson::id).toList());
        holdings.hold(actor, changed.stream().map(YoungPerson::id).toList());
        audit.recordEachIfAny(actor, created.stream().map(YoungPerson::id).toList(), AuditAction.CREATE,
                AccessBasis.OWN_ORGANISATION, detail);
        var protectedNow = protectedAmong(changed);
        var becameProtected = new ArrayList<UUID>(created.stream().filter(YoungPerson::protectedIdentity)
                .map(YoungPerson::id).toList());
        for (YoungPerson p : changed) {
            if (protectedNow.contains(p.id()) && !p.protectedIdentity()) {
                // a list may set the flag (Skatteverket's marking reached the school), never lift it
                throw new InvalidInputException("protectedIdentity", "registry.protected.notByUpdate");
            }
            if (!protectedNow.contains(p.id()) && p.protectedIdentity()) {
                becameProtected.add(p.id());
            }
        }
        for (YoungPerson p : changed) {
            requireHolder(actor, p);
            if (!persons.update(p, actor.userId())) {
                throw new ConflictException("person.staleVersion", p.id());
            }
            events.publishEvent(new PersonDetailsSaved(p.id(), p.firstName(), p.lastName()));
        }
        audit.recordEachIfAny(actor, changed.stream().map(YoungPerson::id).toList(), AuditAction.UPDATE,
                AccessBasis.OWN_ORGANISATION, detail);
        audit.recordEachIfAny(actor, becameProtected, AuditAction.PROTECTED_IDENTITY_SET,
                AccessBasis.OWN_ORGANISATION, detail);
    }

    private Set<UUID> protectedAmong(List<YoungPerson> changed) {
        var found = new java.util.HashSet<UUID>();
        var ids = changed.stream().map(YoungPerson::id).toList();
        for (int from = 0; from < ids.size(); from += 10_000) {
            found.addAll(persons.protectedAmong(ids.subList(from, Math.min(ids.size(), from + 10_000))));
        }
        return found;
    }

    /**
     * Only the holding organisation edits; a stale {@code version} is refused, never silently overwritten. The
     * protected identity is not changed here: an input that names the other value is refused, pointing to
     * {@link #changeProtectedIdentity}; one that leaves it out (null) keeps it.
     */
    @Transactional
    public YoungPerson update(Actor actor, UUID id, PersonInput input) {
        YoungPerson existing = persons.byId(id).orElseThrow(() -> new NotFoundException("person"));
        requireHolder(actor, existing);
        if (input.protectedIdentity() != null && input.protectedIdentity() != existing.protectedIdentity()) {
            throw new InvalidInputException("protectedIdentity", "registry.protected.notByUpdate");
        }
        YoungPerson changed = validate(input, existing, actor.organisationId());
        int version = Versions.required(input.version(), null);
        var toSave = merged(existing, changed, version);
        if (!persons.update(toSave, actor.userId())) {
            throw new ConflictException("person.staleVersion", id);
        }
        events.publishEvent(new PersonDetailsSaved(id, toSave.firstName(), toSave.lastName()));
        audit.record(actor, id, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION, null);
        return persons.byId(id).orElseThrow();
    }

    /** The fields a rectification corrects, with the name the audit log's detail gives each (in Swedish). */
    private static final Map<String, String> RECTIFIABLE = rectifiable();
    static final int MAX_RECTIFICATION_REASON = 1000;

    private static Map<String, String> rectifiable() {
        var fields = new java.util.LinkedHashMap<String, String>();
        fields.put("personalIdentityNumber", "personnummer");
        fields.put("firstName", "förnamn");
        fields.put("lastName", "efternamn");
        fields.put("gender", "kön");
        fields.put("municipalityCode", "hemkommun");
        fields.put("street", "gatuadress");
        fields.put("postalCode", "postnummer");
        fields.put("city", "ort");
        fields.put("phone", "telefon");
        fields.put("email", "e-post");
        fields.put("preferredLanguage", "språk");
        fields.put("guardianName", "vårdnadshavarens namn");
        fields.put("guardianPhone", "vårdnadshavarens telefon");
        fields.put("guardianEmail", "vårdnadshavarens e-post");
        return java.util.Collections.unmodifiableMap(fields);
    }

    /** The fields {@link #rectify} corrects, in the order a form offers them. */
    public static List<String> rectifiableFields() {
        return List.copyOf(RECTIFIABLE.keySet());
    }

    /**
     * Rättelse (GDPR art. 16): corrects the named fields of the person's record on their request, by the holding
     * organisation (its holding line of work) as an edit is. Each value is checked as a registration checks it (a
     * personnummer by its checksum, and not another person's); the reason is required and the error names the fields.
     * Logged as {@code RECTIFICATION} with each field's value before and after and the reason, so the auditor sees what
     * was there before; a protected identity's address is written as "skyddad", never as it is. A plain
     * {@link #update} stays as it is.
     */
    @Transactional
    public YoungPerson rectify(Actor actor, UUID id, Rectification rectification) {
        YoungPerson existing = persons.byId(id).orElseThrow(() -> new NotFoundException("person"));
        requireHolder(actor, existing);
        int version = Versions.required(rectification.version(), null);
        if (version != existing.version()) {
            throw new ConflictException("person.staleVersion", id);
        }
        var v = new Validation();
        if (existing.anonymous()) {
            throw new InvalidInputException("field", "registry.rectification.anonymous");
        }
        Map<String, String> before = rectifiableValues(existing);
        var after = new java.util.LinkedHashMap<>(before);
        var changed = new ArrayList<String>();
        rectification.values().forEach((field, value) -> {
            if (!RECTIFIABLE.containsKey(field)) {
                v.reject("field", "registry.rectification.unknownField");
            } else if (!java.util.Objects.equals(before.get(field), trim(value))) {
                after.put(field, trim(value));
                changed.add(field);
            }
        });
        if (changed.isEmpty() && !v.hasErrors("field")) {
            v.reject("field", "registry.rectification.nothingChanged");
        }
        String reason = trim(rectification.reason());
        if (reason == null && !changed.isEmpty()) {
            v.reject("reason", "registry.rectification.reasonRequired",
                    new org.springframework.context.support.DefaultMessageSourceResolvable(
                            "registry.rectification.field." + changed.get(0)), changed.size() - 1);
        }
        v.maxLength("reason", reason, MAX_RECTIFICATION_REASON);
        PersonalIdentityNumber pin = existing.personalIdentityNumber();
        if (changed.contains("personalIdentityNumber")) {
            String typed = after.get("personalIdentityNumber");
            pin = typed == null ? null : parsePin(v, "value", typed, LocalDate.now(clock));
            if (typed == null) {
                v.reject("value", "validation.required");
            } else if (pin != null && persons.idByPersonalIdentityNumber(pin).filter(other -> !other.equals(id))
                    .isPresent()) {
                v.reject("value", "registry.rectification.pinTaken");
            }
        }
        v.throwIfInvalid();
        PersonInput input = new PersonInput(false, null, null, null, after.get("firstName"), after.get("lastName"),
                after.get("gender"), after.get("municipalityCode"), null,
                new Address(after.get("street"), after.get("postalCode"), after.get("city")), after.get("phone"),
                after.get("email"), after.get("preferredLanguage"), existing.interpreterNeeded(),
                new Guardian(after.get("guardianName"), after.get("guardianPhone"), after.get("guardianEmail")),
                version);
        YoungPerson checked;
        try {
            checked = validate(input, existing, actor.organisationId());
        } catch (InvalidInputException e) {
            // the form has one value field: a wrong value is named there
            throw new InvalidInputException(e.errors().stream()
                    .map(f -> new se.lots.shared.FieldError("value", f.messageKey(), f.arguments())).toList());
        }
        YoungPerson merged = merged(existing, checked, version);
        YoungPerson toSave = pin == existing.personalIdentityNumber() ? merged
                : new YoungPerson(id, pin.isCoordinationNumber() ? IdentityKind.SAMORDNINGSNUMMER
                        : IdentityKind.PERSONNUMMER, pin, null, merged.firstName(), merged.lastName(),
                        pin.hasCompleteBirthDate() ? pin.birthDate() : null, pin.birthYear(), merged.gender(),
                        merged.municipalityCode(), merged.protectedIdentity(), merged.address(), merged.phone(),
                        merged.email(), merged.preferredLanguage(), merged.interpreterNeeded(), merged.guardian(),
                        merged.ownerOrganisationId(), merged.createdAt(), merged.updatedAt(), version);
        if (!persons.rectify(toSave, actor.userId())) {
            throw new ConflictException("person.staleVersion", id);
        }
        events.publishEvent(new PersonDetailsSaved(id, toSave.firstName(), toSave.lastName()));
        var detail = new StringBuilder("rättelse på den registrerades begäran: ");
        for (int i = 0; i < changed.size(); i++) {
            String field = changed.get(i);
            boolean hidden = existing.protectedIdentity() && ADDRESS_FIELDS.contains(field);
            detail.append(i == 0 ? "" : "; ").append(RECTIFIABLE.get(field)).append(": ")
                    .append(hidden ? "skyddad" : shown(before.get(field))).append(" -> ")
                    .append(hidden ? "skyddad" : shown(after.get(field)));
        }
        detail.append(". Skäl: ").append(reason);
        audit.record(actor, id, AuditAction.RECTIFICATION, AccessBasis.OWN_ORGANISATION, detail.toString());
        return persons.byId(id).orElseThrow();
    }

    private static final Set<String> ADDRESS_FIELDS = Set.of("street", "postalCode", "city");

    private static Map<String, String> rectifiableValues(YoungPerson p) {
        var values = new HashMap<String, String>();
        values.put("personalIdentityNumber", p.personalIdentityNumber() == null ? null
                : p.personalIdentityNumber().value());
        values.put("firstName", p.firstName());
        values.put("lastName", p.lastName());
        values.put("gender", p.gender() == null ? null : p.gender().name());
        values.put("municipalityCode", p.municipalityCode() == null ? null : p.municipalityCode().value());
        values.put("street", p.address() == null ? null : p.address().street());
        values.put("postalCode", p.address() == null ? null : p.address().postalCode());
        values.put("city", p.address() == null ? null : p.address().city());
        values.put("phone", p.phone());
        values.put("email", p.email());
        values.put("preferredLanguage", p.preferredLanguage());
        values.put("guardianName", p.guardian() == null ? null : p.guardian().name());
        values.put("guardianPhone", p.guardian() == null ? null : p.guardian().phone());
        values.put("guardianEmail", p.guardian() == null ? null : p.guardian().email());
        return values;
    }

    private static String shown(String value) {
        return value == null ? "(tomt)" : "\"" + value + "\"";
    }

    /**
     * Sets or lifts the person's protected identity, with a reason: only the holding organisation, setting by anyone
     * there who works with the person, lifting only by the roles {@link ProtectedIdentityPolicy} names. Setting
     * erases the stored address. Audited as {@code PROTECTED_IDENTITY_SET} or {@code _LIFTED} with the reason as
     * the detail; a stale {@code version} is refused as an update's is.
     */
    @Transactional
    public YoungPerson changeProtectedIdentity(Actor actor, UUID id, ProtectedIdentityChange change) {
        YoungPerson existing = persons.byId(id).orElseThrow(() -> new NotFoundException("person"));
        requireHolder(actor, existing);
        Boolean protect = change.protectedIdentity();
        if (Boolean.FALSE.equals(protect) && existing.protectedIdentity()
                && !ProtectedIdentityPolicy.mayLift(actor, existing)) {
            throw new AccessDeniedException("only a KAA coordinator or programme lead lifts a protected identity");
        }
        if (Boolean.TRUE.equals(protect) && !ProtectedIdentityPolicy.maySet(actor, existing)) {
            throw new AccessDeniedException("role does not set a protected identity");
        }
        int version = Versions.required(change.version(), null);
        if (version != existing.version()) {
            throw new ConflictException("person.staleVersion", id);
        }
        var v = new Validation();
        if (protect == null) {
            v.reject("protectedIdentity", "validation.required");
        } else if (protect == existing.protectedIdentity()) {
            v.reject("protectedIdentity", protect ? "registry.protected.alreadySet" : "registry.protected.notSet");
        }
        if (!ProtectedIdentityPolicy.isReason(change.reason())) {
            v.reject("reason", "registry.protected.reasonRequired", ProtectedIdentityPolicy.MIN_REASON_LENGTH);
        }
        v.maxLength("reason", change.reason() == null ? null : change.reason().strip(), 500);
        v.throwIfInvalid();
        if (!persons.changeProtectedIdentity(id, protect, version, actor.userId())) {
            throw new ConflictException("person.staleVersion", id);
        }
        audit.record(actor, id, protect ? AuditAction.PROTECTED_IDENTITY_SET : AuditAction.PROTECTED_IDENTITY_LIFTED,
                AccessBasis.OWN_ORGANISATION, change.reason().strip());
        return persons.byId(id).orElseThrow();
    }

    /**
     * Records that the actor's line of work (and nämnd) holds these persons' records from now on, as a module does
     * when its user takes an action for them that their line keeps a record of (the KAA register's import).
     */
    @Transactional
    public void recordHolding(Actor actor, Collection<UUID> ids) {
        requirePersonDataRole(actor);
        holdings.hold(actor, ids);
    }

    /** Reads the record if the access policy allows it, and logs the read with the basis used. */
    @Transactional
    public PersonRead read(Actor actor, UUID id) {
        return readIfAllowed(actor, id).orElseThrow(() -> new AccessDeniedException("no access to person"));
    }

    /**
     * As {@link #read}, but empty instead of refused, so that another module's page can show the name where the
     * actor may see it inside its own transaction (an exception would mark that transaction for rollback).
     */
    @Transactional
    public Optional<PersonRead> readIfAllowed(Actor actor, UUID id) {
        OrganisationId owner = persons.owner(id).orElseThrow(() -> new NotFoundException("person"));
        Access access = accessPolicy.decide(actor, id, owner, ConsentScope.GRUNDUPPGIFTER);
        if (!access.granted()) {
            return Optional.empty();
        }
        var person = persons.byId(id).orElseThrow();
        audit.record(actor, id, AuditAction.READ, access.basis(), null);
        return Optional.of(new PersonRead(person, access.basis()));
    }

    /**
     * As {@link #readIfAllowed} for many persons at once (a list page): one query for the records, the same access
     * decision for each, and an audited read of each one returned. Persons the actor may not see are left out.
     */
    @Transactional
    public Map<UUID, PersonRead> readAllIfAllowed(Actor actor, Collection<UUID> ids) {
        var read = new HashMap<UUID, PersonRead>();
        if (ids.isEmpty() || !actor.readsPersonalData()) {
            return read;
        }
        var own = new ArrayList<UUID>();
        var found = persons.byIds(new java.util.HashSet<>(ids));
        var owners = new HashMap<UUID, OrganisationId>();
        found.forEach(p -> owners.put(p.id(), p.ownerOrganisationId()));
        // the same decision as a read: the own line's holding, a disclosure, a consent or an emergency access
        Map<UUID, Access> decided = accessPolicy.decideAll(actor, owners, ConsentScope.GRUNDUPPGIFTER);
        for (YoungPerson person : found) {
            Access access = decided.get(person.id());
            if (access == null) {
                continue;
            }
            if (access.basis().equals(AccessBasis.OWN_ORGANISATION)) {
                own.add(person.id());
            } else {
                audit.record(actor, person.id(), AuditAction.READ, access.basis(), null);
            }
            read.put(person.id(), new PersonRead(person, access.basis()));
        }
        audit.recordEachIfAny(actor, own, AuditAction.READ, AccessBasis.OWN_ORGANISATION, null);
        return read;
    }

    /** True when the person exists; says nothing else, so that a user without access can ask for emergency access. */
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        return persons.owner(id).isPresent();
    }

    @Transactional(readOnly = true)
    public OrganisationId ownerOf(UUID id) {
        return persons.owner(id).orElseThrow(() -> new NotFoundException("person"));
    }

    /**
     * Records that the person's folkbokföring moved to another municipality (issue 23, moves), for whichever
     * organisation holds the record: the home municipality is a fact of the population register, not the holder's
     * own data, so the module that acts on the move (the KAA register, which checks its own duty first) passes the
     * legal basis it works under, and the change is audited with that basis. Only the municipality code changes; a
     * code that is not a municipality, or the one already registered, is refused naming {@code field}.
     */
    @Transactional
    public YoungPerson recordHomeMunicipality(Actor actor, UUID id, MunicipalityCode to, AccessBasis basis,
            String field, String detail) {
        requirePersonDataRole(actor);
        YoungPerson existing = persons.byId(id).orElseThrow(() -> new NotFoundException("person"));
        if (to == null || reference.municipality(to).isEmpty()) {
            throw new InvalidInputException(field, "person.unknownMunicipality", to);
        }
        if (to.equals(existing.municipalityCode())) {
            throw new InvalidInputException(field, "person.sameMunicipality", to);
        }
        if (!persons.updateMunicipality(id, to, actor.userId())) {
            throw new NotFoundException("person");
        }
        audit.record(actor, id, AuditAction.UPDATE, basis, detail);
        return persons.byId(id).orElseThrow();
    }

    private static void requirePersonDataRole(Actor actor) {
        if (!actor.readsPersonalData()) {
            throw new AccessDeniedException("role does not read personal data");
        }
    }

    private YoungPerson validate(PersonInput in, YoungPerson existing, OrganisationId organisationId) {
        var v = new Validation();
        LocalDate today = LocalDate.now(clock);
        boolean anonymous = existing != null ? existing.anonymous() : in.isAnonymous();
        // a saved person keeps the flag unless the input names it (only an import's input may set it)
        boolean protectedIdentity = existing != null && in.protectedIdentity() == null ? existing.protectedIdentity()
                : in.isProtected();
        Gender gender = parseEnum(v, "gender", in.gender());
        v.require("municipalityCode", in.municipalityCode());
        MunicipalityCode municipality = v.value("municipalityCode", in.municipalityCode(), MunicipalityCode::parse);
        if (municipality != null && reference.municipality(municipality).isEmpty()) {
            v.reject("municipalityCode", "person.unknownMunicipality", municipality);
        }
        Address address = in.address() == null ? new Address(null, null, null) : trimmed(in.address());
        Guardian guardian = in.guardian() == null ? new Guardian(null, null, null)
                : new Guardian(trim(in.guardian().name()), trim(in.guardian().phone()), trim(in.guardian().email()));

        IdentityKind kind;
        PersonalIdentityNumber pinValue = null;
        LocalDate birthDate = null;
        int birthYear = 0;
        if (existing != null) {
            kind = existing.identityKind();
            birthDate = existing.birthDate();
            birthYear = existing.birthYear();
        } else if (anonymous) {
            kind = IdentityKind.ANONYMOUS;
            birthYear = parseBirthYear(v, in.birthYear(), today);
        } else if (trim(in.personalIdentityNumber()) != null) {
            PersonalIdentityNumber pin = parsePin(v, "personalIdentityNumber", in.personalIdentityNumber(), today);
            if (pin != null) {
                kind = pin.isCoordinationNumber() ? IdentityKind.SAMORDNINGSNUMMER : IdentityKind.PERSONNUMMER;
                pinValue = pin;
                birthYear = pin.birthYear();
                birthDate = pin.hasCompleteBirthDate() ? pin.birthDate() : null;
            } else {
                kind = IdentityKind.PERSONNUMMER;
            }
        } else {
            kind = IdentityKind.RESERVE;
            birthDate = parseDate(v, "birthDate", in.birthDate(), today);
            birthYear = birthDate == null ? 0 : birthDate.getYear();
        }

        if (anonymous) {
            if (trim(in.firstName()) != null || trim(in.lastName()) != null || trim(in.phone()) != null
                    || trim(in.email()) != null || !address.noneGiven() || trim(in.personalIdentityNumber()) != null) {
                v.reject("anonymous", "person.anonymousHasIdentity");
            }
        } else {
            v.require("firstName", in.firstName()).require("lastName", in.lastName())
                    .maxLength("firstName", in.firstName(), 100).maxLength("lastName", in.lastName(), 100);
        }
        if (protectedIdentity && !address.noneGiven()) {
            v.reject("address", "person.protectedNoAddress");
        }
        if (trim(in.email()) != null && !ContactDetails.isEmailAddress(in.email().trim())) {
            v.reject("email", "validation.email");
        }
        if (guardian.email() != null && !ContactDetails.isEmailAddress(guardian.email())) {
            v.reject("guardian.email", "validation.email");
        }
        if (trim(in.phone()) != null && !ContactDetails.isPhoneNumber(in.phone().trim())) {
            v.reject("phone", "validation.phone");
        }
        if (guardian.phone() != null && !ContactDetails.isPhoneNumber(guardian.phone())) {
            v.reject("guardian.phone", "validation.phone");
        }
        if (address.postalCode() != null && !POSTAL_CODE.matcher(address.postalCode()).matches()) {
            v.reject("address.postalCode", "validation.postalCode");
        }
        v.maxLength("address.street", address.street(), 200).maxLength("address.city", address.city(), 100)
                .maxLength("preferredLanguage", in.preferredLanguage(), 50);
        v.throwIfInvalid();
        return new YoungPerson(null, kind, pinValue, null, anonymous ? null : trim(in.firstName()),
                anonymous ? null : trim(in.lastName()), birthDate, birthYear, gender, municipality, protectedIdentity,
                protectedIdentity || anonymous ? null : address, anonymous ? null : trim(in.phone()),
                anonymous ? null : trim(in.email()), trim(in.preferredLanguage()),
                Boolean.TRUE.equals(in.interpreterNeeded()), anonymous ? null : guardian, organisationId, null, null,
                existing == null ? 0 : existing.version());
    }

    private void requireHolder(Actor actor, YoungPerson existing) {
        if (!actor.readsPersonalData() || !existing.ownerOrganisationId().equals(actor.organisationId())
                || !accessPolicy.heldByOwnLine(actor, List.of(existing.id())).contains(existing.id())) {
            throw new AccessDeniedException("only the holding organisation (its holding line of work) edits a record");
        }
    }

    /** In an organisation divided into lines of work, a user outside them registers no one: no line would hold it. */
    private static void requireLineOfWork(Actor actor) {
        if (actor.domain() == null) {
            throw new AccessDeniedException("the user's unit has no line of work");
        }
    }

    private static YoungPerson merged(YoungPerson existing, YoungPerson changed, int version) {
        return new YoungPerson(existing.id(), existing.identityKind(), existing.personalIdentityNumber(),
                existing.reserveIdentity(), changed.firstName(), changed.lastName(), existing.birthDate(),
                existing.birthYear(), changed.gender(), changed.municipalityCode(), changed.protectedIdentity(),
                changed.address(), changed.phone(), changed.email(), changed.preferredLanguage(),
                changed.interpreterNeeded(), changed.guardian(), existing.ownerOrganisationId(), existing.createdAt(),
                existing.updatedAt(), version);
    }

    private static YoungPerson withId(YoungPerson p, UUID id) {
        return new YoungPerson(id, p.identityKind(), p.personalIdentityNumber(), p.reserveIdentity(), p.firstName(),
                p.lastName(), p.birthDate(), p.birthYear(), p.gender(), p.municipalityCode(), p.protectedIdentity(),
                p.address(), p.phone(), p.email(), p.preferredLanguage(), p.interpreterNeeded(), p.guardian(),
                p.ownerOrganisationId(), p.createdAt(), p.updatedAt(), p.version());
    }

    private static YoungPerson withReserveIdentity(YoungPerson p, String reserve) {
        return new YoungPerson(p.id(), p.identityKind(), null, reserve, p.firstName(), p.lastName(), p.birthDate(),
                p.birthYear(), p.gender(), p.municipalityCode(), p.protectedIdentity(), p.address(), p.phone(),
                p.email(), p.preferredLanguage(), p.interpreterNeeded(), p.guardian(), p.ownerOrganisationId(),
                p.createdAt(), p.updatedAt(), p.version());
    }

    private static PersonalIdentityNumber parsePin(Validation v, String field, String value, LocalDate today) {
        try {
            return PersonalIdentityNumber.parse(value, today);
        } catch (InvalidPersonalIdentityNumberException e) {
            v.reject(field, e.messageKey());
            return null;
        }
    }

    private static LocalDate parseDate(Validation v, String field, String value, LocalDate today) {
        if (trim(value) == null) {
            v.reject(field, "person.birthDateRequired");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.isAfter(today)) {
                v.reject(field, "validation.dateInFuture");
            }
            return date;
        } catch (DateTimeParseException e) {
            v.reject(field, "validation.date");
            return null;
        }
    }

    private static int parseBirthYear(Validation v, String value, LocalDate today) {
        try {
            int year = Integer.parseInt(value == null ? "" : value.trim());
            if (year < 1900 || year > today.getYear()) {
                v.reject("birthYear", "person.birthYearRange", today.getYear());
            }
            return year;
        } catch (NumberFormatException e) {
            v.reject("birthYear", "person.birthYearRequired");
            return 0;
        }
    }

    private static Gender parseEnum(Validation v, String field, String value) {
        if (trim(value) == null) {
            v.reject(field, "validation.required");
            return null;
        }
        try {
            return Gender.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.reject(field, "person.unknownGender");
            return null;
        }
    }

    private static Address trimmed(Address a) {
        return new Address(trim(a.street()), trim(a.postalCode()), trim(a.city()));
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
