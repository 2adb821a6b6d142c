package se.lots.intervention.catalogue;

import static se.lots.intervention.catalogue.CatalogueColumn.CONTACT;
import static se.lots.intervention.catalogue.CatalogueColumn.EMAIL;
import static se.lots.intervention.catalogue.CatalogueColumn.PARTY;
import static se.lots.intervention.catalogue.CatalogueColumn.PHONE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.intervention.CatalogueService;
import se.lots.intervention.Need;
import se.lots.intervention.Provider;
import se.lots.intervention.catalogue.CatalogueChanges.ProviderFacts;
import se.lots.intervention.catalogue.CatalogueChanges.ProviderUpdate;
import se.lots.intervention.catalogue.CatalogueChanges.Row;
import se.lots.intervention.catalogue.CatalogueImportPreview.Entry;
import se.lots.intervention.publiccatalogue.PublicCatalogue;
import se.lots.organisation.PartyType;
import se.lots.reference.Municipality;
import se.lots.reference.ReferenceData;
import se.lots.shared.ConflictException;
import se.lots.shared.ContactDetails;
import se.lots.shared.TabularFile.UnreadableFileException;
import se.lots.shared.TabularFile;
import se.lots.shared.imports.Cells;
import se.lots.shared.imports.ChangeDigest;
import se.lots.shared.imports.ImportColumns;
import se.lots.shared.imports.ImportFile;
import se.lots.shared.imports.ImportKind;
import se.lots.shared.imports.KeptFile;
import se.lots.shared.imports.Progress;
import se.lots.shared.imports.RowErrors;
import se.lots.shared.imports.Texts;

/**
 * The whole catalogue from xlsx as an import ({@link CatalogueImportService} runs it through the shared pipeline),
 * in the layout of {@link CatalogueColumn}. A row is the intervention with the file's "Id", or else the one of the
 * same provider with the same name, or else a new one; a provider not in the catalogue is added (free-standing, with
 * the row's party type). A provider's contact person, phone, e-mail and party are written on each of its rows: all
 * its rows must agree on them (an empty cell says nothing), and a provider already in the catalogue gets the values
 * the file gives. Interventions missing from the file are listed, and retired only when the user chooses so.
 */
@Component
class CatalogueImport implements ImportKind<CatalogueImporter, CatalogueChanges, CatalogueImport.RetireMissing> {

    /** Whether the user chose to retire the interventions the file leaves out, as the preview listed them. */
    record RetireMissing(boolean chosen, String missingDigest) {
    }

    private final CatalogueService catalogue;
    private final Interventions interventions;
    private final Providers providers;
    private final Needs needs;
    private final PublicCatalogue publicCatalogue;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ImportColumns<CatalogueColumn> columns;

    CatalogueImport(CatalogueService catalogue, Interventions interventions, Providers providers, Needs needs,
            PublicCatalogue publicCatalogue, ReferenceData reference, MessageSource messages, AuditLog audit) {
        this.catalogue = catalogue;
        this.interventions = interventions;
        this.providers = providers;
        this.needs = needs;
        this.publicCatalogue = publicCatalogue;
        this.reference = reference;
        this.messages = messages;
        this.audit = audit;
        this.columns = CatalogueColumn.columns(messages);
    }

    @Override
    public CatalogueChanges changes(CatalogueImporter who, KeptFile kept, Locale locale, Progress progress) {
        var errors = new RowErrors(new Texts(messages, locale));
        TabularFile table;
        try {
            table = read(kept);
        } catch (UnreadableFileException e) {
            errors.add(0, "", e.messageKey(), e.arguments());
            return CatalogueChanges.failed(kept, 0, errors);
        }
        var file = ImportFile.of(table, columns, errors);
        List<NeedColumn> needColumns = needColumns(file);
        if (file.rowCount() == 0) {
            errors.add(0, "", "catalogue.import.noRows");
        }
        if (!errors.isEmpty()) {
            return CatalogueChanges.failed(kept, file.rowCount(), errors);
        }
        var comparison = new Comparison(file, needColumns);
        file.rows().forEach(comparison::row);
        return comparison.changes(kept);
    }

    /** The page shows every refusal of a confirmation as a conflict. */
    @Override
    public RuntimeException refusal(UUID importId, CatalogueChanges changes) {
        return new ConflictException("catalogue.import.hasErrors", importId);
    }

    @Override
    public void kept(CatalogueImporter who, KeptFile file, CatalogueChanges changes) {
        audit.record(who.actor(), null, AuditAction.CREATE, CatalogueService.CATALOGUE, "insatsimport " + file.id()
                + " förhandsvisad: " + file.fileName());
    }

    @Override
    public void apply(CatalogueImporter who, KeptFile file, CatalogueChanges changes, RetireMissing retire,
            Progress progress) {
        if (retire.chosen() && !changes.preview().missingDigest().equals(retire.missingDigest())) {
            throw new ConflictException("catalogue.import.stale", file.id());
        }
        for (ProviderUpdate u : changes.providerUpdates) {
            if (!providers.update(u.before().id(), u.after(), u.before().version(), who.userId())) {
                throw new ConflictException("catalogue.import.stale", file.id());
            }
            audit.record(who.actor(), null, AuditAction.UPDATE, CatalogueService.CATALOGUE, "utförare "
                    + u.before().id() + " (import): " + String.join(", ", u.fields()));
        }
        var providerIds = new HashMap<String, Long>();
        for (Row r : changes.rows) {
            if (r.unchanged()) {
                continue;
            }
            long providerId = r.providerId != null ? r.providerId : providerIds.computeIfAbsent(key(r.providerName),
                    k -> newProvider(who, r, changes.providers.get(k)));
            InterventionValues v = r.values.withProvider(providerId);
            if (r.before == null) {
                catalogue.createImported(who.actor(), v);
            } else {
                catalogue.saveImported(who.actor(), r.before, v);
            }
        }
        if (retire.chosen()) {
            for (Intervention m : changes.missing) {
                catalogue.retireImported(who.actor(), m);
            }
        }
        CatalogueImportPreview p = changes.preview();
        audit.record(who.actor(), null, AuditAction.UPDATE, CatalogueService.CATALOGUE, "insatsimport " + file.id()
                + " genomförd: " + file.fileName() + ", nya " + p.added().size() + ", ändrade " + p.changed().size()
                + ", oförändrade " + p.unchanged() + ", ändrade utförare " + changes.providerUpdates.size()
                + ", avslutade " + (retire.chosen() ? changes.missing.size() : 0));
        publicCatalogue.changed();
    }

    private long newProvider(CatalogueImporter who, Row r, ProviderFacts f) {
        long id = providers.insert(new Provider(0, null, null, r.providerName, f.party(), f.value(CONTACT),
                f.value(PHONE), f.value(EMAIL), null, null, 0), who.userId());
        audit.record(who.actor(), null, AuditAction.CREATE, CatalogueService.CATALOGUE,
                "utförare " + id + " (import)");
        return id;
    }

    // ---- the file ---------------------------------------------------------------------------------------------

    /** An xlsx file only: it travels between agencies as the export writes it. */
    private static TabularFile read(KeptFile kept) {
        if (kept.content().length > 0 && !ReadableWorkbook.isOOXMLZipHeader(kept.content())) {
            throw new UnreadableFileException("catalogue.import.notXlsx", null);
        }
        return TabularFile.read(kept.fileName(), kept.content());
    }

    /** A column of the file that is a need: "x" where the intervention addresses it. */
    private record NeedColumn(int index, String header, Need need) {
    }

    /**
     * The header row: a header that is no fixed column must be a need (by its name), a column named twice or a
     * required one missing is an error on row 1.
     */
    private List<NeedColumn> needColumns(ImportFile<CatalogueColumn> file) {
        List<Need> allNeeds = needs.all();
        var needColumns = new ArrayList<NeedColumn>();
        for (ImportFile.Stray s : file.strays()) {
            if (s.twice()) {
                file.errors().add(1, s.name(), "catalogue.import.duplicateColumn", s.name());
                continue;
            }
            String norm = TabularFile.normalisedHeader(s.name());
            Need need = allNeeds.stream().filter(n -> TabularFile.normalisedHeader(n.name()).equals(norm)).findFirst()
                    .orElse(null);
            if (need == null) {
                file.errors().add(1, s.name(), "catalogue.import.unknownColumn", s.name());
            } else {
                needColumns.add(new NeedColumn(s.position() - 1, s.name(), need));
            }
        }
        for (String header : file.missingHeaders()) {
            file.errors().add(1, header, "catalogue.import.missingColumn", header);
        }
        return needColumns;
    }

    // ---- the rows, against the catalogue as it is ------------------------------------------------------------

    /** What a row says of the intervention besides its identity and its provider, each value checked. */
    private record Fields(InterventionKind kind, Integer ageMin, Integer ageMax, List<Long> needIds,
            List<Eligibility> eligibility, String method, Integer duration, Integer capacity, Integer occupancy,
            Integer waiting, boolean kaa, List<String> municipalities, LocalDate validFrom, LocalDate validTo,
            String contact, String phone, String email, String description) {
    }

    /** The file compared with the catalogue, row by row, into the changes a confirmation would write. */
    private final class Comparison {

        private final ImportFile<CatalogueColumn> file;
        private final List<NeedColumn> needColumns;
        private final Texts texts;
        private final CatalogueChanges changes = new CatalogueChanges();
        private final List<Intervention> existing = interventions.allNotRetired();
        private final Map<Long, Intervention> byId = new HashMap<>();
        private final Map<String, Intervention> byName = new HashMap<>();
        private final Map<String, Provider> providersByName = new HashMap<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private final Map<String, PartyType> newProviders = new LinkedHashMap<>();
        private final Map<String, InterventionKind> kinds = labels(InterventionKind.values(), "intervention.kind.");
        private final Map<String, PartyType> parties = labels(PartyType.values(), "partyType.");
        private final Map<String, Eligibility> eligibilities = labels(Eligibility.values(),
                "intervention.eligibility.");

        Comparison(ImportFile<CatalogueColumn> file, List<NeedColumn> needColumns) {
            this.file = file;
            this.needColumns = needColumns;
            this.texts = file.texts();
            for (Intervention i : existing) {
                byId.put(i.id(), i);
                byName.putIfAbsent(key(i.providerName()) + "\n" + key(i.name()), i);
            }
            providers.all().forEach(p -> providersByName.put(key(p.name()), p));
        }

        void row(TabularFile.Row fileRow) {
            var cells = new CatalogueCells(file.cells(fileRow));
            var r = new Row();
            r.number = fileRow.number();
            String idText = cells.get(CatalogueColumn.ID);
            r.providerName = cells.required(CatalogueColumn.PROVIDER);
            String name = cells.required(CatalogueColumn.NAME);
            cells.maxLength(CatalogueColumn.NAME, name, 200);
            cells.maxLength(CatalogueColumn.PROVIDER, r.providerName, 200);
            String partyText = cells.get(PARTY);
            r.party = partyText == null ? null : cells.choice(PARTY, partyText, parties);
            Fields f = fields(cells, fileRow);
            identify(cells, r, idText, name);
            if (r.providerName != null) {
                provider(cells, r, partyText, f);
            }
            if (cells.failed()) {
                return;
            }
            Intervention b = r.before;
            Long programmeId = b == null ? null : b.programmeId();
            r.values = new InterventionValues(r.providerId == null ? 0 : r.providerId, programmeId, name,
                    f.description() == null ? "" : f.description(), f.kind(), cells.get(CatalogueColumn.TARGET_GROUP),
                    f.ageMin(), f.ageMax(), f.needIds(), f.eligibility(), f.method(), f.duration(), f.capacity(),
                    programmeId == null ? f.occupancy() : null, f.waiting(), cells.get(CatalogueColumn.COST),
                    cells.get(CatalogueColumn.FINANCING), f.kaa(), f.municipalities(), f.validFrom(), f.validTo(),
                    false, b == null ? null : b.reviewedOn());
            changes.rows.add(r);
        }

        private Fields fields(CatalogueCells cells, TabularFile.Row fileRow) {
            InterventionKind kind = cells.choice(CatalogueColumn.KIND, cells.required(CatalogueColumn.KIND), kinds);
            Integer ageMin = cells.number(CatalogueColumn.AGE_MIN, true, 0, 120);
            Integer ageMax = cells.number(CatalogueColumn.AGE_MAX, true, 0, 120);
            if (ageMin != null && ageMax != null && ageMin > ageMax) {
                cells.error(CatalogueColumn.AGE_MIN, "catalogue.import.ageOrder", ageMin, ageMax);
            }
            List<Long> needIds = needs(cells, fileRow);
            List<Eligibility> eligibility = eligibility(cells);
            String method = cells.get(CatalogueColumn.METHOD);
            Integer duration = cells.number(CatalogueColumn.DURATION, false, 1, 520);
            Integer capacity = cells.number(CatalogueColumn.CAPACITY, false, 0, 100_000);
            Integer occupancy = cells.number(CatalogueColumn.OCCUPANCY, false, 0, 100_000);
            Integer waiting = cells.number(CatalogueColumn.WAITING, false, 0, 3650);
            String kaaText = cells.get(CatalogueColumn.KAA);
            boolean kaa = kaaText != null && isMark(kaaText);
            if (kaaText != null && !kaa && !List.of("nej", "no", "-").contains(kaaText.toLowerCase(Locale.ROOT))) {
                cells.error(CatalogueColumn.KAA, "catalogue.import.mark", kaaText);
            }
            List<String> municipalities = municipalities(cells);
            LocalDate validFrom = cells.date(CatalogueColumn.VALID_FROM);
            LocalDate validTo = cells.date(CatalogueColumn.VALID_TO);
            if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
                cells.error(CatalogueColumn.VALID_TO, "intervention.validOrder");
            }
            String contact = cells.get(CONTACT);
            cells.maxLength(CONTACT, contact, 200);
            String phone = cells.get(PHONE);
            if (phone != null && !ContactDetails.isPhoneNumber(phone)) {
                cells.error(PHONE, "validation.phone");
            }
            String email = cells.get(EMAIL);
            if (email != null && !ContactDetails.isEmailAddress(email)) {
                cells.error(EMAIL, "validation.email");
            }
            String description = cells.get(CatalogueColumn.DESCRIPTION);
            cells.maxLength(CatalogueColumn.DESCRIPTION, description, 4000);
            return new Fields(kind, ageMin, ageMax, needIds, eligibility, method, duration, capacity, occupancy,
                    waiting, kaa, municipalities, validFrom, validTo, contact, phone, email, description);
        }

        /** The needs marked "x"; another mark is an error that leaves the row's other values standing. */
        private List<Long> needs(CatalogueCells cells, TabularFile.Row fileRow) {
            var needIds = new ArrayList<Long>();
            for (NeedColumn n : needColumns) {
                String v = fileRow.value(n.index()).strip();
                if (v.isEmpty()) {
                    continue;
                }
                if (isMark(v)) {
                    needIds.add(n.need().id());
                } else {
                    file.errors().add(fileRow.number(), n.header(), "catalogue.import.mark", v);
                    cells.markErrors++;
                }
            }
            return needIds;
        }

        private List<Eligibility> eligibility(CatalogueCells cells) {
            var eligibility = new ArrayList<Eligibility>();
            String text = cells.get(CatalogueColumn.ELIGIBILITY);
            if (text != null) {
                for (String part : text.split(";")) {
                    if (!part.isBlank()) {
                        Eligibility e = cells.choice(CatalogueColumn.ELIGIBILITY, part.strip(), eligibilities);
                        if (e != null) {
                            eligibility.add(e);
                        }
                    }
                }
            }
            return eligibility;
        }

        private List<String> municipalities(CatalogueCells cells) {
            var municipalities = new ArrayList<String>();
            String places = cells.required(CatalogueColumn.MUNICIPALITIES);
            if (places != null) {
                for (String part : places.split("[;,]")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String code = municipality(part.strip());
                    if (code == null) {
                        cells.error(CatalogueColumn.MUNICIPALITIES, "catalogue.import.unknownMunicipality",
                                part.strip());
                    } else if (!municipalities.contains(code)) {
                        municipalities.add(code);
                    }
                }
            }
            return municipalities;
        }

        /** Which intervention the row is: by its Id, else by provider and name; a second row of it is an error. */
        private void identify(CatalogueCells cells, Row r, String idText, String name) {
            if (idText != null) {
                Long iid = idText.matches("[0-9]{1,18}") ? Long.valueOf(idText) : null;
                r.before = iid == null ? null : byId.get(iid);
                if (r.before == null) {
                    cells.error(CatalogueColumn.ID, "catalogue.import.unknownId", idText);
                }
            } else if (r.providerName != null && name != null) {
                r.before = byName.get(key(r.providerName) + "\n" + key(name));
            }
            String identity = r.before != null ? "id " + r.before.id() : key(r.providerName) + "\n" + key(name);
            Integer first = seen.putIfAbsent(identity, r.number);
            if (first != null) {
                cells.error(idText != null ? CatalogueColumn.ID : CatalogueColumn.NAME,
                        "catalogue.import.duplicateRow", first);
            }
        }

        /** The row's provider, and what the row says about it, which must agree with its other rows. */
        private void provider(CatalogueCells cells, Row r, String partyText, Fields f) {
            Provider p = providersByName.get(key(r.providerName));
            if (p != null) {
                r.providerId = p.id();
            } else if (r.party == null && partyText == null) {
                cells.error(PARTY, "catalogue.import.partyForNewProvider", r.providerName);
            } else if (r.party != null) {
                newProviders.putIfAbsent(key(r.providerName), r.party);
            }
            ProviderFacts facts = changes.providers.computeIfAbsent(key(r.providerName), k -> new ProviderFacts(p));
            if (p != null && p.organisationId() != null && r.party != null && r.party != p.partyType()) {
                // an organisation's provider has the organisation's party, which the catalogue cannot change
                cells.error(PARTY, "catalogue.import.partyOfOrganisation", r.providerName,
                        texts.get("partyType." + p.partyType().name()));
            } else {
                agree(cells, facts, PARTY, r.party == null ? null : r.party.name(), r);
            }
            agree(cells, facts, CONTACT, f.contact(), r);
            agree(cells, facts, PHONE, f.phone(), r);
            agree(cells, facts, EMAIL, f.email(), r);
        }

        /**
         * Adds {@code value} (null: the cell was empty and says nothing) to what the file says about the row's
         * provider, or, when an earlier row of the provider gave another value, an error naming that row.
         */
        private void agree(CatalogueCells cells, ProviderFacts facts, CatalogueColumn column, String value, Row r) {
            if (value == null) {
                return;
            }
            String earlier = facts.values.putIfAbsent(column, value);
            if (earlier == null) {
                facts.rows.put(column, r.number);
            } else if (!earlier.equals(value)) {
                cells.error(column, "catalogue.import.providerDisagrees", columns.header(column), r.providerName,
                        facts.rows.get(column));
            }
        }

        /** Every row read: the diff with the catalogue, the providers that change, the interventions left out. */
        CatalogueChanges changes(KeptFile kept) {
            var added = new ArrayList<Entry>();
            var changed = new ArrayList<Entry>();
            int unchanged = 0;
            var digest = new ChangeDigest();
            for (Row r : changes.rows) {
                if (r.before == null) {
                    added.add(new Entry(r.number, r.providerName, r.values.name(), List.of()));
                    digest.add("new " + r.values.content());
                } else if (r.unchanged()) {
                    unchanged++;
                } else {
                    var fields = r.values.changedSince(InterventionValues.of(r.before)).stream()
                            .map(f -> texts.get("intervention.field." + f)).toList();
                    changed.add(new Entry(r.number, r.providerName, r.values.name(), fields));
                    digest.add(r.before.id() + "@" + r.before.version() + " " + r.values.content());
                }
            }
            var changedProviders = providerChanges(digest);
            leftOut();
            boolean errors = !file.errors().isEmpty();
            if (errors) {
                changes.rows.clear();
                changes.providerUpdates.clear();
                changes.missing.clear();
                changedProviders.clear();
            }
            var missingDigest = new ChangeDigest();
            changes.missing.forEach(i -> missingDigest.add(i.id() + "@" + i.version()));
            changes.preview = new CatalogueImportPreview(kept.id(), kept.fileName(), file.rowCount(),
                    file.errors().asFound(CatalogueChanges::error), added, changed, unchanged, newProviderNames(),
                    changedProviders, changes.missing.stream().map(i -> new CatalogueImportPreview.Missing(i.id(),
                            i.providerName(), i.name())).toList(),
                    errors ? "" : digest.value(), errors ? "" : missingDigest.value());
            return changes;
        }

        /** The providers in the catalogue whose contact details or party the file changes, from their first row. */
        private List<CatalogueImportPreview.ProviderChange> providerChanges(ChangeDigest digest) {
            var changedProviders = new ArrayList<CatalogueImportPreview.ProviderChange>();
            for (ProviderFacts f : changes.providers.values()) {
                Provider b = f.existing;
                if (b == null) {
                    continue;
                }
                var after = new Provider(b.id(), b.organisationId(), b.unitId(), b.name(),
                        b.organisationId() == null && f.party() != null ? f.party() : b.partyType(),
                        or(f.value(CONTACT), b.contactName()), or(f.value(PHONE), b.phone()),
                        or(f.value(EMAIL), b.email()), b.address(), b.openingHours(), b.version());
                var fields = new ArrayList<String>();
                if (after.partyType() != b.partyType()) {
                    fields.add("partyType");
                }
                if (!Objects.equals(after.contactName(), b.contactName())) {
                    fields.add("contactName");
                }
                if (!Objects.equals(after.phone(), b.phone())) {
                    fields.add("phone");
                }
                if (!Objects.equals(after.email(), b.email())) {
                    fields.add("email");
                }
                if (!fields.isEmpty()) {
                    changes.providerUpdates.add(new ProviderUpdate(b, after, fields));
                    int row = f.rows.values().stream().min(Integer::compare).orElse(0);
                    changedProviders.add(new CatalogueImportPreview.ProviderChange(row, b.name(),
                            fields.stream().map(x -> texts.get("provider.field." + x)).toList()));
                    digest.add("provider " + b.id() + "@" + b.version() + " " + after);
                }
            }
            return changedProviders;
        }

        /** The current interventions no row names, by provider and name. */
        private void leftOut() {
            var named = new HashSet<Long>();
            changes.rows.stream().filter(r -> r.before != null).forEach(r -> named.add(r.before.id()));
            existing.stream().filter(i -> !named.contains(i.id()))
                    .sorted(Comparator.comparing((Intervention i) -> key(i.providerName()))
                            .thenComparing(i -> key(i.name())))
                    .forEach(changes.missing::add);
        }

        /** The new providers as the file first writes them (once the rows are dropped for errors: as keys). */
        private List<String> newProviderNames() {
            return newProviders.keySet().stream().map(k -> changes.rows.stream()
                    .filter(r -> key(r.providerName).equals(k)).map(r -> r.providerName).findFirst().orElse(k))
                    .toList();
        }
    }

    /** The values of one row by column; a wrong value is an error naming row and column, in the catalogue's words. */
    private final class CatalogueCells {

        private final Cells<CatalogueColumn> cells;
        /** Wrong need marks, which leave the row's intervention standing in the preview. */
        int markErrors;

        CatalogueCells(Cells<CatalogueColumn> cells) {
            this.cells = cells;
        }

        String get(CatalogueColumn c) {
            return cells.text(c);
        }

        String required(CatalogueColumn c) {
            String v = get(c);
            if (v == null) {
                error(c, "catalogue.import.required", columns.header(c));
            }
            return v;
        }

        void error(CatalogueColumn c, String key, Object... args) {
            cells.error(c, key, args);
        }

        /** Whether a value the row's intervention needs is wrong. */
        boolean failed() {
            return cells.errors() > markErrors;
        }

        void maxLength(CatalogueColumn c, String v, int max) {
            if (v != null && v.length() > max) {
                error(c, "catalogue.import.tooLong", columns.header(c), max);
            }
        }

        Integer number(CatalogueColumn c, boolean required, int min, int max) {
            String v = required ? required(c) : get(c);
            if (v == null) {
                return null;
            }
            int n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                error(c, "catalogue.import.wholeNumber", columns.header(c), v);
                return null;
            }
            if (n < min || n > max) {
                error(c, "catalogue.import.between", columns.header(c), min, max, n);
                return null;
            }
            return n;
        }

        LocalDate date(CatalogueColumn c) {
            return cells.date(c, "catalogue.import.date", columns.header(c), get(c));
        }

        <E> E choice(CatalogueColumn c, String v, Map<String, E> options) {
            if (v == null) {
                return null;
            }
            E e = options.get(key(v));
            if (e == null) {
                error(c, "catalogue.import.unknownChoice", columns.header(c), v);
            }
            return e;
        }
    }

    /** Swedish label and code of each value, normalised, to the value: "Åtgärd" and "ATGARD" are both accepted. */
    private <E extends Enum<E>> Map<String, E> labels(E[] values, String prefix) {
        var map = new HashMap<String, E>();
        for (E e : values) {
            map.put(key(e.name()), e);
            map.put(key(messages.getMessage(prefix + e.name(), null, CatalogueWorkbook.SWEDISH)), e);
        }
        return map;
    }

    /** A municipality by code ("1214"), by name ("Svalövs kommun") or short name ("Svalöv"). */
    private String municipality(String text) {
        if (text.matches("[0-9]{4}")) {
            return reference.municipality(text).map(m -> m.code().value()).orElse(null);
        }
        String k = key(text);
        return reference.municipalities().stream()
                .filter(m -> key(m.name()).equals(k) || key(m.shortName()).equals(k)).map(m -> m.code().value())
                .findFirst().orElse(null);
    }

    private static boolean isMark(String v) {
        return List.of("x", "ja", "yes", "1").contains(v.strip().toLowerCase(Locale.ROOT));
    }

    private static String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }
}
