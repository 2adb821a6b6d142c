package se.lots.intervention.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.intervention.CatalogueService;
import se.lots.intervention.Need;
import se.lots.intervention.Provider;
import se.lots.intervention.catalogue.CatalogueImportPreview.Entry;
import se.lots.intervention.catalogue.CatalogueImportPreview.RowError;
import se.lots.intervention.publiccatalogue.PublicCatalogue;
import se.lots.organisation.PartyType;
import se.lots.reference.Municipality;
import se.lots.reference.ReferenceData;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.NotFoundException;
import se.lots.shared.TabularFile.UnreadableFileException;
import se.lots.shared.TabularFile;
import se.lots.shared.TextInput;

/**
 * The whole catalogue from xlsx, in the layout of {@link CatalogueColumn}, for the administrator and the förbund.
 * {@link #upload} keeps the file and shows what would happen (new, changed, unchanged, rows with errors); nothing
 * else is saved. {@link #confirm} does it in one transaction, all or nothing, and only if the file has no errors
 * and the catalogue has not changed since the preview. A row is the intervention with the file's "Id", or else
 * the one of the same provider with the same name, or else a new one; a provider not in the catalogue is added
 * (free-standing, with the row's party type). A provider's contact person, phone, e-mail and party are written on
 * each of its rows: all its rows must agree on them (an empty cell says nothing), and a provider already in the
 * catalogue gets the values the file gives. Interventions missing from the file are listed, and retired only when
 * the user chooses so at confirmation.
 */
@Service
public class CatalogueImportService {

    private final CatalogueImports imports;
    private final CatalogueService catalogue;
    private final Interventions interventions;
    private final Providers providers;
    private final Needs needs;
    private final PublicCatalogue publicCatalogue;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final AuditLog audit;

    CatalogueImportService(CatalogueImports imports, CatalogueService catalogue, Interventions interventions,
            Providers providers, Needs needs, PublicCatalogue publicCatalogue, ReferenceData reference,
            MessageSource messages, AuditLog audit) {
        this.imports = imports;
        this.catalogue = catalogue;
        this.interventions = interventions;
        this.providers = providers;
        this.needs = needs;
        this.publicCatalogue = publicCatalogue;
        this.reference = reference;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional
    public CatalogueImportPreview upload(Actor actor, String fileName, byte[] content, Locale locale) {
        CatalogueAccess.requireMaintains(actor, null);
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? "katalog.xlsx" : fileName;
        imports.insert(id, name, content, actor.userId());
        Plan plan = plan(id, name, content, locale);
        imports.counts(id, plan.preview);
        audit.record(actor, null, AuditAction.CREATE, CatalogueService.CATALOGUE, "insatsimport " + id + " förhandsvisad: "
                + name);
        return plan.preview;
    }

    @Transactional(readOnly = true)
    public CatalogueImportPreview preview(Actor actor, UUID importId, Locale locale) {
        CatalogueAccess.requireMaintains(actor, null);
        var kept = imports.byId(importId).orElseThrow(() -> new NotFoundException("import"));
        return plan(importId, kept.fileName(), kept.content(), locale).preview;
    }

    /**
     * Does what the preview showed, and retires the interventions it listed as missing if {@code retireMissing}.
     * Refused if the file has errors, was confirmed, or the catalogue changed (for the missing ones: only when
     * they are to be retired).
     */
    @Transactional
    public CatalogueImportPreview confirm(Actor actor, UUID importId, String digest, boolean retireMissing,
            String missingDigest, Locale locale) {
        CatalogueAccess.requireMaintains(actor, null);
        var kept = imports.byId(importId).orElseThrow(() -> new NotFoundException("import"));
        Plan plan = plan(importId, kept.fileName(), kept.content(), locale);
        if (kept.confirmed()) {
            throw new ConflictException("catalogue.import.alreadyConfirmed", importId);
        }
        if (!plan.preview.canConfirm()) {
            throw new ConflictException("catalogue.import.hasErrors", importId);
        }
        if (!plan.preview.digest().equals(digest)
                || retireMissing && !plan.preview.missingDigest().equals(missingDigest)) {
            throw new ConflictException("catalogue.import.stale", importId);
        }
        for (ProviderUpdate u : plan.providerUpdates) {
            if (!providers.update(u.before.id(), u.after, u.before.version(), actor.userId())) {
                throw new ConflictException("catalogue.import.stale", importId);
            }
            audit.record(actor, null, AuditAction.UPDATE, CatalogueService.CATALOGUE, "utförare " + u.before.id()
                    + " (import): " + String.join(", ", u.fields));
        }
        var providerIds = new HashMap<String, Long>();
        for (Row r : plan.rows) {
            if (r.unchanged()) {
                continue;
            }
            long providerId = r.providerId != null ? r.providerId : providerIds.computeIfAbsent(key(r.providerName),
                    k -> {
                        ProviderFacts f = plan.providers.get(k);
                        long pid = providers.insert(new Provider(0, null, null, r.providerName, f.party(),
                                f.value(CatalogueColumn.CONTACT), f.value(CatalogueColumn.PHONE),
                                f.value(CatalogueColumn.EMAIL), null, null, 0), actor.userId());
                        audit.record(actor, null, AuditAction.CREATE, CatalogueService.CATALOGUE,
                                "utförare " + pid + " (import)");
                        return pid;
                    });
            InterventionValues v = r.values.withProvider(providerId);
            if (r.before == null) {
                catalogue.createImported(actor, v);
            } else {
                catalogue.saveImported(actor, r.before, v);
            }
        }
        if (retireMissing) {
            for (Intervention m : plan.missing) {
                catalogue.retireImported(actor, m);
            }
        }
        if (!imports.confirm(importId, actor.userId())) {
            throw new ConflictException("catalogue.import.alreadyConfirmed", importId);
        }
        imports.counts(importId, plan.preview);
        audit.record(actor, null, AuditAction.UPDATE, CatalogueService.CATALOGUE, "insatsimport " + importId
                + " genomförd: " + kept.fileName() + ", nya " + plan.preview.added().size() + ", ändrade "
                + plan.preview.changed().size() + ", oförändrade " + plan.preview.unchanged() + ", ändrade utförare "
                + plan.providerUpdates.size() + ", avslutade " + (retireMissing ? plan.missing.size() : 0));
        publicCatalogue.changed();
        return plan.preview;
    }

    @Transactional(readOnly = true)
    public List<CatalogueImports.ImportRecord> recent(Actor actor) {
        CatalogueAccess.requireMaintains(actor, null);
        return imports.recent(20);
    }

    // ---- reading the file ----------------------------------------------------------------------------------

    /** A row read: the values to save (provider id 0 when the provider is new) and the intervention it replaces. */
    private static final class Row {
        int number;
        Long providerId;
        String providerName;
        PartyType party;
        InterventionValues values;
        Intervention before;

        boolean unchanged() {
            return before != null && values.content().equals(InterventionValues.of(before).content());
        }
    }

    /**
     * What the file says about one provider, gathered over its rows: each of contact person, phone, e-mail and party
     * from the first row that gives it, and the row it came from.
     */
    private static final class ProviderFacts {
        static final List<CatalogueColumn> COLUMNS = List.of(CatalogueColumn.PARTY, CatalogueColumn.CONTACT,
                CatalogueColumn.PHONE, CatalogueColumn.EMAIL);
        final Provider existing;
        final Map<CatalogueColumn, String> values = new EnumMap<>(CatalogueColumn.class);
        final Map<CatalogueColumn, Integer> rows = new EnumMap<>(CatalogueColumn.class);

        ProviderFacts(Provider existing) {
            this.existing = existing;
        }

        String value(CatalogueColumn c) {
            return values.get(c);
        }

        PartyType party() {
            String p = values.get(CatalogueColumn.PARTY);
            return p == null ? null : PartyType.valueOf(p);
        }
    }

    /** A provider in the catalogue and what the file makes of it. */
    private record ProviderUpdate(Provider before, Provider after, List<String> fields) {
    }

    private static final class Plan {
        CatalogueImportPreview preview;
        final List<Row> rows = new ArrayList<>();
        final Map<String, ProviderFacts> providers = new LinkedHashMap<>();
        final List<ProviderUpdate> providerUpdates = new ArrayList<>();
        final List<Intervention> missing = new ArrayList<>();
    }

    private Plan plan(UUID id, String fileName, byte[] content, Locale locale) {
        var plan = new Plan();
        var errors = new ArrayList<RowError>();
        TabularFile file;
        try {
            if (content.length > 0 && !org.dhatim.fastexcel.reader.ReadableWorkbook.isOOXMLZipHeader(content)) {
                throw new UnreadableFileException("catalogue.import.notXlsx", null);
            }
            file = TabularFile.read(fileName, content);
        } catch (UnreadableFileException e) {
            errors.add(new RowError(0, "", text(locale, e.messageKey(), e.arguments())));
            plan.preview = CatalogueImportPreview.failed(id, fileName, 0, errors);
            return plan;
        }
        for (TabularFile.Refused r : file.refused()) {
            errors.add(new RowError(r.row(), r.column(), text(locale, TextInput.MESSAGE_KEY, r.column(),
                    TextInput.name(r.codePoint()))));
        }
        // the header: fixed columns and needs
        List<Need> allNeeds = needs.all();
        var columns = new HashMap<CatalogueColumn, Integer>();
        var needColumns = new LinkedHashMap<Integer, Need>();
        for (int c = 0; c < file.headers().size(); c++) {
            String h = file.headers().get(c);
            if (h.isBlank()) {
                continue;
            }
            var fixed = CatalogueColumn.byHeader(h);
            if (fixed.isPresent()) {
                if (columns.putIfAbsent(fixed.get(), c) != null) {
                    errors.add(new RowError(1, h, text(locale, "catalogue.import.duplicateColumn", h)));
                }
                continue;
            }
            String norm = TabularFile.normalisedHeader(h);
            Need need = allNeeds.stream().filter(n -> TabularFile.normalisedHeader(n.name()).equals(norm)).findFirst()
                    .orElse(null);
            if (need == null) {
                errors.add(new RowError(1, h, text(locale, "catalogue.import.unknownColumn", h)));
            } else {
                needColumns.put(c, need);
            }
        }
        for (CatalogueColumn c : CatalogueColumn.values()) {
            if (c.required && !columns.containsKey(c)) {
                errors.add(new RowError(1, c.header, text(locale, "catalogue.import.missingColumn", c.header)));
            }
        }
        if (file.rows().isEmpty()) {
            errors.add(new RowError(0, "", text(locale, "catalogue.import.noRows")));
        }
        if (!errors.isEmpty()) {
            plan.preview = CatalogueImportPreview.failed(id, fileName, file.rows().size(), errors);
            return plan;
        }

        var existing = interventions.allNotRetired();
        var byId = new HashMap<Long, Intervention>();
        var byName = new HashMap<String, Intervention>();
        for (Intervention i : existing) {
            byId.put(i.id(), i);
            byName.putIfAbsent(key(i.providerName()) + "\n" + key(i.name()), i);
        }
        var providersByName = new HashMap<String, Provider>();
        providers.all().forEach(p -> providersByName.put(key(p.name()), p));
        var seen = new HashMap<String, Integer>();
        var newProviders = new LinkedHashMap<String, PartyType>();
        var kinds = labels(InterventionKind.values(), "intervention.kind.");
        var parties = labels(PartyType.values(), "partyType.");
        var eligibilities = labels(Eligibility.values(), "intervention.eligibility.");

        for (TabularFile.Row fr : file.rows()) {
            var cells = new Cells(fr, columns, errors, locale);
            var r = new Row();
            r.number = fr.number();
            String idText = cells.get(CatalogueColumn.ID);
            r.providerName = cells.required(CatalogueColumn.PROVIDER);
            String name = cells.required(CatalogueColumn.NAME);
            cells.maxLength(CatalogueColumn.NAME, name, 200);
            cells.maxLength(CatalogueColumn.PROVIDER, r.providerName, 200);
            String partyText = cells.get(CatalogueColumn.PARTY);
            r.party = partyText == null ? null : cells.choice(CatalogueColumn.PARTY, partyText, parties);
            InterventionKind kind = cells.choice(CatalogueColumn.KIND, cells.required(CatalogueColumn.KIND), kinds);
            Integer ageMin = cells.number(CatalogueColumn.AGE_MIN, true, 0, 120);
            Integer ageMax = cells.number(CatalogueColumn.AGE_MAX, true, 0, 120);
            if (ageMin != null && ageMax != null && ageMin > ageMax) {
                cells.error(CatalogueColumn.AGE_MIN, "catalogue.import.ageOrder", ageMin, ageMax);
            }
            var needIds = new ArrayList<Long>();
            for (var e : needColumns.entrySet()) {
                String v = fr.value(e.getKey()).strip();
                if (v.isEmpty()) {
                    continue;
                }
                if (isMark(v)) {
                    needIds.add(e.getValue().id());
                } else {
                    errors.add(new RowError(r.number, file.headers().get(e.getKey()),
                            text(locale, "catalogue.import.mark", v)));
                }
            }
            var eligibility = new ArrayList<Eligibility>();
            String elig = cells.get(CatalogueColumn.ELIGIBILITY);
            if (elig != null) {
                for (String part : elig.split(";")) {
                    if (!part.isBlank()) {
                        Eligibility e = cells.choice(CatalogueColumn.ELIGIBILITY, part.strip(), eligibilities);
                        if (e != null) {
                            eligibility.add(e);
                        }
                    }
                }
            }
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
            LocalDate validFrom = cells.date(CatalogueColumn.VALID_FROM);
            LocalDate validTo = cells.date(CatalogueColumn.VALID_TO);
            if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
                cells.error(CatalogueColumn.VALID_TO, "intervention.validOrder");
            }
            String contact = cells.get(CatalogueColumn.CONTACT);
            cells.maxLength(CatalogueColumn.CONTACT, contact, 200);
            String phone = cells.get(CatalogueColumn.PHONE);
            if (phone != null && !CatalogueService.PHONE.matcher(phone).matches()) {
                cells.error(CatalogueColumn.PHONE, "validation.phone");
            }
            String email = cells.get(CatalogueColumn.EMAIL);
            if (email != null && !CatalogueService.EMAIL.matcher(email).matches()) {
                cells.error(CatalogueColumn.EMAIL, "validation.email");
            }
            String description = cells.get(CatalogueColumn.DESCRIPTION);
            cells.maxLength(CatalogueColumn.DESCRIPTION, description, 4000);

            // which intervention the row is
            if (idText != null) {
                Long iid = idText.matches("[0-9]{1,18}") ? Long.valueOf(idText) : null;
                r.before = iid == null ? null : byId.get(iid);
                if (r.before == null) {
                    cells.error(CatalogueColumn.ID, "catalogue.import.unknownId", idText);
                }
            } else if (r.providerName != null && name != null) {
                r.before = byName.get(key(r.providerName) + "\n" + key(name));
            }
            String identity = r.before != null ? "id " + r.before.id()
                    : key(r.providerName) + "\n" + key(name);
            Integer first = seen.putIfAbsent(identity, r.number);
            if (first != null) {
                cells.error(idText != null ? CatalogueColumn.ID : CatalogueColumn.NAME, "catalogue.import.duplicateRow",
                        first);
            }
            if (r.providerName != null) {
                Provider p = providersByName.get(key(r.providerName));
                if (p != null) {
                    r.providerId = p.id();
                } else if (r.party == null && partyText == null) {
                    cells.error(CatalogueColumn.PARTY, "catalogue.import.partyForNewProvider", r.providerName);
                } else if (r.party != null) {
                    newProviders.putIfAbsent(key(r.providerName), r.party);
                }
                ProviderFacts facts = plan.providers.computeIfAbsent(key(r.providerName), k -> new ProviderFacts(p));
                if (p != null && p.organisationId() != null && r.party != null && r.party != p.partyType()) {
                    // an organisation's provider has the organisation's party, which the catalogue cannot change
                    cells.error(CatalogueColumn.PARTY, "catalogue.import.partyOfOrganisation", r.providerName,
                            text(locale, "partyType." + p.partyType().name()));
                } else {
                    agree(cells, facts, CatalogueColumn.PARTY, r.party == null ? null : r.party.name(), r);
                }
                agree(cells, facts, CatalogueColumn.CONTACT, contact, r);
                agree(cells, facts, CatalogueColumn.PHONE, phone, r);
                agree(cells, facts, CatalogueColumn.EMAIL, email, r);
            }
            if (cells.failed) {
                continue;
            }
            Intervention b = r.before;
            Long programmeId = b == null ? null : b.programmeId();
            r.values = new InterventionValues(r.providerId == null ? 0 : r.providerId, programmeId, name,
                    description == null ? "" : description, kind, cells.get(CatalogueColumn.TARGET_GROUP), ageMin,
                    ageMax, needIds, eligibility, method, duration, capacity, programmeId == null ? occupancy : null,
                    waiting, cells.get(CatalogueColumn.COST), cells.get(CatalogueColumn.FINANCING), kaa,
                    municipalities, validFrom, validTo, false, b == null ? null : b.reviewedOn());
            plan.rows.add(r);
        }
        var added = new ArrayList<Entry>();
        var changed = new ArrayList<Entry>();
        int unchanged = 0;
        var digest = new StringBuilder();
        for (Row r : plan.rows) {
            if (r.before == null) {
                added.add(new Entry(r.number, r.providerName, r.values.name(), List.of()));
                digest.append("new ").append(r.values.content()).append('\n');
            } else if (r.unchanged()) {
                unchanged++;
            } else {
                var fields = r.values.changedSince(InterventionValues.of(r.before)).stream()
                        .map(f -> text(locale, "intervention.field." + f)).toList();
                changed.add(new Entry(r.number, r.providerName, r.values.name(), fields));
                digest.append(r.before.id()).append('@').append(r.before.version()).append(' ')
                        .append(r.values.content()).append('\n');
            }
        }
        var changedProviders = new ArrayList<CatalogueImportPreview.ProviderChange>();
        for (ProviderFacts f : plan.providers.values()) {
            Provider b = f.existing;
            if (b == null) {
                continue;
            }
            var after = new Provider(b.id(), b.organisationId(), b.unitId(), b.name(),
                    b.organisationId() == null && f.party() != null ? f.party() : b.partyType(),
                    or(f.value(CatalogueColumn.CONTACT), b.contactName()), or(f.value(CatalogueColumn.PHONE), b.phone()),
                    or(f.value(CatalogueColumn.EMAIL), b.email()), b.address(), b.openingHours(), b.version());
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
                plan.providerUpdates.add(new ProviderUpdate(b, after, fields));
                int row = f.rows.values().stream().min(Integer::compare).orElse(0);
                changedProviders.add(new CatalogueImportPreview.ProviderChange(row, b.name(),
                        fields.stream().map(x -> text(locale, "provider.field." + x)).toList()));
                digest.append("provider ").append(b.id()).append('@').append(b.version()).append(' ').append(after)
                        .append('\n');
            }
        }
        var named = new HashSet<Long>();
        plan.rows.stream().filter(r -> r.before != null).forEach(r -> named.add(r.before.id()));
        existing.stream().filter(i -> !named.contains(i.id()))
                .sorted(Comparator.comparing((Intervention i) -> key(i.providerName())).thenComparing(i -> key(i.name())))
                .forEach(plan.missing::add);
        if (!errors.isEmpty()) {
            plan.rows.clear();
            plan.providerUpdates.clear();
            plan.missing.clear();
            changedProviders.clear();
        }
        plan.preview = new CatalogueImportPreview(id, fileName, file.rows().size(), List.copyOf(errors), added, changed,
                unchanged, newProviders.keySet().stream().map(k -> plan.rows.stream()
                        .filter(r -> key(r.providerName).equals(k)).map(r -> r.providerName).findFirst().orElse(k))
                        .toList(), changedProviders,
                plan.missing.stream().map(i -> new CatalogueImportPreview.Missing(i.id(), i.providerName(), i.name()))
                        .toList(),
                errors.isEmpty() ? sha256(digest.toString()) : "", errors.isEmpty() ? sha256(plan.missing.stream()
                        .map(i -> i.id() + "@" + i.version()).collect(Collectors.joining("\n"))) : "");
        return plan;
    }

    /**
     * Adds {@code value} (null: the cell was empty and says nothing) to what the file says about the row's provider,
     * or, when an earlier row of the provider gave another value, an error naming that row.
     */
    private void agree(Cells cells, ProviderFacts facts, CatalogueColumn column, String value, Row r) {
        if (value == null) {
            return;
        }
        String earlier = facts.values.putIfAbsent(column, value);
        if (earlier == null) {
            facts.rows.put(column, r.number);
        } else if (!earlier.equals(value)) {
            cells.error(column, "catalogue.import.providerDisagrees", column.header, r.providerName,
                    facts.rows.get(column));
        }
    }

    private static String or(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    /** The values of one row by column, collecting each wrong value as an error with row and column. */
    private final class Cells {
        private final TabularFile.Row row;
        private final Map<CatalogueColumn, Integer> columns;
        private final List<RowError> errors;
        private final Locale locale;
        boolean failed;

        Cells(TabularFile.Row row, Map<CatalogueColumn, Integer> columns, List<RowError> errors, Locale locale) {
            this.row = row;
            this.columns = columns;
            this.errors = errors;
            this.locale = locale;
        }

        String get(CatalogueColumn c) {
            Integer i = columns.get(c);
            String v = i == null ? "" : row.value(i).strip();
            return v.isEmpty() ? null : v;
        }

        String required(CatalogueColumn c) {
            String v = get(c);
            if (v == null) {
                error(c, "catalogue.import.required", c.header);
            }
            return v;
        }

        void error(CatalogueColumn c, String key, Object... args) {
            errors.add(new RowError(row.number(), c.header, text(locale, key, args)));
            failed = true;
        }

        void maxLength(CatalogueColumn c, String v, int max) {
            if (v != null && v.length() > max) {
                error(c, "catalogue.import.tooLong", c.header, max);
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
                error(c, "catalogue.import.wholeNumber", c.header, v);
                return null;
            }
            if (n < min || n > max) {
                error(c, "catalogue.import.between", c.header, min, max, n);
                return null;
            }
            return n;
        }

        LocalDate date(CatalogueColumn c) {
            String v = get(c);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                error(c, "catalogue.import.date", c.header, v);
                return null;
            }
        }

        <E> E choice(CatalogueColumn c, String v, Map<String, E> options) {
            if (v == null) {
                return null;
            }
            E e = options.get(key(v));
            if (e == null) {
                error(c, "catalogue.import.unknownChoice", c.header, v);
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
            return reference.municipality(text).map(Municipality::code).orElse(null);
        }
        String k = key(text);
        return reference.municipalities().stream()
                .filter(m -> key(m.name()).equals(k) || key(m.shortName()).equals(k)).map(Municipality::code)
                .findFirst().orElse(null);
    }

    private static boolean isMark(String v) {
        return List.of("x", "ja", "yes", "1").contains(v.strip().toLowerCase(Locale.ROOT));
    }

    private static String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
