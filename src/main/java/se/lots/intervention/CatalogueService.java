package se.lots.intervention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.intervention.catalogue.CatalogueAccess;
import se.lots.intervention.catalogue.Eligibility;
import se.lots.intervention.catalogue.Intervention;
import se.lots.intervention.catalogue.InterventionHits;
import se.lots.intervention.catalogue.InterventionKind;
import se.lots.intervention.catalogue.InterventionQuery;
import se.lots.intervention.catalogue.InterventionSearch;
import se.lots.intervention.catalogue.InterventionValues;
import se.lots.intervention.catalogue.InterventionVersion;
import se.lots.intervention.catalogue.Interventions;
import se.lots.intervention.catalogue.Needs;
import se.lots.intervention.catalogue.ProviderVersion;
import se.lots.intervention.catalogue.Providers;
import se.lots.intervention.publiccatalogue.PublicCatalogue;
import se.lots.organisation.Organisation;
import se.lots.organisation.OrganisationId;
import se.lots.organisation.OrganisationUnit;
import se.lots.organisation.Organisations;
import se.lots.organisation.PartyType;
import se.lots.plan.EnrolmentService;
import se.lots.plan.Programme;
import se.lots.reference.ReferenceData;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.ContactDetails;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * The catalogue of providers and interventions. Everyone logged in reads it; writes follow {@link CatalogueAccess},
 * are refused when someone else saved first, write a version row (interventions) and an audit entry, and clear the
 * public catalogue's cache. The catalogue holds no data about young persons, so reads are not audited.
 */
@Service
public class CatalogueService {

    public static final AccessBasis CATALOGUE = AccessBasis.of("INSATSKATALOG");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TEXT_MAX = 4000;
    private static final int SHORT_MAX = 200;

    private final Interventions interventions;
    private final Providers providers;
    private final Needs needs;
    private final InterventionSearch search;
    private final PublicCatalogue publicCatalogue;
    private final Organisations organisations;
    private final EnrolmentService enrolments;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final Clock clock;

    CatalogueService(Interventions interventions, Providers providers, Needs needs, InterventionSearch search,
            PublicCatalogue publicCatalogue, Organisations organisations, EnrolmentService enrolments,
            ReferenceData reference, AuditLog audit, Clock clock) {
        this.interventions = interventions;
        this.providers = providers;
        this.needs = needs;
        this.search = search;
        this.publicCatalogue = publicCatalogue;
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public InterventionHits search(InterventionQuery query) {
        return search.search(query, today());
    }

    @Transactional(readOnly = true)
    public Intervention intervention(long id) {
        return interventions.byId(id).orElseThrow(() -> new NotFoundException("intervention"));
    }

    @Transactional(readOnly = true)
    public List<InterventionVersion> history(long id) {
        intervention(id);
        return interventions.versions(id);
    }

    @Transactional(readOnly = true)
    public List<Provider> providers() {
        return providers.all();
    }

    /** Every saved state of a provider, newest first. */
    @Transactional(readOnly = true)
    public List<ProviderVersion> providerHistory(long id) {
        provider(id);
        return providers.versions(id);
    }

    @Transactional(readOnly = true)
    public Provider provider(long id) {
        return providers.byId(id).orElseThrow(() -> new NotFoundException("provider"));
    }

    /** The providers whose interventions {@code actor} may add or change. */
    @Transactional(readOnly = true)
    public List<Provider> providersMaintainedBy(Actor actor) {
        return providers.all().stream().filter(p -> CatalogueAccess.maintains(actor, p.organisationId())).toList();
    }

    @Transactional(readOnly = true)
    public List<Need> needs() {
        return needs.all();
    }

    public boolean maintains(Actor actor, Intervention i) {
        return CatalogueAccess.maintains(actor, i.providerOrganisationId());
    }

    public boolean maintains(Actor actor, Provider p) {
        return CatalogueAccess.maintains(actor, p.organisationId());
    }

    public boolean maintainsSome(Actor actor) {
        return CatalogueAccess.maintainsSome(actor);
    }

    public boolean maintainsAll(Actor actor) {
        return CatalogueAccess.maintainsAll(actor);
    }

    // ---- providers -----------------------------------------------------------------------------------------

    /** Adds a provider ({@code id} null) or saves one; a programme lead only for the own organisation. */
    @Transactional
    public Provider saveProvider(Actor actor, Long id, ProviderInput in) {
        Provider existing = id == null ? null : provider(id);
        if (existing != null) {
            CatalogueAccess.requireMaintains(actor, existing.organisationId());
        } else if (!CatalogueAccess.maintainsSome(actor)) {
            CatalogueAccess.requireMaintains(actor, null);
        }
        var v = new Validation();
        Long organisationNumber = id(v, "organisationId", in.organisationId());
        Long unitId = id(v, "unitId", in.unitId());
        String name = trim(in.name());
        PartyType partyType = null;
        OrganisationId organisationId = null;
        if (organisationNumber != null) {
            Organisation o = organisationNumber > 0
                    ? organisations.byId(new OrganisationId(organisationNumber)).orElse(null) : null;
            if (o == null) {
                v.reject("organisationId", "validation.invalidValue");
            } else {
                organisationId = o.id();
                partyType = o.partyType();
                String unitName = null;
                if (unitId != null) {
                    unitName = organisations.units(organisationId).stream().filter(u -> u.id() == unitId)
                            .map(OrganisationUnit::name).findFirst().orElse(null);
                    if (unitName == null) {
                        v.reject("unitId", "provider.unitNotOfOrganisation");
                    }
                }
                if (name == null) {
                    name = unitName == null ? o.name() : o.name() + " – " + unitName;
                }
            }
        } else {
            if (unitId != null) {
                v.reject("unitId", "provider.unitNotOfOrganisation");
            }
            v.require("name", name);
            partyType = v.enumValue("partyType", in.partyType(), PartyType.class, true);
        }
        v.maxLength("name", name, SHORT_MAX).maxLength("contactName", in.contactName(), SHORT_MAX)
                .maxLength("address", in.address(), 500).maxLength("openingHours", in.openingHours(), 500);
        if (trim(in.email()) != null && !ContactDetails.isEmailAddress(in.email().strip())) {
            v.reject("email", "validation.email");
        }
        if (trim(in.phone()) != null && !ContactDetails.isPhoneNumber(in.phone().strip())) {
            v.reject("phone", "validation.phone");
        }
        if (name != null && providers.nameTaken(name, id)) {
            v.reject("name", "provider.nameTaken");
        }
        if (!CatalogueAccess.maintains(actor, organisationId)) {
            // a programme lead may add only the own organisation as provider
            v.reject("organisationId", "provider.ownOrganisationOnly");
        }
        v.throwIfInvalid();
        var p = new Provider(0, organisationId, unitId, name, partyType, trim(in.contactName()), trim(in.phone()),
                trim(in.email()), trim(in.address()), trim(in.openingHours()), 0);
        long savedId;
        if (existing == null) {
            savedId = providers.insert(p, actor.userId());
            audit.record(actor, null, AuditAction.CREATE, CATALOGUE, "utförare " + savedId);
        } else {
            int version = Versions.required(in.version(), null);
            if (!providers.update(id, p, version, actor.userId())) {
                throw new ConflictException("provider.stale", id);
            }
            savedId = id;
            audit.record(actor, null, AuditAction.UPDATE, CATALOGUE, "utförare " + savedId);
        }
        publicCatalogue.changed();
        return provider(savedId);
    }

    // ---- interventions -------------------------------------------------------------------------------------

    @Transactional
    public Intervention create(Actor actor, InterventionInput in) {
        if (!CatalogueAccess.maintainsSome(actor)) {
            CatalogueAccess.requireMaintains(actor, null);
        }
        InterventionValues values = check(actor, in, null);
        long id = interventions.insert(values, actor.userId());
        interventions.insertVersion(id, 0, actor.userId(), List.copyOf(values.content().keySet()),
                json(values.content()));
        audit.record(actor, null, AuditAction.CREATE, CATALOGUE, "insats " + id);
        publicCatalogue.changed();
        return intervention(id);
    }

    /** Saves all fields; refused (nothing overwritten) when someone saved after {@code in.version()}. */
    @Transactional
    public Intervention update(Actor actor, long id, InterventionInput in) {
        Intervention before = intervention(id);
        CatalogueAccess.requireMaintains(actor, before.providerOrganisationId());
        InterventionValues values = check(actor, in, before);
        int version = Versions.required(in.version(), null);
        return save(actor, before, values, version);
    }

    /** Retires the intervention: it leaves search and the public catalogue, its history stays. */
    @Transactional
    public Intervention retire(Actor actor, long id, Integer version) {
        Intervention before = intervention(id);
        CatalogueAccess.requireMaintains(actor, before.providerOrganisationId());
        return save(actor, before, InterventionValues.of(before).retiredOn(today()),
                Versions.required(version, null));
    }

    // ---- for the xlsx import (CatalogueImportService), which has checked the values and clears the cache once --

    /** A new intervention from an import row: version 0 and an audit entry, as a new one from the form. */
    public long createImported(Actor actor, InterventionValues values) {
        CatalogueAccess.requireMaintains(actor, null);
        long id = interventions.insert(values, actor.userId());
        interventions.insertVersion(id, 0, actor.userId(), List.copyOf(values.content().keySet()),
                json(values.content()));
        audit.record(actor, null, AuditAction.CREATE, CATALOGUE, "insats " + id + " (import)");
        return id;
    }

    /** Saves an import row over {@code before}; refused if someone saved since {@code before} was read. */
    public void saveImported(Actor actor, Intervention before, InterventionValues values) {
        CatalogueAccess.requireMaintains(actor, null);
        if (!interventions.update(before.id(), values, before.version(), actor.userId())) {
            // the preview's digest covers the rows, not the interventions left out, which may be retired
            throw new ConflictException("catalogue.import.stale", before.id());
        }
        List<String> changed = values.changedSince(InterventionValues.of(before));
        interventions.insertVersion(before.id(), before.version() + 1, actor.userId(), changed,
                json(values.content()));
        audit.record(actor, null, AuditAction.UPDATE, CATALOGUE, "insats " + before.id() + " (import): "
                + String.join(", ", changed));
    }

    /** Retires an intervention an import's file left out, when the user chose so (refused as a row is). */
    public void retireImported(Actor actor, Intervention before) {
        saveImported(actor, before, InterventionValues.of(before).retiredOn(today()));
    }

    private Intervention save(Actor actor, Intervention before, InterventionValues values, int version) {
        if (version != before.version() || !interventions.update(before.id(), values, version, actor.userId())) {
            throw new ConflictException("intervention.stale", before.id(), intervention(before.id()));
        }
        List<String> changed = values.changedSince(InterventionValues.of(before));
        interventions.insertVersion(before.id(), version + 1, actor.userId(), changed, json(values.content()));
        audit.record(actor, null, AuditAction.UPDATE, CATALOGUE, "insats " + before.id() + ": "
                + String.join(", ", changed));
        publicCatalogue.changed();
        return intervention(before.id());
    }

    private InterventionValues check(Actor actor, InterventionInput in, Intervention before) {
        var v = new Validation();
        Long providerId = id(v, "providerId", in.providerId());
        v.require("providerId", in.providerId());
        Provider provider = providerId == null ? null : providers.byId(providerId).orElse(null);
        if (providerId != null && provider == null) {
            v.reject("providerId", "validation.invalidValue");
        }
        if (provider != null && !CatalogueAccess.maintains(actor, provider.organisationId())) {
            v.reject("providerId", "intervention.providerNotYours");
        }
        Long programmeId = id(v, "programmeId", in.programmeId());
        if (programmeId != null) {
            Programme programme = enrolments.allProgrammes().stream().filter(p -> p.id() == programmeId).findFirst()
                    .orElse(null);
            if (programme == null) {
                v.reject("programmeId", "validation.invalidValue");
            } else if (provider != null && !Objects.equals(provider.organisationId(), programme.organisationId())) {
                v.reject("programmeId", "intervention.programmeNotOfProvider");
            }
        }
        v.require("name", trim(in.name())).maxLength("name", in.name(), SHORT_MAX);
        v.require("description", trim(in.description())).maxLength("description", in.description(), TEXT_MAX);
        v.maxLength("targetGroup", in.targetGroup(), TEXT_MAX).maxLength("method", in.method(), TEXT_MAX)
                .maxLength("cost", in.cost(), 1000).maxLength("financing", in.financing(), 1000);
        InterventionKind kind = v.enumValue("kind", in.kind(), InterventionKind.class, true);
        Integer ageMin = number(v, "ageMin", in.ageMin(), true, 0, 120);
        Integer ageMax = number(v, "ageMax", in.ageMax(), true, 0, 120);
        if (ageMin != null && ageMax != null && ageMin > ageMax) {
            v.reject("ageMin", "intervention.ageOrder", ageMin, ageMax);
        }
        Integer durationWeeks = number(v, "durationWeeks", in.durationWeeks(), false, 1, 520);
        Integer capacity = number(v, "capacity", in.capacity(), false, 0, 100_000);
        Integer occupancy = number(v, "occupancy", in.occupancy(), false, 0, 100_000);
        Integer waitingDays = number(v, "waitingDays", in.waitingDays(), false, 0, 3650);

        var needIds = new ArrayList<Long>();
        var knownNeeds = needs.all();
        for (String n : in.needIds()) {
            Long needId = id(v, "needIds", n);
            if (needId == null) {
                continue;
            }
            boolean linkedBefore = before != null && before.needs().stream().anyMatch(x -> x.id() == needId);
            if (knownNeeds.stream().noneMatch(x -> x.id() == needId && (x.active() || linkedBefore))) {
                v.reject("needIds", "validation.invalidValue");
            } else {
                needIds.add(needId);
            }
        }
        var eligibility = new ArrayList<Eligibility>();
        for (String e : in.eligibility()) {
            Eligibility value = v.enumValue("eligibility", e, Eligibility.class, false);
            if (value != null) {
                eligibility.add(value);
            }
        }
        var municipalities = new ArrayList<String>();
        for (String m : in.municipalityCodes()) {
            if (m == null || m.isBlank()) {
                continue;
            }
            if (reference.municipality(m.strip()).isEmpty()) {
                v.reject("municipalityCodes", "validation.invalidValue");
            } else {
                municipalities.add(m.strip());
            }
        }
        if (municipalities.isEmpty() && !v.hasErrors("municipalityCodes")) {
            v.reject("municipalityCodes", "intervention.municipalityRequired");
        }
        LocalDate validFrom = v.date("validFrom", in.validFrom(), false, null);
        LocalDate validTo = v.date("validTo", in.validTo(), false, null);
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            v.reject("validTo", "intervention.validOrder");
        }
        v.throwIfInvalid();
        LocalDate reviewedOn = in.isReviewed() || before == null ? today() : before.reviewedOn();
        boolean retired = before != null && before.retired();
        return new InterventionValues(providerId, programmeId, in.name().strip(), in.description().strip(), kind,
                trim(in.targetGroup()), ageMin, ageMax, needIds, eligibility, trim(in.method()), durationWeeks,
                capacity, programmeId == null ? occupancy : null, waitingDays, trim(in.cost()),
                trim(in.financing()), in.isKaaMeasure(), municipalities, validFrom, validTo, retired, reviewedOn);
    }

    // ---- needs ---------------------------------------------------------------------------------------------

    @Transactional
    public Need addNeed(Actor actor, String name) {
        CatalogueAccess.requireAdmin(actor);
        String n = trim(name);
        var v = new Validation().require("needName", n).maxLength("needName", n, 120);
        if (n != null && needs.nameTaken(n, null)) {
            v.reject("needName", "need.nameTaken");
        }
        v.throwIfInvalid();
        long id = needs.add(n);
        audit.record(actor, null, AuditAction.CREATE, CATALOGUE, "behov " + id);
        publicCatalogue.changed();
        return needs.byId(id).orElseThrow();
    }

    @Transactional
    public Need updateNeed(Actor actor, long id, String name, boolean active) {
        CatalogueAccess.requireAdmin(actor);
        needs.byId(id).orElseThrow(() -> new NotFoundException("need"));
        String n = trim(name);
        var v = new Validation().require("needName", n).maxLength("needName", n, 120);
        if (n != null && needs.nameTaken(n, id)) {
            v.reject("needName", "need.nameTaken");
        }
        v.throwIfInvalid();
        needs.update(id, n, active);
        audit.record(actor, null, AuditAction.UPDATE, CATALOGUE, "behov " + id + (active ? "" : " avslutat"));
        publicCatalogue.changed();
        return needs.byId(id).orElseThrow();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String json(Map<String, Object> content) {
        return JSON.writeValueAsString(content);
    }

    private static Long id(Validation v, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            v.reject(field, "validation.invalidValue");
            return null;
        }
    }

    /** A whole number in [min, max]; the message names the field, in the user's language. */
    private static Integer number(Validation v, String field, String value, boolean required, int min, int max) {
        var label = new DefaultMessageSourceResolvable("intervention.field." + field);
        if (value == null || value.isBlank()) {
            if (required) {
                v.reject(field, "validation.required");
            }
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            v.reject(field, "intervention.wholeNumber", label);
            return null;
        }
        if (n < 0) {
            v.reject(field, "intervention.notNegative", label);
            return null;
        }
        if (n < min || n > max) {
            v.reject(field, "intervention.between", label, min, max);
            return null;
        }
        return n;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
