package se.lots.kaa.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.kaa.ExitReason;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.organisation.Role;
import se.lots.organisation.UserAccounts;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.Versions;

/**
 * The KAA register of the actor's municipality: who is in it, their status history and contact attempts, and the
 * coordinator's worklist. Every read and write of a person is audited with the activity responsibility as basis.
 */
@Service
public class KaaService {

    private static final int MAX_TEXT = 300;

    private final KaaEpisodes episodes;
    private final KaaStatuses statuses;
    private final ContactAttempts contacts;
    private final Worklist worklist;
    private final KaaImports imports;
    private final Organisations organisations;
    private final UserAccounts users;
    private final AuditLog audit;
    private final KaaSettings settings;
    private final TwentiethBirthdays twentiethBirthdays;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    KaaService(KaaEpisodes episodes, KaaStatuses statuses, ContactAttempts contacts, Worklist worklist,
            KaaImports imports, Organisations organisations, UserAccounts users, AuditLog audit, KaaSettings settings,
            TwentiethBirthdays twentiethBirthdays, Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.episodes = episodes;
        this.statuses = statuses;
        this.contacts = contacts;
        this.worklist = worklist;
        this.imports = imports;
        this.organisations = organisations;
        this.users = users;
        this.audit = audit;
        this.settings = settings;
        this.twentiethBirthdays = twentiethBirthdays;
        this.clock = clock;
    }

    /** A person's KAA history in the actor's municipality; empty when they were never in its register. */
    public record PersonKaa(List<KaaEpisode> episodes, List<StatusRecord> statuses, List<ContactAttempt> contacts) {

        public Optional<KaaEpisode> openEpisode() {
            return episodes.stream().filter(KaaEpisode::open).findFirst();
        }

        public Optional<StatusRecord> current() {
            return statuses.stream().findFirst();
        }
    }

    /** What a user types to record a status; dates ISO. */
    public record StatusInput(String status, String studyKind, String occupation, String ascertainedOn, String source,
            String reviewOn) {
    }

    /** A contact attempt; {@code newStatus} (optional) records a status in the same step. */
    public record ContactInput(String channel, String contactedOn, String outcome, Boolean withGuardian, String note,
            StatusInput newStatus) {
    }

    /**
     * An episode ended by hand: the reason, the day (empty: today) and the episode's version as read, so that an
     * exit never lands on an episode someone else changed since.
     */
    public record ExitInput(String exitedOn, String exitReason, Integer version) {

        public ExitInput withVersion(int v) {
            return new ExitInput(exitedOn, exitReason, v);
        }
    }

    public record Overview(long open, long notKnown, long due, long turning20, int notKnownPercent) {
    }

    public record WorklistPage(List<Worklist.Row> rows, long total, int page, int pageSize) {

        public int pages() {
            return (int) ((total + pageSize - 1) / pageSize);
        }
    }

    @Transactional(readOnly = true)
    public Overview overview(Actor actor) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var f = worklist.figures(org.id(), LocalDate.now(clock));
        return new Overview(f.open(), f.notKnown(), f.due(), f.turning20(),
                f.open() == 0 ? 0 : (int) Math.round(100.0 * f.notKnown() / f.open()));
    }

    /** One page of the worklist; each person shown is logged as a search hit. */
    @Transactional
    public WorklistPage worklist(Actor actor, Worklist.Filter filter, Worklist.Sort sort, int page) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var q = query(actor, org, filter, sort);
        var result = worklist.page(org.id(), q, page);
        audit.recordEachIfAny(actor, result.rows().stream().map(Worklist.Row::personId).toList(), AuditAction.SEARCH,
                AccessBasis.of(KaaAccess.PURPOSE), "KAA-arbetslista");
        return new WorklistPage(result.rows(), result.total(), Math.max(0, page), Worklist.PAGE_SIZE);
    }

    /** The whole worklist of a filter as an Excel file; each person in it is audited as exported. */
    @Transactional
    public byte[] worklistWorkbook(Actor actor, Worklist.Filter filter, Worklist.Sort sort,
            org.springframework.context.MessageSource messages, Locale locale) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var rows = worklist.all(org.id(), query(actor, org, filter, sort));
        audit.recordEachIfAny(actor, rows.stream().map(Worklist.Row::personId).toList(), AuditAction.EXPORT,
                AccessBasis.of(KaaAccess.PURPOSE), "KAA-arbetslista, Excel");
        return WorklistWorkbook.write(rows, LocalDate.now(clock), messages, locale);
    }

    @Transactional
    public PersonKaa person(Actor actor, UUID personId) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var result = new PersonKaa(episodes.forPerson(org.id(), personId), statuses.history(org.id(), personId),
                contacts.forPerson(org.id(), personId));
        if (!result.episodes().isEmpty() || !result.statuses().isEmpty() || !result.contacts().isEmpty()) {
            audit.record(actor, personId, AuditAction.READ, AccessBasis.of(KaaAccess.PURPOSE), "KAA-uppgifter");
        }
        return result;
    }

    /**
     * The person as a municipality that does not hold their registry record sees them on its KAA page (it took them
     * over after a move, or its list named someone another organisation registered): identity and name only, which
     * förordning (2006:39) 4 § lets the register hold and the municipality has from the folkbokföring itself. The
     * contact details the holder collected are left out (null): they need the person's consent. Refused when the
     * municipality has never had the person in its register. Audited with the activity responsibility as basis.
     */
    @Transactional
    public se.lots.registry.YoungPerson identity(Actor actor, UUID personId) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        if (episodes.forPerson(org.id(), personId).isEmpty()) {
            throw new AccessDeniedException("the person was never in the municipality's KAA register");
        }
        var person = jdbc.sql("""
                SELECT id, identity_kind, personal_identity_number, reserve_identity, first_name, last_name, birth_date,
                       birth_year, gender, municipality_code, protected_identity, owner_organisation_id
                  FROM registry_person WHERE id = ?""").param(personId).query((rs, n) -> {
                    String pin = rs.getString("personal_identity_number");
                    return new se.lots.registry.YoungPerson(personId,
                            se.lots.registry.IdentityKind.valueOf(rs.getString("identity_kind")),
                            pin == null ? null : new se.lots.registry.PersonalIdentityNumber(pin),
                            rs.getString("reserve_identity"), rs.getString("first_name"), rs.getString("last_name"),
                            rs.getObject("birth_date", LocalDate.class), rs.getInt("birth_year"),
                            se.lots.registry.Gender.valueOf(rs.getString("gender")),
                            se.lots.reference.MunicipalityCode.ofNullable(rs.getString("municipality_code")),
                            rs.getBoolean("protected_identity"), null, null, null, null, false, null,
                            new se.lots.organisation.OrganisationId(rs.getLong("owner_organisation_id")), null, null,
                            0);
                }).optional().orElseThrow(() -> new NotFoundException("person"));
        audit.record(actor, personId, AuditAction.READ, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA: identitet och namn (registret hålls av annan organisation; kontaktuppgifter kräver samtycke)");
        return person;
    }

    /** Adds a status to the person's history; returns it as saved. */
    @Transactional
    public StatusRecord recordStatus(Actor actor, UUID personId, StatusInput input) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        requireInRegister(org, personId);
        var v = new Validation();
        StatusRecord s = status(v, personId, input, "");
        v.throwIfInvalid();
        StatusRecord saved = statuses.insert(org.id(), s, actor.userId());
        audit.record(actor, personId, AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE), "KAA-status");
        return saved;
    }

    /** Logs a contact attempt (and the status it gave, if any); returns the attempt as saved. */
    @Transactional
    public ContactAttempt recordContact(Actor actor, UUID personId, ContactInput input) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        requireInRegister(org, personId);
        var v = new Validation();
        ContactChannel channel = v.enumValue("channel", input.channel(), ContactChannel.class, true);
        ContactOutcome outcome = v.enumValue("outcome", input.outcome(), ContactOutcome.class, true);
        LocalDate on = v.date("contactedOn", input.contactedOn(), true, LocalDate.now(clock));
        v.maxLength("note", input.note(), MAX_TEXT);
        StatusRecord s = null;
        if (input.newStatus() != null && input.newStatus().status() != null && !input.newStatus().status().isBlank()) {
            s = status(v, personId, input.newStatus(), "newStatus.");
        }
        v.throwIfInvalid();
        UUID id = contacts.insert(org.id(), new ContactAttempt(null, personId, channel, on, actor.userId(), null,
                outcome, Boolean.TRUE.equals(input.withGuardian()), blank(input.note())), actor.userId());
        if (s != null) {
            statuses.insert(org.id(), s, actor.userId());
        }
        audit.record(actor, personId, AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE), "KAA-kontaktförsök");
        return contacts.byId(id);
    }

    /**
     * The current status when it was ascertained after {@code on}: a status given with a contact attempt dated
     * before the latest one (often the school list's, from an import) is saved in the history but does not become
     * current, and the page says so instead of leaving the user to wonder.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<StatusRecord> laterStatusThan(Actor actor, UUID personId, LocalDate on) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        requireInRegister(org, personId);
        return statuses.history(org.id(), personId).stream().findFirst()
                .filter(current -> current.ascertainedOn().isAfter(on));
    }

    /**
     * Ends an open episode with a reason. Only the coordinator ends episodes, as with the list import (the other
     * way an episode ends, besides turning 20). A stale version, or an episode already ended, is a conflict that
     * carries the episode as saved now.
     */
    @Transactional
    public KaaEpisode exit(Actor actor, UUID episodeId, ExitInput input) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        if (actor.role() != Role.KAA_COORDINATOR) {
            throw new AccessDeniedException("only the KAA coordinator ends an episode");
        }
        KaaEpisode e = episodes.byId(episodeId).filter(x -> x.organisationId().equals(org.id()))
                .orElseThrow(() -> new NotFoundException("kaa.episode"));
        int version = Versions.required(input.version(), null);
        var v = new Validation();
        ExitReason reason = v.enumValue("exitReason", input.exitReason(), ExitReason.class, true);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = blank(input.exitedOn()) == null ? today : v.date("exitedOn", input.exitedOn(), true, today);
        if (on != null && on.isBefore(e.registeredOn())) {
            v.reject("exitedOn", "kaa.exit.beforeRegistration", e.registeredOn().toString());
        }
        v.throwIfInvalid();
        if (!e.open()) {
            throw new ConflictException("kaa.exit.alreadyExited", episodeId, e);
        }
        if (e.version() != version || !episodes.close(e.id(), version, on, reason)) {
            throw new ConflictException("kaa.exit.stale", episodeId, episodes.byId(episodeId).orElseThrow());
        }
        audit.record(actor, e.personId(), AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA-avslut: " + reason);
        return episodes.byId(episodeId).orElseThrow();
    }

    /** Gives the episode to a staff member of the same organisation, or to nobody. */
    @Transactional
    public void assign(Actor actor, UUID episodeId, Long userId) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        KaaEpisode e = episodes.byId(episodeId).filter(x -> x.organisationId().equals(org.id()))
                .orElseThrow(() -> new NotFoundException("kaa.episode"));
        // only the KAA staff of the municipality, active, as offered on the page
        if (userId != null && staff(actor).stream().noneMatch(u -> u.id() == userId)) {
            throw new InvalidInputException("assignedTo", "kaa.assign.unknownUser");
        }
        episodes.assign(e.id(), userId);
        audit.record(actor, e.personId(), AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE), "KAA-tilldelning");
    }

    /**
     * Gives every chosen episode to one staff member, or to nobody, all or none: as {@link #assign} one by one (the
     * same access rule and one audit row per person), but an episode that is not open in the actor's municipality
     * refuses the whole selection, so a forged or stale id never leaves half of a selection assigned.
     */
    @Transactional
    public int assignAll(Actor actor, List<UUID> episodeIds, Long userId) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        if (episodeIds == null || episodeIds.isEmpty()) {
            throw new InvalidInputException("episode", "kaa.selection.none");
        }
        if (userId != null && staff(actor).stream().noneMatch(u -> u.id() == userId)) {
            throw new InvalidInputException("assignTo", "kaa.assign.unknownUser");
        }
        var chosen = new java.util.ArrayList<KaaEpisode>();
        for (UUID id : new java.util.LinkedHashSet<>(episodeIds)) {
            chosen.add(episodes.byId(id).filter(x -> x.organisationId().equals(org.id()) && x.open())
                    .orElseThrow(() -> new InvalidInputException("episode", "kaa.assign.notInRegister")));
        }
        for (KaaEpisode e : chosen) {
            if (!episodes.assign(e.id(), userId)) {
                throw new InvalidInputException("episode", "kaa.assign.notInRegister");
            }
            audit.record(actor, e.personId(), AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE),
                    "KAA-tilldelning");
        }
        return chosen.size();
    }

    /** Staff of the actor's organisation who can be given a person to work with. */
    @Transactional(readOnly = true)
    public List<se.lots.organisation.UserAccount> staff(Actor actor) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var units = organisations.units(org.id());
        boolean divided = units.stream().anyMatch(u -> u.lineOfWork() != null);
        var kaaUnits = units.stream().filter(u -> u.lineOfWork() == se.lots.organisation.LineOfWork.UTBILDNING_KAA)
                .map(se.lots.organisation.OrganisationUnit::id).toList();
        // in a municipality divided into lines of work, only the education line's staff work in its register
        return users.all().stream()
                .filter(u -> u.organisationId().equals(org.id()) && u.active() && KaaAccess.allowed(u.role()))
                .filter(u -> !divided || (u.unitId() != null && kaaUnits.contains(u.unitId())))
                .toList();
    }

    /** What the start page counts: reviews overdue, and who leaves by turning 20 this month. Counts, no person. */
    public record Today(java.time.YearMonth month, long due, long leaving) {
    }

    @Transactional(readOnly = true)
    public Today today(Actor actor) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        LocalDate today = LocalDate.now(clock);
        var month = java.time.YearMonth.from(today);
        var t = worklist.today(org.id(), today, month);
        return new Today(month, t.due(), t.leaving());
    }

    /** Who leaves the register by turning 20 in a month (the list a coordinator checks before the month starts). */
    @Transactional
    public List<TwentiethBirthdays.Leaving> leaving(Actor actor, java.time.YearMonth month) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var rows = twentiethBirthdays.leavingIn(org.id(), month);
        audit.recordEachIfAny(actor, rows.stream().map(TwentiethBirthdays.Leaving::personId).toList(),
                AuditAction.SEARCH, AccessBasis.of(KaaAccess.PURPOSE), "KAA: lämnar " + month + " (fyller 20)");
        return rows;
    }

    Worklist.Query query(Actor actor, Organisation org, Worklist.Filter filter, Worklist.Sort sort) {
        return new Worklist.Query(filter, sort, settings.attemptsWithoutReach(), settings.daysWithoutAttempt(),
                actor.userId(), imports.lastConfirmed(org.id()).orElse(null), LocalDate.now(clock));
    }

    private void requireInRegister(Organisation org, UUID personId) {
        if (episodes.forPerson(org.id(), personId).stream().noneMatch(KaaEpisode::open)) {
            throw new AccessDeniedException("the person is not in the municipality's KAA register");
        }
    }

    private StatusRecord status(Validation v, UUID personId, StatusInput in, String prefix) {
        KaaStatus status = v.enumValue(prefix + "status", in.status(), KaaStatus.class, true);
        StudyKind kind = blank(in.studyKind()) == null ? null
                : v.enumValue(prefix + "studyKind", in.studyKind(), StudyKind.class, true);
        if (status != KaaStatus.STUDERAR) {
            kind = null;
        }
        StatusSource source = v.enumValue(prefix + "source", in.source(), StatusSource.class, true);
        LocalDate ascertained = v.date(prefix + "ascertainedOn", in.ascertainedOn(), true, LocalDate.now(clock));
        LocalDate review = blank(in.reviewOn()) == null && ascertained != null
                ? ascertained.plusDays(settings.reviewDays()) : v.date(prefix + "reviewOn", in.reviewOn(), true, null);
        if (review != null && ascertained != null && review.isBefore(ascertained)) {
            v.reject(prefix + "reviewOn", "kaa.status.reviewBeforeAscertained");
        }
        v.maxLength(prefix + "occupation", in.occupation(), MAX_TEXT);
        return new StatusRecord(null, personId, status, kind, blank(in.occupation()), ascertained, source, review,
                null, null);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
