package se.lots.kaa.measure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.kaa.register.KaaAccess;
import se.lots.kaa.register.KaaEpisode;
import se.lots.kaa.register.KaaEpisodes;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;

/**
 * Measures (åtgärder) offered to and started by young people in the KAA register — förordning (2006:39) 4 §:
 * "individuella åtgärder med innehåll och start" — and the category list an administrator keeps in step with SCB.
 */
@Service
public class KaaMeasureService {

    private static final int MAX_TEXT = 300;

    private final Measures measures;
    private final MeasureCategories categories;
    private final KaaEpisodes episodes;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;

    KaaMeasureService(Measures measures, MeasureCategories categories, KaaEpisodes episodes,
            Organisations organisations, AuditLog audit, Clock clock) {
        this.measures = measures;
        this.categories = categories;
        this.episodes = episodes;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a user types; dates ISO, enums by name, {@code declined} only for an offer that was not started. */
    public record MeasureInput(String category, String content, String responsible, String responsibleActor,
            String offeredOn, String startedOn, String endedOn, String endReason, String followUpOn,
            Boolean declined) {
    }

    public record CategoryInput(String code, String name, Integer sortOrder, Boolean active) {
    }

    @Transactional
    public List<Measure> forPerson(Actor actor, UUID personId) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var result = measures.forPerson(org.id(), personId);
        if (!result.isEmpty()) {
            audit.record(actor, personId, AuditAction.READ, AccessBasis.of(KaaAccess.PURPOSE), "KAA-åtgärder");
        }
        return result;
    }

    /** Registers a measure in the person's open episode; returns it as saved. */
    @Transactional
    public Measure register(Actor actor, UUID personId, MeasureInput input) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        KaaEpisode episode = episodes.forPerson(org.id(), personId).stream().filter(KaaEpisode::open).findFirst()
                .orElseThrow(() -> new AccessDeniedException("the person is not in the municipality's KAA register"));
        Measure m = validate(input, episode, null);
        UUID id = measures.insert(org.id(), m, actor.userId());
        audit.record(actor, personId, AuditAction.CREATE, AccessBasis.of(KaaAccess.PURPOSE), "KAA-åtgärd");
        return measures.byId(org.id(), id).orElseThrow();
    }

    /**
     * Records that an offered measure has started, with the same checks as a change on the page. Only the start is
     * written; a measure that has started already is a conflict that carries it as saved now.
     */
    @Transactional
    public Measure start(Actor actor, UUID measureId, String startedOn) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        Measure existing = locked(org, measureId);
        if (existing.startedOn() != null) {
            throw new ConflictException("kaa.measure.alreadyStarted", measureId, existing);
        }
        if (blank(startedOn) == null) {
            throw new InvalidInputException("startedOn", "validation.required");
        }
        Measure m = validate(new MeasureInput(existing.categoryCode(), existing.content(),
                existing.responsible().name(), existing.responsibleActor(), text(existing.offeredOn()), startedOn,
                text(existing.endedOn()), existing.endReason() == null ? null : existing.endReason().name(),
                text(existing.followUpOn()), existing.declined()), episodes.byId(existing.episodeId()).orElseThrow(),
                existing);
        measures.start(org.id(), measureId, m.startedOn());
        audit.record(actor, existing.personId(), AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA-åtgärd: start");
        return measures.byId(org.id(), measureId).orElseThrow();
    }

    /**
     * Ends a measure with a day and a reason, with the same checks as a change on the page. Only the end is written;
     * a measure that has ended already is a conflict that carries it as saved now.
     */
    @Transactional
    public Measure end(Actor actor, UUID measureId, String endedOn, String endReason) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        Measure existing = locked(org, measureId);
        if (existing.endedOn() != null) {
            throw new ConflictException("kaa.measure.alreadyEnded", measureId, existing);
        }
        if (blank(endedOn) == null) {
            var v = new Validation().reject("endedOn", "validation.required");
            v.enumValue("endReason", endReason, MeasureEndReason.class, true);
            v.throwIfInvalid();
        }
        Measure m = validate(new MeasureInput(existing.categoryCode(), existing.content(),
                existing.responsible().name(), existing.responsibleActor(), text(existing.offeredOn()),
                text(existing.startedOn()), endedOn, endReason, text(existing.followUpOn()), existing.declined()),
                episodes.byId(existing.episodeId()).orElseThrow(), existing);
        measures.end(org.id(), measureId, m.endedOn(), m.endReason());
        audit.record(actor, existing.personId(), AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA-åtgärd: avslut");
        return measures.byId(org.id(), measureId).orElseThrow();
    }

    /** The measure of the actor's municipality, locked until the transaction ends so that two writers take turns. */
    private Measure locked(Organisation org, UUID measureId) {
        if (!measures.lock(org.id(), measureId)) {
            throw new NotFoundException("kaa.measure");
        }
        return measures.byId(org.id(), measureId).orElseThrow();
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }

    /** Changes a measure, e.g. to record its start, end or that the offer was declined. */
    @Transactional
    public void update(Actor actor, UUID measureId, MeasureInput input) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        Measure existing = measures.byId(org.id(), measureId).orElseThrow(() -> new NotFoundException("kaa.measure"));
        KaaEpisode episode = episodes.byId(existing.episodeId()).orElseThrow();
        Measure m = validate(input, episode, existing);
        measures.update(org.id(), m);
        audit.record(actor, existing.personId(), AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA-åtgärd");
    }

    @Transactional(readOnly = true)
    public List<MeasureCategory> categories() {
        return categories.all();
    }

    /** Adds a category or changes one; retiring (active = false) keeps it valid for the measures that used it. */
    @Transactional
    public void saveCategory(Actor actor, CategoryInput input) {
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("only an administrator keeps the measure categories");
        }
        var v = new Validation();
        String code = blank(input.code()) == null ? null : input.code().strip().toUpperCase(Locale.ROOT);
        v.require("code", code);
        if (code != null && !code.matches("[A-Z0-9_]{1,40}")) {
            v.reject("code", "kaa.category.codeFormat");
        }
        v.require("name", blank(input.name()));
        v.maxLength("name", input.name(), 100);
        v.throwIfInvalid();
        categories.save(new MeasureCategory(code, input.name().strip(), !Boolean.FALSE.equals(input.active()),
                input.sortOrder() == null ? 0 : input.sortOrder()));
    }

    private Measure validate(MeasureInput in, KaaEpisode episode, Measure existing) {
        var v = new Validation();
        String code = blank(in.category());
        MeasureCategory category = null;
        if (code == null) {
            v.reject("category", "validation.required");
        } else {
            category = categories.byCode(code).orElse(null);
            boolean unchanged = existing != null && existing.categoryCode().equals(code);
            if (category == null || (!category.active() && !unchanged)) {
                v.reject("category", "kaa.measure.unknownCategory");
            }
        }
        v.maxLength("content", in.content(), MAX_TEXT);
        MeasureResponsible responsible = v.enumValue("responsible", in.responsible(), MeasureResponsible.class, true);
        String actorName = blank(in.responsibleActor());
        if (responsible == MeasureResponsible.ANNAN_AKTOR && actorName == null) {
            v.reject("responsibleActor", "kaa.measure.actorRequired");
        }
        if (responsible != MeasureResponsible.ANNAN_AKTOR) {
            actorName = null;
        }
        v.maxLength("responsibleActor", actorName, 100);
        LocalDate today = LocalDate.now(clock);
        LocalDate offered = v.date("offeredOn", in.offeredOn(), false, null);
        LocalDate started = v.date("startedOn", in.startedOn(), false, null);
        LocalDate ended = v.date("endedOn", in.endedOn(), false, null);
        LocalDate followUp = v.date("followUpOn", in.followUpOn(), false, null);
        MeasureEndReason endReason = v.enumValue("endReason", in.endReason(), MeasureEndReason.class, false);
        boolean declined = Boolean.TRUE.equals(in.declined());
        if (offered == null && started == null && !v.hasErrors("offeredOn") && !v.hasErrors("startedOn")) {
            v.reject("offeredOn", "kaa.measure.offeredOrStarted");
        }
        if (offered != null && offered.isAfter(today)) {
            v.reject("offeredOn", "kaa.measure.offeredInFuture");
        }
        LocalDate first = offered != null ? offered : started;
        if (first != null && first.isBefore(episode.registeredOn())) {
            v.reject(offered != null ? "offeredOn" : "startedOn", "kaa.measure.beforeRegistration",
                    episode.registeredOn().toString());
        }
        if (offered != null && started != null && started.isBefore(offered)) {
            v.reject("startedOn", "kaa.measure.startBeforeOffered");
        }
        if (ended != null && first != null && ended.isBefore(started != null ? started : first)) {
            v.reject("endedOn", "kaa.measure.endBeforeStart");
        }
        if (ended != null && ended.isAfter(today)) {
            v.reject("endedOn", "kaa.measure.endInFuture");
        }
        if (endReason != null && ended == null && !v.hasErrors("endedOn")) {
            v.reject("endReason", "kaa.measure.endReasonWithoutEnd");
        }
        if (ended != null && endReason == null && !v.hasErrors("endReason")) {
            v.reject("endReason", "kaa.measure.endWithoutReason");
        }
        if (declined && started != null) {
            v.reject("declined", "kaa.measure.declinedButStarted");
        }
        if (declined && offered == null && started == null) {
            v.reject("declined", "kaa.measure.declinedNotOffered");
        }
        if (followUp != null && first != null && followUp.isBefore(first)) {
            v.reject("followUpOn", "kaa.measure.followUpBeforeStart");
        }
        v.throwIfInvalid();
        return new Measure(existing == null ? null : existing.id(), episode.id(), episode.personId(), code,
                category.name(), blank(in.content()), responsible, actorName, offered, started, ended, endReason,
                followUp, declined, false);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
