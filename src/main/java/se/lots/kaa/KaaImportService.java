package se.lots.kaa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.database.BulkWrite;
import se.lots.kaa.ImportPreview.Closing;
import se.lots.kaa.ImportPreview.Entry;
import se.lots.kaa.ImportPreview.RowError;
import se.lots.kaa.register.ImportProgress;
import se.lots.kaa.register.KaaAccess;
import se.lots.kaa.register.KaaEpisode;
import se.lots.kaa.register.KaaEpisodes;
import se.lots.kaa.register.KaaImports;
import se.lots.kaa.register.KaaSettings;
import se.lots.kaa.register.KaaStatus;
import se.lots.kaa.register.KaaStatuses;
import se.lots.kaa.register.KaaTargetGroupPolicy;
import se.lots.kaa.register.KaaTargetGroupPolicy.Outcome;
import se.lots.kaa.register.ListColumn;
import se.lots.kaa.register.ListIdentity;
import se.lots.kaa.register.RegistrationReason;
import se.lots.kaa.register.SchoolSituation;
import se.lots.kaa.register.StatusRecord;
import se.lots.kaa.register.StatusSource;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.reference.ReferenceData;
import se.lots.registry.Address;
import se.lots.registry.Guardian;
import se.lots.registry.LegalGender;
import se.lots.registry.PersonInput;
import se.lots.registry.PersonalIdentityNumber;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.TabularFile;
import se.lots.shared.TabularFile.UnreadableFileException;
import se.lots.shared.TextInput;

/**
 * Imports a school's KAA list in two steps: {@link #upload} keeps the file and shows what it would do (new in the
 * group, changed, no longer in the list, outside the group, errors); {@link #confirm} does it, all or nothing.
 * Importing the same file again changes nothing.
 */
@Service
public class KaaImportService {

    private static final int MAX_BYTES = 50 * 1024 * 1024;

    private final KaaImports imports;
    private final KaaEpisodes episodes;
    private final KaaStatuses statuses;
    private final RegistryService registry;
    private final Organisations organisations;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final MessageSource messages;
    private final KaaSettings settings;
    private final BulkWrite bulkWrite;
    private final Clock clock;

    KaaImportService(KaaImports imports, KaaEpisodes episodes, KaaStatuses statuses, RegistryService registry,
            Organisations organisations, ReferenceData reference, AuditLog audit, MessageSource messages,
            KaaSettings settings, BulkWrite bulkWrite, Clock clock) {
        this.imports = imports;
        this.episodes = episodes;
        this.statuses = statuses;
        this.registry = registry;
        this.organisations = organisations;
        this.reference = reference;
        this.audit = audit;
        this.messages = messages;
        this.settings = settings;
        this.bulkWrite = bulkWrite;
        this.clock = clock;
    }

    /** Keeps the file until it is confirmed or discarded and returns the preview; saves nothing else. */
    @Transactional
    public ImportPreview upload(Actor actor, String fileName, byte[] content, Locale locale) {
        return upload(actor, fileName, content, locale, ImportProgress.Tracker.NONE);
    }

    /** As {@link #upload(Actor, String, byte[], Locale)}, telling {@code progress} how far it has come. */
    @Transactional
    public ImportPreview upload(Actor actor, String fileName, byte[] content, Locale locale,
            ImportProgress.Tracker progress) {
        Organisation municipality = kaaOrganisation(actor);
        bulkWrite.begin();
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", "file.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String name = fileName == null || fileName.isBlank() ? "lista.csv" : fileName.strip();
        UUID id = imports.insert(municipality.id(), name, content, sha256(content), actor.userId());
        Plan plan = plan(actor, municipality, id, name, content, locale, progress);
        imports.counts(id, plan.preview);
        progress.report("kaa.import.progress.logging", 0, plan.shownPersons.size());
        audit.recordEachIfAny(actor, plan.shownPersons, AuditAction.READ, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA-import, förhandsgranskning: " + name);
        progress.report("kaa.import.progress.done", plan.preview.rowCount(), plan.preview.rowCount());
        return plan.preview;
    }

    /** The preview of a kept file again, computed against the register as it is now; the persons shown are audited. */
    @Transactional
    public ImportPreview preview(Actor actor, UUID importId, Locale locale) {
        Organisation municipality = kaaOrganisation(actor);
        bulkWrite.begin();
        var pending = pendingOf(actor, importId);
        Plan plan = plan(actor, municipality, importId, pending.fileName(), pending.content(), locale,
                ImportProgress.Tracker.NONE);
        audit.recordEachIfAny(actor, plan.shownPersons, AuditAction.READ, AccessBasis.of(KaaAccess.PURPOSE),
                "KAA-import, förhandsgranskning: " + pending.fileName());
        return plan.preview;
    }

    /**
     * Does what the preview showed, in one transaction. {@code decisions} maps an episode that would close to an
     * exit reason, or to null to keep it open; episodes not named keep the suggested reason, or stay open when the
     * list gave none. Refused when the preview has errors or when the register changed since {@code digest}.
     */
    @Transactional
    public ImportPreview confirm(Actor actor, UUID importId, String digest, Map<UUID, ExitReason> decisions,
            Locale locale) {
        return confirm(actor, importId, digest, decisions, locale, ImportProgress.Tracker.NONE);
    }

    /** As {@link #confirm(Actor, UUID, String, Map, Locale)}, telling {@code progress} how far it has come. */
    @Transactional
    public ImportPreview confirm(Actor actor, UUID importId, String digest, Map<UUID, ExitReason> decisions,
            Locale locale, ImportProgress.Tracker progress) {
        Organisation municipality = kaaOrganisation(actor);
        bulkWrite.begin();
        var pending = pendingOf(actor, importId);
        Plan plan = plan(actor, municipality, importId, pending.fileName(), pending.content(), locale, progress);
        if (!plan.preview.canConfirm()) {
            throw new InvalidInputException(whyNotConfirmable(plan.preview));
        }
        if (!plan.preview.digest().equals(digest)) {
            throw new ConflictException("kaa.import.changedSincePreview", importId);
        }
        LocalDate today = LocalDate.now(clock);
        String detail = "KAA-import: " + pending.fileName();
        int rows = plan.preview.rowCount();
        progress.report("kaa.import.progress.saving", 0, rows);
        registry.saveImported(actor, plan.newPersons, plan.changedPersons, detail);
        progress.report("kaa.import.progress.saving", rows / 4, rows);
        // the statuses first: a new episode takes its current status from the history as it is inserted
        // (KaaEpisodes.insertAll), so the episodes are written once instead of inserted and then updated
        statuses.insertAll(municipality.id(), plan.newEpisodes.stream()
                .map(e -> new StatusRecord(null, e.personId(), KaaStatus.OKAND, null, null, today,
                        StatusSource.SKOLANS_LISTA, today.plusDays(settings.reviewDays()), null, null))
                .toList(), actor.userId());
        progress.report("kaa.import.progress.saving", rows / 2, rows);
        episodes.insertAll(plan.newEpisodes, actor.userId());
        progress.report("kaa.import.progress.saving", 3L * rows / 4, rows);
        for (KaaEpisode e : plan.changedEpisodes) {
            if (!episodes.updateSchool(e)) {
                throw new ConflictException("kaa.import.changedSincePreview", importId);
            }
        }
        var closed = new ArrayList<UUID>();
        for (Closing c : plan.preview.closing()) {
            ExitReason reason = decisions.containsKey(c.episodeId()) ? decisions.get(c.episodeId()) : c.suggested();
            if (reason != null) {
                KaaEpisode e = episodes.byId(c.episodeId()).orElseThrow();
                if (!episodes.close(e.id(), e.version(), today, reason)) {
                    throw new ConflictException("kaa.import.changedSincePreview", importId);
                }
                closed.add(c.personId());
            }
        }
        var written = new LinkedHashSet<UUID>();
        plan.newEpisodes.forEach(e -> written.add(e.personId()));
        plan.changedEpisodes.forEach(e -> written.add(e.personId()));
        written.addAll(closed);
        audit.recordEachIfAny(actor, written, AuditAction.UPDATE, AccessBasis.of(KaaAccess.PURPOSE), detail);
        if (!imports.confirm(importId, closed.size(), actor.userId())) {
            throw new ConflictException("kaa.import.alreadyDecided", importId);
        }
        progress.report("kaa.import.progress.done", rows, rows);
        return plan.preview;
    }

    /** The file's errors, each wrong value with its row and column, for a client that did not look at the preview. */
    private static List<FieldError> whyNotConfirmable(ImportPreview preview) {
        var errors = new ArrayList<FieldError>();
        errors.add(new FieldError("file", "kaa.import.hasErrors"));
        if (!preview.missingColumns().isEmpty()) {
            errors.add(new FieldError("file", "kaa.import.missingColumns", String.join(", ",
                    preview.missingColumns())));
        }
        // the row as text: a number argument would be grouped ("1 234") in the message
        preview.errors().forEach(e -> errors.add(new FieldError(e.column(), "kaa.import.rowError",
                String.valueOf(e.row()), e.column(), e.message())));
        return errors;
    }

    @Transactional
    public void discard(Actor actor, UUID importId) {
        kaaOrganisation(actor);
        pendingOf(actor, importId);
        imports.discard(importId);
    }

    @Transactional(readOnly = true)
    public List<KaaImports.ImportRecord> recent(Actor actor) {
        return imports.recent(kaaOrganisation(actor).id(), 20);
    }

    private KaaImports.Pending pendingOf(Actor actor, UUID importId) {
        var pending = imports.pending(importId).orElseThrow(() -> new NotFoundException("kaa.import"));
        if (pending.organisationId() != actor.organisationId()) {
            throw new AccessDeniedException("another organisation's import");
        }
        return pending;
    }

    private Organisation kaaOrganisation(Actor actor) {
        if (actor.role() != se.lots.organisation.Role.KAA_COORDINATOR) {
            throw new AccessDeniedException("only the KAA coordinator imports the list");
        }
        return KaaAccess.municipalityOf(actor, organisations);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Everything an import would write, and the preview that shows it. */
    private static final class Plan {
        ImportPreview preview;
        final List<YoungPerson> newPersons = new ArrayList<>();
        final List<YoungPerson> changedPersons = new ArrayList<>();
        final List<KaaEpisode> newEpisodes = new ArrayList<>();
        final List<KaaEpisode> changedEpisodes = new ArrayList<>();
        final Set<UUID> shownPersons = new LinkedHashSet<>();
        /** The planned writes in words that do not depend on language or on ids chosen for new rows. */
        final List<String> digest = new ArrayList<>();
    }

    /** One checked row of the list. */
    /** {@code candidate} is null for a reserve identity: the person must already be in the registry. */
    private record Checked(int row, ListIdentity identity, PersonInput person, YoungPerson candidate,
            SchoolSituation situation, boolean completedCompulsory, String school, String schoolMunicipality,
            String programme, LocalDate leftOn, boolean protectedIdentity) {
    }

    private Plan plan(Actor actor, Organisation municipality, UUID importId, String fileName, byte[] content,
            Locale locale, ImportProgress.Tracker progress) {
        var plan = new Plan();
        LocalDate today = LocalDate.now(clock);
        TabularFile file;
        try {
            file = TabularFile.read(fileName, content);
        } catch (UnreadableFileException e) {
            throw new InvalidInputException("file", e.messageKey(), e.arguments());
        }
        var columns = new EnumMap<ListColumn, Integer>(ListColumn.class);
        var unknown = new ArrayList<String>();
        var errors = new ArrayList<RowError>();
        for (TabularFile.Refused r : file.refused()) {
            errors.add(new RowError(r.row(), r.column(), text(locale, TextInput.MESSAGE_KEY, r.column(),
                    TextInput.name(r.codePoint()))));
        }
        for (int i = 0; i < file.headers().size(); i++) {
            String header = file.headers().get(i);
            var column = ListColumn.of(header);
            if (column.isEmpty()) {
                if (!header.isBlank()) {
                    unknown.add(text(locale, "kaa.import.unknownColumn", header, i + 1));
                }
            } else if (columns.containsKey(column.get())) {
                errors.add(new RowError(1, header, text(locale, "kaa.import.duplicateColumn", header)));
            } else {
                columns.put(column.get(), i);
            }
        }
        var missing = new ArrayList<String>();
        for (ListColumn c : ListColumn.values()) {
            if (c.required() && !columns.containsKey(c)) {
                missing.add(c.header());
            }
        }
        var checked = new ArrayList<Checked>();
        if (missing.isEmpty()) {
            var firstRowOf = new HashMap<String, Integer>();
            int total = file.rows().size();
            progress.report("kaa.import.progress.checking", 0, total);
            for (TabularFile.Row row : file.rows()) {
                if (row.number() % 2000 == 0) {
                    progress.report("kaa.import.progress.checking", row.number() - 1, total);
                }
                Checked c = check(actor, municipality, row, columns, file.headers(), errors, today, locale);
                if (c != null) {
                    Integer earlier = firstRowOf.putIfAbsent(c.identity().key(), row.number());
                    if (earlier != null) {
                        errors.add(new RowError(row.number(), header(file.headers(), columns, ListColumn.PERSONNUMMER),
                                text(locale, "kaa.import.duplicateRow", earlier)));
                    } else {
                        checked.add(c);
                    }
                }
            }
        }

        progress.report("kaa.import.progress.matching", checked.size(), file.rows().size());
        var added = new ArrayList<Entry>();
        var changed = new ArrayList<Entry>();
        var outside = new ArrayList<Entry>();
        var closing = new ArrayList<Closing>();
        int unchanged = 0;
        var existing = new HashMap<>(registry.byPersonalIdentityNumbers(actor,
                checked.stream().filter(c -> !c.identity().isReserve()).map(c -> c.identity().key()).toList()));
        existing.putAll(registry.byReserveIdentities(actor,
                checked.stream().filter(c -> c.identity().isReserve()).map(c -> c.identity().key()).toList()));
        Map<String, KaaEpisode> open = episodes.openByListIdentity(municipality.id());
        var inList = new HashSet<String>();
        var orgNames = new HashMap<Long, String>();
        for (Checked c : checked) {
            inList.add(c.identity().key());
            YoungPerson person = existing.get(c.identity().key());
            KaaEpisode episode = open.get(c.identity().key());
            if (c.identity().isReserve() && person == null) {
                errors.add(new RowError(c.row(), header(file.headers(), columns, ListColumn.PERSONNUMMER),
                        text(locale, "kaa.import.unknownReserveIdentity", c.identity().key())));
                continue;
            }
            String name = c.person().firstName() + " " + c.person().lastName();
            if (c.protectedIdentity() && person != null && !person.protectedIdentity()
                    && person.ownerOrganisationId() != municipality.id()) {
                // only the holder can mark the registry entry; until then letters and route sheets would print
                // the address it holds, so the list cannot be read in
                String holder = orgNames.computeIfAbsent(person.ownerOrganisationId(),
                        id -> organisations.byId(id).map(Organisation::name).orElse("?"));
                errors.add(new RowError(c.row(), header(file.headers(), columns, ListColumn.SKYDDAD_IDENTITET),
                        text(locale, "kaa.import.protectedHeldElsewhere", holder)));
                continue;
            }
            boolean registered = c.protectedIdentity()
                    || person != null && person.protectedIdentity()
                    || Objects.equals(c.person().municipalityCode(), municipality.municipalityCode());
            Outcome outcome = KaaTargetGroupPolicy.decide(new KaaTargetGroupPolicy.Candidate(
                    c.identity().latestPossibleBirthDate(person == null ? null : person.birthDate(),
                            person == null ? 0 : person.birthYear()), registered, c.completedCompulsory(), c.situation()), today);
            if (person != null) {
                plan.shownPersons.add(person.id());
            }
            if (outcome != Outcome.IN_TARGET_GROUP) {
                String why = text(locale, "kaa.outcome." + outcome.name());
                if (episode != null) {
                    closing.add(new Closing(episode.id(), episode.personId(), c.identity().formatted(), name, c.row(),
                            exitReasonFor(outcome), why));
                } else {
                    outside.add(new Entry(c.row(), person == null ? null : person.id(), c.identity().formatted(), name,
                            List.of(why)));
                }
                continue;
            }
            var details = new ArrayList<String>();
            YoungPerson target = person;
            if (person == null) {
                target = c.candidate();
                plan.newPersons.add(target);
                details.add(text(locale, "kaa.import.newInRegistry"));
            } else if (person.ownerOrganisationId() == municipality.id()) {
                YoungPerson updated = changedPerson(actor, person, c, details, locale, errors);
                if (updated != null) {
                    plan.changedPersons.add(updated);
                    plan.digest.add("C" + updated);
                }
            } else if (episode == null) {
                String holder = orgNames.computeIfAbsent(person.ownerOrganisationId(),
                        id -> organisations.byId(id).map(Organisation::name).orElse("?"));
                details.add(text(locale, "kaa.import.heldElsewhere", holder));
            }
            if (episode == null) {
                var reason = RegistrationReason.of(c.situation());
                plan.newEpisodes.add(new KaaEpisode(UUID.randomUUID(), target.id(), municipality.id(), today, reason,
                        c.school(), c.schoolMunicipality(), c.programme(), c.leftOn(), null, null, null, importId, 0));
                plan.digest.add("N" + c.identity().key() + (person == null ? "" : person.version()) + reason + c.school()
                        + c.schoolMunicipality() + c.programme() + c.leftOn());
                details.add(0, text(locale, "kaa.reason." + reason.name()));
                added.add(new Entry(c.row(), person == null ? null : person.id(), c.identity().formatted(), name,
                        details));
            } else {
                KaaEpisode updated = changedEpisode(episode, c, details, locale);
                if (updated != null) {
                    plan.changedEpisodes.add(updated);
                    plan.digest.add("E" + updated);
                }
                if (details.isEmpty()) {
                    unchanged++;
                } else {
                    changed.add(new Entry(c.row(), episode.personId(), c.identity().formatted(), name, details));
                }
            }
        }
        if (missing.isEmpty()) {
            for (var e : open.entrySet()) {
                if (!inList.contains(e.getKey())) {
                    KaaEpisode episode = e.getValue();
                    plan.shownPersons.add(episode.personId());
                    closing.add(new Closing(episode.id(), episode.personId(),
                            ListIdentity.ofKey(e.getKey()).formatted(), null, 0, null,
                            text(locale, "kaa.import.notInList")));
                }
            }
        }
        closing.sort((a, b) -> a.identity().compareTo(b.identity()));
        errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
        plan.preview = new ImportPreview(importId, fileName, file.encoding(), file.rows().size(), unknown, missing,
                errors, added, changed, unchanged, closing, outside, digest(plan, closing));
        return plan;
    }

    private Checked check(Actor actor, Organisation municipality, TabularFile.Row row,
            Map<ListColumn, Integer> columns, List<String> headers, List<RowError> errors, LocalDate today,
            Locale locale) {
        int before = errors.size();
        String pinText = value(row, columns, ListColumn.PERSONNUMMER);
        PersonalIdentityNumber pin = null;
        ListIdentity reserve = pinText.isEmpty() ? null : ListIdentity.reserve(pinText).orElse(null);
        if (pinText.isEmpty()) {
            errors.add(error(row, columns, headers, ListColumn.PERSONNUMMER, locale, "validation.required"));
        } else if (reserve == null) {
            try {
                pin = PersonalIdentityNumber.parse(pinText, today);
            } catch (se.lots.registry.InvalidPersonalIdentityNumberException e) {
                errors.add(error(row, columns, headers, ListColumn.PERSONNUMMER, locale, e.messageKey()));
            }
        }
        String situationText = value(row, columns, ListColumn.SITUATION);
        SchoolSituation situation = null;
        if (situationText.isEmpty()) {
            errors.add(error(row, columns, headers, ListColumn.SITUATION, locale, "validation.required"));
        } else {
            situation = SchoolSituation.parse(situationText).orElse(null);
            if (situation == null) {
                errors.add(error(row, columns, headers, ListColumn.SITUATION, locale, "kaa.import.unknownSituation",
                        situationText));
            }
        }
        LocalDate leftOn = null;
        String leftText = value(row, columns, ListColumn.AVGANGSDATUM);
        if (!leftText.isEmpty()) {
            try {
                leftOn = LocalDate.parse(leftText);
                if (leftOn.isAfter(today)) {
                    errors.add(error(row, columns, headers, ListColumn.AVGANGSDATUM, locale,
                            "validation.dateInFuture"));
                }
            } catch (DateTimeParseException e) {
                errors.add(error(row, columns, headers, ListColumn.AVGANGSDATUM, locale, "validation.date"));
            }
        }
        String schoolMunicipality = blankToNull(value(row, columns, ListColumn.SKOLKOMMUN));
        if (schoolMunicipality != null && reference.municipality(schoolMunicipality).isEmpty()) {
            errors.add(error(row, columns, headers, ListColumn.SKOLKOMMUN, locale, "person.unknownMunicipality",
                    schoolMunicipality));
        }
        Boolean completed = yesNo(row, columns, headers, ListColumn.GRUNDSKOLA_SLUTFORD, true, errors, locale);
        Boolean protectedIdentity = yesNo(row, columns, headers, ListColumn.SKYDDAD_IDENTITET, false, errors, locale);
        String home = blankToNull(value(row, columns, ListColumn.HEMKOMMUN));
        String gender = blankToNull(value(row, columns, ListColumn.KON));
        if (gender == null && pin != null) {
            gender = pin.legalGender() == LegalGender.FEMALE ? "KVINNA" : "MAN";
        } else if (gender == null) {
            // the row already has a personnummer error; do not add a second one for the gender it would give
            gender = "VILL_EJ_UPPGE";
        } else {
            gender = gender.toUpperCase(Locale.ROOT).replace(' ', '_');
        }
        boolean secret = Boolean.TRUE.equals(protectedIdentity);
        var input = new PersonInput(false, pin == null ? pinText : pin.value(), null, null,
                value(row, columns, ListColumn.FORNAMN), value(row, columns, ListColumn.EFTERNAMN), gender,
                home == null ? municipality.municipalityCode() : home, secret,
                secret ? new Address(null, null, null)
                        : new Address(blankToNull(value(row, columns, ListColumn.ADRESS)),
                                blankToNull(value(row, columns, ListColumn.POSTNUMMER)),
                                blankToNull(value(row, columns, ListColumn.POSTORT))),
                blankToNull(value(row, columns, ListColumn.TELEFON)),
                blankToNull(value(row, columns, ListColumn.EPOST)), null, false, new Guardian(null, null, null), null);
        YoungPerson candidate = null;
        if (reserve != null) {
            // the person is in the registry already (checked against it with the other rows); the names must be
            // there, the contact details are checked as changes of that person
            if (input.firstName().isBlank()) {
                errors.add(error(row, columns, headers, ListColumn.FORNAMN, locale, "validation.required"));
            }
            if (input.lastName().isBlank()) {
                errors.add(error(row, columns, headers, ListColumn.EFTERNAMN, locale, "validation.required"));
            }
            if (errors.size() > before) {
                return null;
            }
            return new Checked(row.number(), reserve, input, null, situation, completed, blankToNull(value(row,
                    columns, ListColumn.SKOLA)), schoolMunicipality, blankToNull(value(row, columns,
                    ListColumn.PROGRAM)), leftOn, secret);
        }
        try {
            candidate = registry.checkForImport(actor, input);
        } catch (InvalidInputException e) {
            for (FieldError f : e.errors()) {
                ListColumn column = columnOf(f.field());
                if (column == ListColumn.PERSONNUMMER && pin == null) {
                    continue;
                }
                errors.add(new RowError(row.number(), header(headers, columns, column),
                        messages.getMessage(f.messageKey(), f.arguments(), locale)));
            }
        }
        if (errors.size() > before || candidate == null) {
            return null;
        }
        return new Checked(row.number(), ListIdentity.of(pin), input, candidate, situation, completed, blankToNull(value(row, columns,
                ListColumn.SKOLA)), schoolMunicipality, blankToNull(value(row, columns, ListColumn.PROGRAM)), leftOn,
                secret);
    }

    /** Contact details from the list replace those in the register only where the list has a value. */
    private YoungPerson changedPerson(Actor actor, YoungPerson person, Checked c, List<String> details,
            Locale locale, List<RowError> errors) {
        var in = c.person();
        var now = PersonInput.of(person);
        boolean protect = person.protectedIdentity() || c.protectedIdentity();
        Address oldAddress = now.address();
        Address address = protect ? new Address(null, null, null) : new Address(
                pick(in.address().street(), oldAddress.street()), pick(in.address().postalCode(),
                        oldAddress.postalCode()), pick(in.address().city(), oldAddress.city()));
        var merged = new PersonInput(false, null, null, null, pick(in.firstName(), now.firstName()),
                pick(in.lastName(), now.lastName()), now.gender(), pick(in.municipalityCode(), now.municipalityCode()),
                protect, address, pick(in.phone(), now.phone()), pick(in.email(), now.email()),
                now.preferredLanguage(), now.interpreterNeeded(), now.guardian(), person.version());
        diff(details, locale, "person.field.firstName", now.firstName(), merged.firstName());
        diff(details, locale, "person.field.lastName", now.lastName(), merged.lastName());
        diff(details, locale, "person.field.municipalityCode", now.municipalityCode(), merged.municipalityCode());
        if (!person.protectedIdentity() && c.protectedIdentity()) {
            details.add(text(locale, "kaa.import.becomesProtected"));
        } else if (!protect) {
            diff(details, locale, "person.field.street", oldAddress.street(), address.street());
            diff(details, locale, "person.field.postalCode", oldAddress.postalCode(), address.postalCode());
            diff(details, locale, "person.field.city", oldAddress.city(), address.city());
        }
        diff(details, locale, "person.field.phone", now.phone(), merged.phone());
        diff(details, locale, "person.field.email", now.email(), merged.email());
        if (details.isEmpty()) {
            return null;
        }
        try {
            return registry.checkChangeForImport(actor, person, merged);
        } catch (InvalidInputException e) {
            for (FieldError f : e.errors()) {
                errors.add(new RowError(c.row(), columnOf(f.field()).header(),
                        messages.getMessage(f.messageKey(), f.arguments(), locale)));
            }
            return null;
        }
    }

    private KaaEpisode changedEpisode(KaaEpisode e, Checked c, List<String> details, Locale locale) {
        var reason = RegistrationReason.of(c.situation());
        String school = pick(c.school(), e.school());
        String schoolMunicipality = pick(c.schoolMunicipality(), e.schoolMunicipality());
        String programme = pick(c.programme(), e.programme());
        LocalDate leftOn = c.leftOn() == null ? e.leftSchoolOn() : c.leftOn();
        int before = details.size();
        if (reason != e.registrationReason()) {
            details.add(text(locale, "kaa.import.change", text(locale, "kaa.field.reason"),
                    text(locale, "kaa.reason." + e.registrationReason().name()),
                    text(locale, "kaa.reason." + reason.name())));
        }
        diff(details, locale, "kaa.field.school", e.school(), school);
        diff(details, locale, "kaa.field.schoolMunicipality", e.schoolMunicipality(), schoolMunicipality);
        diff(details, locale, "kaa.field.programme", e.programme(), programme);
        diff(details, locale, "kaa.field.leftSchoolOn", e.leftSchoolOn() == null ? null : e.leftSchoolOn().toString(),
                leftOn == null ? null : leftOn.toString());
        if (details.size() == before) {
            return null;
        }
        return new KaaEpisode(e.id(), e.personId(), e.organisationId(), e.registeredOn(), reason, school,
                schoolMunicipality, programme, leftOn, null, null, e.assignedTo(), e.importId(), e.version());
    }

    private static ExitReason exitReasonFor(Outcome outcome) {
        return switch (outcome) {
            case TWENTY_OR_OLDER -> ExitReason.FYLLT_20;
            case ATTENDS_NATIONAL_PROGRAMME -> ExitReason.PABORJAT_NATIONELLT_PROGRAM;
            case ATTENDS_INTRODUCTION_PROGRAMME -> ExitReason.PABORJAT_INTRODUKTIONSPROGRAM;
            case COMPLETED_UPPER_SECONDARY -> ExitReason.FULLFOLJT_MED_EXAMEN;
            case NOT_REGISTERED_IN_MUNICIPALITY -> ExitReason.FLYTTAT;
            default -> null;
        };
    }

    private void diff(List<String> details, Locale locale, String fieldKey, String before, String after) {
        if (!Objects.equals(blankToNull(before), blankToNull(after))) {
            details.add(text(locale, "kaa.import.change", text(locale, fieldKey),
                    before == null ? "–" : before, after == null ? "–" : after));
        }
    }

    private Boolean yesNo(TabularFile.Row row, Map<ListColumn, Integer> columns, List<String> headers,
            ListColumn column, boolean absent, List<RowError> errors, Locale locale) {
        String v = TabularFile.normalisedHeader(value(row, columns, column));
        return switch (v) {
            case "" -> absent;
            case "ja", "j", "x", "1", "true", "yes" -> true;
            case "nej", "n", "0", "false", "no" -> false;
            default -> {
                errors.add(error(row, columns, headers, column, locale, "kaa.import.yesNo"));
                yield absent;
            }
        };
    }

    private RowError error(TabularFile.Row row, Map<ListColumn, Integer> columns, List<String> headers,
            ListColumn column, Locale locale, String key, Object... args) {
        return new RowError(row.number(), header(headers, columns, column), text(locale, key, args));
    }

    private static String header(List<String> headers, Map<ListColumn, Integer> columns, ListColumn column) {
        Integer i = columns.get(column);
        return i == null ? column.header() : headers.get(i);
    }

    private static ListColumn columnOf(String registryField) {
        return switch (registryField) {
            case "firstName" -> ListColumn.FORNAMN;
            case "lastName" -> ListColumn.EFTERNAMN;
            case "gender" -> ListColumn.KON;
            case "municipalityCode" -> ListColumn.HEMKOMMUN;
            case "address", "address.street" -> ListColumn.ADRESS;
            case "address.postalCode" -> ListColumn.POSTNUMMER;
            case "address.city" -> ListColumn.POSTORT;
            case "phone" -> ListColumn.TELEFON;
            case "email" -> ListColumn.EPOST;
            default -> ListColumn.PERSONNUMMER;
        };
    }

    private static String value(TabularFile.Row row, Map<ListColumn, Integer> columns, ListColumn column) {
        Integer i = columns.get(column);
        return i == null ? "" : row.value(i);
    }

    private static String pick(String fromList, String existing) {
        return fromList == null || fromList.isBlank() ? existing : fromList.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The planned writes, independent of language: the same file against the same register gives the same digest. */
    private static String digest(Plan plan, List<Closing> closing) {
        var sb = new StringBuilder();
        plan.digest.stream().sorted().forEach(sb::append);
        closing.stream().map(c -> "X" + c.episodeId() + c.suggested()).sorted().forEach(sb::append);
        return sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
