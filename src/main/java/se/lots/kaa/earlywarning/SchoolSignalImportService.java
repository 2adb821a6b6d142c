package se.lots.kaa.earlywarning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.database.BulkWrite;
import se.lots.kaa.ImportPreview.RowError;
import se.lots.kaa.earlywarning.SchoolSignalSource.Batch;
import se.lots.kaa.earlywarning.SchoolSignalSource.ReportedAbsence;
import se.lots.kaa.register.KaaAccess;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.organisation.Role;
import se.lots.reference.ReferenceData;
import se.lots.registry.Address;
import se.lots.registry.Guardian;
import se.lots.registry.InvalidPersonalIdentityNumberException;
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
import se.lots.shared.TextInput;

/**
 * Imports what schools report about absence, from any {@link SchoolSignalSource}, in two steps like the KAA list:
 * {@link #upload} keeps the file and shows what it would do; {@link #confirm} does it, all or nothing. Reporting the
 * same school and period again corrects the figure; the same file again changes nothing. No KAA episode is created:
 * these students are still in school.
 */
@Service
public class SchoolSignalImportService {

    private static final int MAX_BYTES = 50 * 1024 * 1024;
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-?(\\d{2})");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SchoolSignalImports imports;
    private final SchoolSignals signals;
    private final RegistryService registry;
    private final Organisations organisations;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final MessageSource messages;
    private final EarlyWarningSettings settings;
    private final BulkWrite bulkWrite;
    private final Clock clock;

    SchoolSignalImportService(SchoolSignalImports imports, SchoolSignals signals, RegistryService registry,
            Organisations organisations, ReferenceData reference, AuditLog audit, MessageSource messages,
            EarlyWarningSettings settings, BulkWrite bulkWrite, Clock clock) {
        this.imports = imports;
        this.signals = signals;
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
    public SignalPreview upload(Actor actor, String fileName, byte[] content, Locale locale) {
        Organisation municipality = importer(actor);
        bulkWrite.begin();
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", "file.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String name = fileName == null || fileName.isBlank() ? "franvaro.csv" : fileName.strip();
        var source = new SchoolSignalFile(name, content);
        // read before keeping anything: a file that cannot be read at all is refused without a trace
        Batch batch = source.read();
        UUID id = imports.insert(municipality.id(), source.kind(), name, content, sha256(content), actor.userId());
        Plan plan = plan(actor, municipality, id, name, batch, locale);
        imports.counts(id, plan.preview);
        audit.recordEachIfAny(actor, plan.shownPersons, AuditAction.READ, AccessBasis.of(EarlyWarningService.PURPOSE),
                "Skolsignaler, förhandsgranskning: " + name);
        return plan.preview;
    }

    /** The preview of a kept file again, computed against the signals as they are now; the persons shown are audited. */
    @Transactional
    public SignalPreview preview(Actor actor, UUID importId, Locale locale) {
        Organisation municipality = importer(actor);
        bulkWrite.begin();
        var pending = pendingOf(actor, importId);
        var plan = plan(actor, municipality, importId, pending.fileName(), sourceOf(pending).read(), locale);
        audit.recordEachIfAny(actor, plan.shownPersons, AuditAction.READ, AccessBasis.of(EarlyWarningService.PURPOSE),
                "Skolsignaler, förhandsgranskning: " + pending.fileName());
        return plan.preview;
    }

    /** Does what the preview showed, in one transaction; refused when it has errors or anything changed since. */
    @Transactional
    public SignalPreview confirm(Actor actor, UUID importId, String digest, Locale locale) {
        Organisation municipality = importer(actor);
        bulkWrite.begin();
        var pending = pendingOf(actor, importId);
        Plan plan = plan(actor, municipality, importId, pending.fileName(), sourceOf(pending).read(), locale);
        if (!plan.preview.canConfirm()) {
            throw new InvalidInputException("file", "kaa.import.hasErrors");
        }
        if (!plan.preview.digest().equals(digest)) {
            throw new ConflictException("kaa.import.changedSincePreview", importId);
        }
        String detail = "Skolsignaler: " + pending.fileName();
        registry.saveImported(actor, plan.newPersons, plan.changedPersons, detail);
        for (SchoolSignal s : plan.newSignals) {
            signals.insert(municipality.id(), s, importId, actor.userId());
        }
        for (var c : plan.corrections.entrySet()) {
            if (!signals.correct(c.getKey(), c.getValue(), importId, actor.userId())) {
                throw new ConflictException("kaa.import.changedSincePreview", importId);
            }
        }
        var written = new LinkedHashSet<UUID>();
        plan.newSignals.forEach(s -> written.add(s.personId()));
        plan.corrections.values().forEach(s -> written.add(s.personId()));
        audit.recordEachIfAny(actor, written, AuditAction.UPDATE, AccessBasis.of(EarlyWarningService.PURPOSE), detail);
        if (!imports.confirm(importId, actor.userId())) {
            throw new ConflictException("kaa.import.alreadyDecided", importId);
        }
        return plan.preview;
    }

    @Transactional
    public void discard(Actor actor, UUID importId) {
        importer(actor);
        pendingOf(actor, importId);
        imports.discard(importId);
    }

    @Transactional(readOnly = true)
    public List<SchoolSignalImports.ImportRecord> recent(Actor actor) {
        return imports.recent(importer(actor).id(), 20);
    }

    private SchoolSignalSource sourceOf(SchoolSignalImports.Pending pending) {
        if (!SchoolSignalFile.KIND.equals(pending.source())) {
            throw new IllegalStateException("no reader for school signals from " + pending.source());
        }
        return new SchoolSignalFile(pending.fileName(), pending.content());
    }

    private SchoolSignalImports.Pending pendingOf(Actor actor, UUID importId) {
        var pending = imports.pending(importId).orElseThrow(() -> new NotFoundException("kaa.import"));
        if (pending.organisationId() != actor.organisationId()) {
            throw new AccessDeniedException("another organisation's import");
        }
        return pending;
    }

    private Organisation importer(Actor actor) {
        if (actor.role() != Role.KAA_COORDINATOR) {
            throw new AccessDeniedException("only the KAA coordinator imports school signals");
        }
        return KaaAccess.municipalityOf(actor, organisations);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static final class Plan {
        SignalPreview preview;
        final List<YoungPerson> newPersons = new ArrayList<>();
        final List<YoungPerson> changedPersons = new ArrayList<>();
        final List<SchoolSignal> newSignals = new ArrayList<>();
        final Map<SchoolSignal, SchoolSignal> corrections = new LinkedHashMap<>();
        final Set<UUID> shownPersons = new LinkedHashSet<>();
        final List<String> digest = new ArrayList<>();
    }

    /** One checked row: everything parsed, the person not yet matched. */
    private record Checked(int row, PersonalIdentityNumber pin, String firstName, String lastName,
            boolean protectedIdentity, String homeMunicipality, String school, String schoolMunicipality,
            String programme, LocalDate from, LocalDate to, BigDecimal absence, boolean risk) {
    }

    private Plan plan(Actor actor, Organisation municipality, UUID importId, String fileName, Batch batch,
            Locale locale) {
        var plan = new Plan();
        LocalDate today = LocalDate.now(clock);
        BigDecimal threshold = settings.absenceThresholdPercent();
        var errors = new ArrayList<RowError>();
        for (TabularFile.Refused r : batch.refused()) {
            errors.add(new RowError(r.row(), r.column(), text(locale, TextInput.MESSAGE_KEY, r.column(),
                    TextInput.name(r.codePoint()))));
        }
        for (String d : batch.duplicateColumns()) {
            errors.add(new RowError(1, d, text(locale, "kaa.import.duplicateColumn", d)));
        }
        var unknown = batch.unknownColumns().stream()
                .map(u -> text(locale, "kaa.import.unknownColumn", u.name(), u.position())).toList();
        var missing = new ArrayList<String>();
        for (SignalColumn c : SignalColumn.values()) {
            if (c.required() && !batch.has(c)) {
                missing.add(c.header());
            }
        }
        if (!batch.has(SignalColumn.PERIOD) && !(batch.has(SignalColumn.FRAN) && batch.has(SignalColumn.TILL))) {
            missing.add(text(locale, "kaa.ew.import.periodColumns"));
        }

        var checked = new ArrayList<Checked>();
        if (missing.isEmpty()) {
            var firstRowOf = new HashMap<String, Integer>();
            for (ReportedAbsence row : batch.rows()) {
                Checked c = check(batch, row, errors, today, locale);
                if (c == null) {
                    continue;
                }
                String key = c.pin().value() + "|" + c.school().toLowerCase(Locale.ROOT) + "|" + c.from() + "|"
                        + c.to();
                Integer earlier = firstRowOf.putIfAbsent(key, row.row());
                if (earlier != null) {
                    errors.add(new RowError(row.row(), batch.columnName(SignalColumn.PERSONNUMMER),
                            text(locale, "kaa.ew.import.duplicateRow", earlier)));
                } else {
                    checked.add(c);
                }
            }
        }

        var existing = registry.byPersonalIdentityNumbers(actor, checked.stream().map(c -> c.pin().value())
                .distinct().toList());
        existing.values().forEach(p -> plan.shownPersons.add(p.id()));
        Map<String, SchoolSignal> known = signals.byKey(municipality.id(),
                existing.values().stream().map(YoungPerson::id).toList());
        var created = new HashMap<String, YoungPerson>();
        var protecting = new HashSet<UUID>();
        var added = new ArrayList<SignalPreview.Entry>();
        var changed = new ArrayList<SignalPreview.Entry>();
        int unchanged = 0;
        for (Checked c : checked) {
            YoungPerson person = existing.get(c.pin().value());
            var details = new ArrayList<String>();
            if (person == null) {
                person = created.get(c.pin().value());
                if (person == null) {
                    person = newPerson(actor, municipality, batch, c, errors, locale);
                    if (person == null) {
                        continue;
                    }
                    created.put(c.pin().value(), person);
                    plan.newPersons.add(person);
                    plan.digest.add("P" + c.pin().value() + c.firstName() + c.lastName() + c.protectedIdentity());
                }
                details.add(text(locale, "kaa.import.newInRegistry"));
            } else if (c.protectedIdentity() && !person.protectedIdentity()
                    && person.ownerOrganisationId() != municipality.id()) {
                // as the KAA list: only the holder can mark the registry entry, and until then the person's
                // address would be printed on the register's letters and route sheets
                String holder = organisations.byId(person.ownerOrganisationId()).map(Organisation::name).orElse("?");
                errors.add(new RowError(c.row(), batch.columnName(SignalColumn.SKYDDAD_IDENTITET),
                        text(locale, "kaa.import.protectedHeldElsewhere", holder)));
                continue;
            } else if (c.protectedIdentity() && !person.protectedIdentity()
                    && person.ownerOrganisationId() == municipality.id() && protecting.add(person.id())) {
                plan.changedPersons.add(protectedFrom(actor, person));
                plan.digest.add("S" + person.id() + person.version());
                details.add(text(locale, "kaa.import.becomesProtected"));
            }
            var signal = new SchoolSignal(null, person.id(), c.school(), c.schoolMunicipality(), c.programme(),
                    c.from(), c.to(), c.absence(), c.risk());
            boolean flagged = ProblematicAbsencePolicy.flagged(c.absence(), c.risk(), threshold);
            String name = person.firstName() + " " + person.lastName();
            SchoolSignal before = known.get(signal.key());
            if (before == null) {
                plan.newSignals.add(signal);
                // the pin, not the person id: a new person gets a fresh id each time the plan is made
                plan.digest.add("N" + c.pin().value() + c.school() + c.from() + c.to() + c.schoolMunicipality() + c.programme() + c.absence() + c.risk());
                added.add(entry(c, person, name, signal, flagged, details));
            } else if (before.absencePercent().compareTo(c.absence()) != 0 || before.dropoutRisk() != c.risk()
                    || !before.schoolMunicipality().equals(c.schoolMunicipality())
                    || !java.util.Objects.equals(before.programme(), c.programme())) {
                plan.corrections.put(before, signal);
                plan.digest.add("C" + before.id() + before.absencePercent() + before.dropoutRisk() + c.absence()
                        + c.risk() + c.schoolMunicipality() + c.programme());
                details.add(text(locale, "kaa.import.change", text(locale, "kaa.ew.col.absence"),
                        percent(locale, before.absencePercent()), percent(locale, c.absence())));
                changed.add(entry(c, person, name, signal, flagged, details));
            } else if (!details.isEmpty()) {
                changed.add(entry(c, person, name, signal, flagged, details));
            } else {
                unchanged++;
            }
        }
        errors.sort((a, b) -> Integer.compare(a.row(), b.row()));
        plan.preview = new SignalPreview(importId, fileName, batch.encoding(), batch.rows().size(), unknown, missing,
                errors, added, changed, unchanged, plan.newPersons.size(), threshold, digest(plan));
        return plan;
    }

    private static SignalPreview.Entry entry(Checked c, YoungPerson person, String name, SchoolSignal signal,
            boolean flagged, List<String> details) {
        return new SignalPreview.Entry(c.row(), person.id(), c.pin().formatted(), name, c.school(), signal.period(),
                c.absence(), c.risk(), flagged, List.copyOf(details));
    }

    private Checked check(Batch batch, ReportedAbsence row, List<RowError> errors, LocalDate today, Locale locale) {
        int before = errors.size();
        String pinText = row.value(SignalColumn.PERSONNUMMER);
        PersonalIdentityNumber pin = null;
        if (pinText.isEmpty()) {
            errors.add(error(batch, row, SignalColumn.PERSONNUMMER, locale, "validation.required"));
        } else {
            try {
                pin = PersonalIdentityNumber.parse(pinText, today);
            } catch (InvalidPersonalIdentityNumberException e) {
                errors.add(error(batch, row, SignalColumn.PERSONNUMMER, locale, e.messageKey()));
            }
        }
        String school = row.value(SignalColumn.SKOLA);
        if (school.isEmpty()) {
            errors.add(error(batch, row, SignalColumn.SKOLA, locale, "validation.required"));
        } else if (school.length() > 200) {
            errors.add(error(batch, row, SignalColumn.SKOLA, locale, "validation.tooLong", 200));
        }
        String schoolMunicipality = row.value(SignalColumn.SKOLKOMMUN);
        if (schoolMunicipality.isEmpty()) {
            errors.add(error(batch, row, SignalColumn.SKOLKOMMUN, locale, "validation.required"));
        } else if (reference.municipality(schoolMunicipality).isEmpty()) {
            errors.add(error(batch, row, SignalColumn.SKOLKOMMUN, locale, "person.unknownMunicipality",
                    schoolMunicipality));
        }
        String programme = row.value(SignalColumn.PROGRAM);
        if (programme.length() > 100) {
            errors.add(error(batch, row, SignalColumn.PROGRAM, locale, "validation.tooLong", 100));
        }
        LocalDate[] period = period(batch, row, errors, today, locale);
        BigDecimal absence = absence(batch, row, errors, locale);
        Boolean risk = yesNo(batch, row, SignalColumn.RISK, errors, locale);
        Boolean protectedIdentity = yesNo(batch, row, SignalColumn.SKYDDAD_IDENTITET, errors, locale);
        if (errors.size() > before) {
            return null;
        }
        return new Checked(row.row(), pin, blankToNull(row.value(SignalColumn.FORNAMN)),
                blankToNull(row.value(SignalColumn.EFTERNAMN)), protectedIdentity,
                blankToNull(row.value(SignalColumn.HEMKOMMUN)), school, schoolMunicipality, blankToNull(programme),
                period[0], period[1], absence, risk);
    }

    /** A month ({@code period}, YYYY-MM) or {@code från}/{@code till}; a period that has not begun is refused. */
    private LocalDate[] period(Batch batch, ReportedAbsence row, List<RowError> errors, LocalDate today,
            Locale locale) {
        String month = row.value(SignalColumn.PERIOD);
        if (!month.isEmpty()) {
            var m = MONTH.matcher(month);
            YearMonth ym = null;
            if (m.matches()) {
                try {
                    ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                } catch (java.time.DateTimeException e) {
                    ym = null;
                }
            }
            if (ym == null) {
                errors.add(error(batch, row, SignalColumn.PERIOD, locale, "kaa.ew.import.month"));
                return new LocalDate[2];
            }
            if (ym.isAfter(YearMonth.from(today))) {
                errors.add(error(batch, row, SignalColumn.PERIOD, locale, "kaa.ew.import.periodInFuture"));
            }
            return new LocalDate[] { ym.atDay(1), ym.atEndOfMonth() };
        }
        if (!batch.has(SignalColumn.FRAN) && !batch.has(SignalColumn.TILL)) {
            errors.add(error(batch, row, SignalColumn.PERIOD, locale, "validation.required"));
            return new LocalDate[2];
        }
        LocalDate from = date(batch, row, SignalColumn.FRAN, errors, locale);
        LocalDate to = date(batch, row, SignalColumn.TILL, errors, locale);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(error(batch, row, SignalColumn.TILL, locale, "kaa.ew.import.toBeforeFrom"));
        } else if (to != null && to.isAfter(today)) {
            errors.add(error(batch, row, SignalColumn.TILL, locale, "kaa.ew.import.periodInFuture"));
        }
        return new LocalDate[] { from, to };
    }

    private LocalDate date(Batch batch, ReportedAbsence row, SignalColumn column, List<RowError> errors,
            Locale locale) {
        String v = row.value(column);
        if (v.isEmpty()) {
            errors.add(error(batch, row, column, locale, "validation.required"));
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(error(batch, row, column, locale, "validation.date"));
            return null;
        }
    }

    /** 0–100 with a decimal comma or point, an optional % sign: "12,5", "12.5 %". */
    private BigDecimal absence(Batch batch, ReportedAbsence row, List<RowError> errors, Locale locale) {
        String v = row.value(SignalColumn.FRANVARO).replace('\u00a0', ' ').replace("%", "").replace(" ", "")
                .replace(',', '.');
        if (v.isEmpty()) {
            errors.add(error(batch, row, SignalColumn.FRANVARO, locale, "validation.required"));
            return null;
        }
        try {
            BigDecimal b = new BigDecimal(v);
            if (b.signum() < 0 || b.compareTo(HUNDRED) > 0) {
                errors.add(error(batch, row, SignalColumn.FRANVARO, locale, "kaa.ew.import.absenceRange",
                        row.value(SignalColumn.FRANVARO)));
                return null;
            }
            return b.setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            errors.add(error(batch, row, SignalColumn.FRANVARO, locale, "kaa.ew.import.absenceRange",
                    row.value(SignalColumn.FRANVARO)));
            return null;
        }
    }

    private Boolean yesNo(Batch batch, ReportedAbsence row, SignalColumn column, List<RowError> errors,
            Locale locale) {
        return switch (se.lots.shared.TabularFile.normalisedHeader(row.value(column))) {
            case "", "nej", "n", "0", "false", "no" -> false;
            case "ja", "j", "x", "1", "true", "yes" -> true;
            default -> {
                errors.add(error(batch, row, column, locale, "kaa.import.yesNo"));
                yield false;
            }
        };
    }

    /** Identity only, as the KAA list creates a person: names, gender from the personnummer, home municipality. */
    private YoungPerson newPerson(Actor actor, Organisation municipality, Batch batch, Checked c,
            List<RowError> errors, Locale locale) {
        if (c.firstName() == null || c.lastName() == null) {
            SignalColumn column = c.firstName() == null ? SignalColumn.FORNAMN : SignalColumn.EFTERNAMN;
            errors.add(new RowError(c.row(), batch.columnName(column), text(locale, "kaa.ew.import.nameForNew")));
            return null;
        }
        String gender = c.pin().legalGender() == LegalGender.FEMALE ? "KVINNA" : "MAN";
        var input = new PersonInput(false, c.pin().value(), null, null, c.firstName(), c.lastName(), gender,
                c.homeMunicipality() == null ? municipality.municipalityCode() : c.homeMunicipality(),
                c.protectedIdentity(), new Address(null, null, null), null, null, null, false,
                new Guardian(null, null, null), null);
        try {
            return registry.checkForImport(actor, input);
        } catch (InvalidInputException e) {
            for (FieldError f : e.errors()) {
                SignalColumn column = switch (f.field()) {
                    case "firstName" -> SignalColumn.FORNAMN;
                    case "lastName" -> SignalColumn.EFTERNAMN;
                    case "municipalityCode" -> SignalColumn.HEMKOMMUN;
                    default -> SignalColumn.PERSONNUMMER;
                };
                errors.add(new RowError(c.row(), batch.columnName(column),
                        messages.getMessage(f.messageKey(), f.arguments(), locale)));
            }
            return null;
        }
    }

    /** The school says the student has protected identity: the registry drops the address, as the KAA list does. */
    private YoungPerson protectedFrom(Actor actor, YoungPerson person) {
        var now = PersonInput.of(person);
        var input = new PersonInput(false, null, null, null, now.firstName(), now.lastName(), now.gender(),
                now.municipalityCode(), true, new Address(null, null, null), now.phone(), now.email(),
                now.preferredLanguage(), now.interpreterNeeded(), now.guardian(), person.version());
        return registry.checkChangeForImport(actor, person, input);
    }

    private RowError error(Batch batch, ReportedAbsence row, SignalColumn column, Locale locale, String key,
            Object... args) {
        return new RowError(row.row(), batch.columnName(column), text(locale, key, args));
    }

    private String percent(Locale locale, BigDecimal b) {
        return text(locale, "format.percent", b.stripTrailingZeros());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String digest(Plan plan) {
        var sb = new StringBuilder();
        plan.digest.stream().sorted().forEach(sb::append);
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
