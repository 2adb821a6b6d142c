package se.lots.kaa.earlywarning;

import static se.lots.kaa.earlywarning.SignalColumn.FRAN;
import static se.lots.kaa.earlywarning.SignalColumn.FRANVARO;
import static se.lots.kaa.earlywarning.SignalColumn.PERIOD;
import static se.lots.kaa.earlywarning.SignalColumn.PERSONNUMMER;
import static se.lots.kaa.earlywarning.SignalColumn.TILL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.kaa.register.KaaImporter;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.reference.ReferenceData;
import se.lots.registry.Address;
import se.lots.registry.Guardian;
import se.lots.registry.InvalidPersonalIdentityNumberException;
import se.lots.registry.LegalGender;
import se.lots.registry.PersonInput;
import se.lots.registry.PersonalIdentityNumber;
import se.lots.registry.RegistryService;
import se.lots.registry.YoungPerson;
import se.lots.shared.ConflictException;
import se.lots.shared.FieldError;
import se.lots.shared.InvalidInputException;
import se.lots.shared.imports.Cells;
import se.lots.shared.imports.ImportColumns;
import se.lots.shared.imports.ImportColumns.ErrorNames;
import se.lots.shared.imports.ImportFile;
import se.lots.shared.imports.ImportKind;
import se.lots.shared.imports.KeptFile;
import se.lots.shared.imports.Progress;
import se.lots.shared.imports.RowErrors;
import se.lots.shared.imports.Texts;

/**
 * What schools report about absence, as an import ({@link SchoolSignalImportService} runs it through the shared
 * pipeline): the report's columns and row checks, the comparison with the signals already stored (new, corrected,
 * unchanged; flagged by {@link ProblematicAbsencePolicy}), and the writes. A student Lots does not know is added to
 * the registry with identity only; no KAA episode is created, as these students are still in school.
 */
@Component
class SchoolSignalImport implements ImportKind<KaaImporter, SignalChanges, Void> {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-?(\\d{2})");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SchoolSignals signals;
    private final RegistryService registry;
    private final Organisations organisations;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final MessageSource messages;
    private final EarlyWarningSettings settings;
    private final Clock clock;
    private final ImportColumns<SignalColumn> columns;

    SchoolSignalImport(SchoolSignals signals, RegistryService registry, Organisations organisations,
            ReferenceData reference, AuditLog audit, MessageSource messages, EarlyWarningSettings settings,
            Clock clock) {
        this.signals = signals;
        this.registry = registry;
        this.organisations = organisations;
        this.reference = reference;
        this.audit = audit;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.columns = new ImportColumns<>(SignalColumn.class, "kaa.ew.import.header", messages,
                ErrorNames.AS_IN_FILE);
    }

    ImportColumns<SignalColumn> columns() {
        return columns;
    }

    @Override
    public SignalChanges changes(KaaImporter who, KeptFile kept, Locale locale, Progress progress) {
        LocalDate today = LocalDate.now(clock);
        var texts = new Texts(messages, locale);
        var file = ImportFile.of(new SchoolSignalFile(kept.fileName(), kept.content()).read(), columns,
                new RowErrors(texts));
        file.refuseColumnsNamedTwice("kaa.import.duplicateColumn");
        List<String> missing = missingColumns(file, texts);
        List<Checked> checked = missing.isEmpty() ? file.checkRows(cells -> check(file, cells, today),
                Checked::key, PERSONNUMMER, "kaa.ew.import.duplicateRow", progress) : List.of();
        var comparison = new Comparison(who, file, known(who, checked));
        checked.forEach(comparison::row);
        return comparison.changes.shown(kept.id(), kept.fileName(), file,
                file.unknownColumns("kaa.import.unknownColumn"), missing, comparison.threshold);
    }

    @Override
    public RuntimeException refusal(UUID importId, SignalChanges changes) {
        return new InvalidInputException("file", "kaa.import.hasErrors");
    }

    @Override
    public void shown(KaaImporter who, KeptFile file, SignalChanges changes, Progress progress) {
        audit.recordEachIfAny(who.actor(), changes.shownPersons, AuditAction.READ,
                AccessBasis.of(EarlyWarningService.PURPOSE), "Skolsignaler, förhandsgranskning: " + file.fileName());
    }

    @Override
    public void apply(KaaImporter who, KeptFile file, SignalChanges changes, Void decisions, Progress progress) {
        String detail = "Skolsignaler: " + file.fileName();
        registry.saveImported(who.actor(), changes.newPersons, changes.changedPersons, detail);
        for (SchoolSignal s : changes.newSignals) {
            signals.insert(who.municipality().id(), s, file.id(), who.userId());
        }
        for (var c : changes.corrections.entrySet()) {
            if (!signals.correct(c.getKey(), c.getValue(), file.id(), who.userId())) {
                throw new ConflictException("kaa.import.changedSincePreview", file.id());
            }
        }
        var written = new LinkedHashSet<UUID>();
        changes.newSignals.forEach(s -> written.add(s.personId()));
        changes.corrections.values().forEach(s -> written.add(s.personId()));
        audit.recordEachIfAny(who.actor(), written, AuditAction.UPDATE, AccessBasis.of(EarlyWarningService.PURPOSE),
                detail);
    }

    /** The required columns the report lacks, and the period unless it has a month or both dates. */
    private List<String> missingColumns(ImportFile<SignalColumn> file, Texts texts) {
        var missing = new ArrayList<>(file.missingHeaders());
        if (!file.has(PERIOD) && !(file.has(FRAN) && file.has(TILL))) {
            missing.add(texts.get("kaa.ew.import.periodColumns"));
        }
        return missing;
    }

    // ---- the rows ---------------------------------------------------------------------------------------------

    /** One checked row: everything parsed, the person not yet matched. */
    private record Checked(int row, PersonalIdentityNumber pin, String firstName, String lastName,
            boolean protectedIdentity, String homeMunicipality, String school, String schoolMunicipality,
            String programme, LocalDate from, LocalDate to, BigDecimal absence, boolean risk) {

        /** One student at one school over one period: a second row of it in the same report is an error. */
        String key() {
            return pin.value() + "|" + school.toLowerCase(Locale.ROOT) + "|" + from + "|" + to;
        }
    }

    private Checked check(ImportFile<SignalColumn> file, Cells<SignalColumn> cells, LocalDate today) {
        String pinText = cells.value(PERSONNUMMER);
        PersonalIdentityNumber pin = null;
        if (pinText.isEmpty()) {
            cells.error(PERSONNUMMER, "validation.required");
        } else {
            try {
                pin = PersonalIdentityNumber.parse(pinText, today);
            } catch (InvalidPersonalIdentityNumberException e) {
                cells.error(PERSONNUMMER, e.messageKey());
            }
        }
        String school = cells.value(SignalColumn.SKOLA);
        if (school.isEmpty()) {
            cells.error(SignalColumn.SKOLA, "validation.required");
        } else if (school.length() > 200) {
            cells.error(SignalColumn.SKOLA, "validation.tooLong", 200);
        }
        String schoolMunicipality = cells.value(SignalColumn.SKOLKOMMUN);
        if (schoolMunicipality.isEmpty()) {
            cells.error(SignalColumn.SKOLKOMMUN, "validation.required");
        } else if (reference.municipality(schoolMunicipality).isEmpty()) {
            cells.error(SignalColumn.SKOLKOMMUN, "person.unknownMunicipality", schoolMunicipality);
        }
        String programme = cells.value(SignalColumn.PROGRAM);
        if (programme.length() > 100) {
            cells.error(SignalColumn.PROGRAM, "validation.tooLong", 100);
        }
        LocalDate[] period = period(file, cells, today);
        BigDecimal absence = absence(cells);
        boolean risk = cells.yesNo(SignalColumn.RISK, false, "kaa.import.yesNo");
        boolean protectedIdentity = cells.yesNo(SignalColumn.SKYDDAD_IDENTITET, false, "kaa.import.yesNo");
        if (cells.failed()) {
            return null;
        }
        return new Checked(cells.row(), pin, cells.text(SignalColumn.FORNAMN), cells.text(SignalColumn.EFTERNAMN),
                protectedIdentity, cells.text(SignalColumn.HEMKOMMUN), school, schoolMunicipality,
                cells.text(SignalColumn.PROGRAM), period[0], period[1], absence, risk);
    }

    /** A month ({@code period}, YYYY-MM) or {@code från}/{@code till}; a period that has not begun is refused. */
    private static LocalDate[] period(ImportFile<SignalColumn> file, Cells<SignalColumn> cells, LocalDate today) {
        String month = cells.value(PERIOD);
        if (!month.isEmpty()) {
            YearMonth ym = month(month);
            if (ym == null) {
                cells.error(PERIOD, "kaa.ew.import.month");
                return new LocalDate[2];
            }
            if (ym.isAfter(YearMonth.from(today))) {
                cells.error(PERIOD, "kaa.ew.import.periodInFuture");
            }
            return new LocalDate[] { ym.atDay(1), ym.atEndOfMonth() };
        }
        if (!file.has(FRAN) && !file.has(TILL)) {
            cells.error(PERIOD, "validation.required");
            return new LocalDate[2];
        }
        LocalDate from = requiredDate(cells, FRAN);
        LocalDate to = requiredDate(cells, TILL);
        if (from != null && to != null && to.isBefore(from)) {
            cells.error(TILL, "kaa.ew.import.toBeforeFrom");
        } else if (to != null && to.isAfter(today)) {
            cells.error(TILL, "kaa.ew.import.periodInFuture");
        }
        return new LocalDate[] { from, to };
    }

    private static YearMonth month(String text) {
        var m = MONTH.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate requiredDate(Cells<SignalColumn> cells, SignalColumn column) {
        if (cells.value(column).isEmpty()) {
            cells.error(column, "validation.required");
            return null;
        }
        return cells.date(column, "validation.date");
    }

    /** 0–100 with a decimal comma or point, an optional % sign: "12,5", "12.5 %". */
    private static BigDecimal absence(Cells<SignalColumn> cells) {
        String written = cells.value(FRANVARO);
        String v = written.replace('\u00a0', ' ').replace("%", "").replace(" ", "").replace(',', '.');
        if (v.isEmpty()) {
            cells.error(FRANVARO, "validation.required");
            return null;
        }
        try {
            BigDecimal b = new BigDecimal(v);
            if (b.signum() >= 0 && b.compareTo(HUNDRED) <= 0) {
                return b.setScale(2, RoundingMode.HALF_UP);
            }
        } catch (NumberFormatException e) {
            // the same error as a figure out of range
        }
        cells.error(FRANVARO, "kaa.ew.import.absenceRange", written);
        return null;
    }

    // ---- the comparison with the signals stored ------------------------------------------------------------------

    /** The persons the report names as the registry has them, and their signals stored, by school and period. */
    private record Known(Map<String, YoungPerson> persons, Map<String, SchoolSignal> signals) {
    }

    private Known known(KaaImporter who, List<Checked> checked) {
        var persons = registry.byPersonalIdentityNumbers(who.actor(),
                checked.stream().map(c -> c.pin().value()).distinct().toList());
        return new Known(persons, signals.byKey(who.municipality().id(),
                persons.values().stream().map(YoungPerson::id).toList()));
    }

    /** One report compared with the signals stored, row by row, into the changes a confirmation would write. */
    private final class Comparison {

        private final KaaImporter who;
        private final Organisation municipality;
        private final ImportFile<SignalColumn> file;
        private final Texts texts;
        private final Known known;
        private final BigDecimal threshold = settings.absenceThresholdPercent();
        private final SignalChanges changes = new SignalChanges();
        private final Map<String, YoungPerson> created = new HashMap<>();
        private final Set<UUID> protecting = new HashSet<>();

        Comparison(KaaImporter who, ImportFile<SignalColumn> file, Known known) {
            this.who = who;
            this.municipality = who.municipality();
            this.file = file;
            this.texts = file.texts();
            this.known = known;
            known.persons().values().forEach(p -> changes.shownPersons.add(p.id()));
        }

        void row(Checked c) {
            var details = new ArrayList<String>();
            YoungPerson person = person(c, details);
            if (person != null) {
                signal(c, person, details);
            }
        }

        /** The student: as the registry has them, to be added with identity only, or null after an error. */
        private YoungPerson person(Checked c, List<String> details) {
            YoungPerson person = known.persons().get(c.pin().value());
            if (person == null) {
                person = created.get(c.pin().value());
                if (person == null) {
                    person = newPerson(c);
                    if (person == null) {
                        return null;
                    }
                    created.put(c.pin().value(), person);
                    changes.newPersons.add(person);
                    changes.digest.add("P" + c.pin().value() + c.firstName() + c.lastName() + c.protectedIdentity());
                }
                details.add(texts.get("kaa.import.newInRegistry"));
            } else if (c.protectedIdentity() && !person.protectedIdentity()
                    && !person.ownerOrganisationId().equals(municipality.id())) {
                // as the KAA list: only the holder can mark the registry entry, and until then the person's
                // address would be printed on the register's letters and route sheets
                String holder = organisations.byId(person.ownerOrganisationId()).map(Organisation::name).orElse("?");
                file.error(c.row(), SignalColumn.SKYDDAD_IDENTITET, "kaa.import.protectedHeldElsewhere", holder);
                return null;
            } else if (c.protectedIdentity() && !person.protectedIdentity()
                    && person.ownerOrganisationId().equals(municipality.id()) && protecting.add(person.id())) {
                changes.changedPersons.add(protectedFrom(person));
                changes.digest.add("S" + person.id() + person.version());
                details.add(texts.get("kaa.import.becomesProtected"));
            }
            return person;
        }

        /** The row's signal: new, a correction of the one stored for the same school and period, or unchanged. */
        private void signal(Checked c, YoungPerson person, List<String> details) {
            var signal = new SchoolSignal(null, person.id(), c.school(), c.schoolMunicipality(), c.programme(),
                    c.from(), c.to(), c.absence(), c.risk());
            boolean flagged = ProblematicAbsencePolicy.flagged(c.absence(), c.risk(), threshold);
            String name = person.firstName() + " " + person.lastName();
            SchoolSignal before = known.signals().get(signal.key());
            if (before == null) {
                changes.newSignals.add(signal);
                // the pin, not the person id: a new person gets a fresh id each time the changes are found
                changes.digest.add("N" + c.pin().value() + c.school() + c.from() + c.to() + c.schoolMunicipality()
                        + c.programme() + c.absence() + c.risk());
                changes.added.add(entry(c, person, name, signal, flagged, details));
            } else if (before.absencePercent().compareTo(c.absence()) != 0 || before.dropoutRisk() != c.risk()
                    || !before.schoolMunicipality().equals(c.schoolMunicipality())
                    || !Objects.equals(before.programme(), c.programme())) {
                changes.corrections.put(before, signal);
                changes.digest.add("C" + before.id() + before.absencePercent() + before.dropoutRisk() + c.absence()
                        + c.risk() + c.schoolMunicipality() + c.programme());
                details.add(texts.get("kaa.import.change", texts.get("kaa.ew.col.absence"),
                        percent(before.absencePercent()), percent(c.absence())));
                changes.changed.add(entry(c, person, name, signal, flagged, details));
            } else if (!details.isEmpty()) {
                changes.changed.add(entry(c, person, name, signal, flagged, details));
            } else {
                changes.unchanged++;
            }
        }

        /** Identity only, as the KAA list creates a person: names, gender from the personnummer, home municipality. */
        private YoungPerson newPerson(Checked c) {
            if (c.firstName() == null || c.lastName() == null) {
                file.error(c.row(), c.firstName() == null ? SignalColumn.FORNAMN : SignalColumn.EFTERNAMN,
                        "kaa.ew.import.nameForNew");
                return null;
            }
            String gender = c.pin().legalGender() == LegalGender.FEMALE ? "KVINNA" : "MAN";
            var input = new PersonInput(false, c.pin().value(), null, null, c.firstName(), c.lastName(), gender,
                    c.homeMunicipality() == null ? municipality.municipalityCode().value() : c.homeMunicipality(),
                    c.protectedIdentity(), new Address(null, null, null), null, null, null, false,
                    new Guardian(null, null, null), null);
            try {
                return registry.checkForImport(who.actor(), input);
            } catch (InvalidInputException e) {
                for (FieldError f : e.errors()) {
                    SignalColumn column = switch (f.field()) {
                        case "firstName" -> SignalColumn.FORNAMN;
                        case "lastName" -> SignalColumn.EFTERNAMN;
                        case "municipalityCode" -> SignalColumn.HEMKOMMUN;
                        default -> PERSONNUMMER;
                    };
                    file.errors().add(c.row(), file.name(column), f);
                }
                return null;
            }
        }

        /** The school says the student has protected identity: the registry drops the address, as the KAA list does. */
        private YoungPerson protectedFrom(YoungPerson person) {
            var now = PersonInput.of(person);
            var input = new PersonInput(false, null, null, null, now.firstName(), now.lastName(), now.gender(),
                    now.municipalityCode(), true, new Address(null, null, null), now.phone(), now.email(),
                    now.preferredLanguage(), now.interpreterNeeded(), now.guardian(), person.version());
            return registry.checkChangeForImport(who.actor(), person, input);
        }

        private String percent(BigDecimal b) {
            return texts.get("format.percent", b.stripTrailingZeros());
        }
    }

    private static SignalPreview.Entry entry(Checked c, YoungPerson person, String name, SchoolSignal signal,
            boolean flagged, List<String> details) {
        return new SignalPreview.Entry(c.row(), person.id(), c.pin().formatted(), name, c.school(), signal.period(),
                c.absence(), c.risk(), flagged, List.copyOf(details));
    }
}
