package se.lots.federation.money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.federation.money.FederationYear.Area;
import se.lots.federation.money.MoneyEntries.Programme;
import se.lots.organisation.Role;
import se.lots.security.Actor;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.NotFoundException;
import se.lots.shared.Validation;
import se.lots.shared.imports.ImportColumns;
import se.lots.shared.imports.ImportPipeline;
import se.lots.shared.imports.Progress;

/**
 * The förbund's money. The förbund officer (of the förbund that funds the programme) enters and imports everything:
 * budget lines, payments, use per quarter, returns and the förbund's annual budget; the programme lead of the owner
 * organisation sees the programme's money page and enters its use. Everybody else is refused (403). A use that makes
 * the year's use exceed the grant is saved only when the user confirms it. Grants are not entered here: they are
 * booked from the board's decisions ({@link GrantBooking}).
 */
@Service
public class MoneyService {

    /** How far ahead a budget year may be. */
    static final int YEARS_AHEAD = 10;
    static final int FIRST_YEAR = 2000;

    /** A budget line: the year, one of the programme's funders by id or a funder by name, the amount. */
    public record BudgetLineInput(String year, String funderId, String funderName, String amount) {
    }

    public record PaymentInput(String paidOn, String amount, String note) {
    }

    /**
     * What the programme used in a quarter; entered again it corrects the quarter ({@code version}: the figure as it
     * was shown, null to take it as it is). {@code confirmAboveGrant}: the user saw that the year's use then exceeds
     * the grant.
     */
    public record UseInput(String year, String quarter, String amount, Boolean confirmAboveGrant, Integer version) {
    }

    public record ReturnInput(String returnedOn, String amount, String reason) {
    }

    /** The förbund's budget for a year; {@code version} as shown, null for a year without one. */
    public record AnnualBudgetInput(String year, String total, List<AreaInput> areas, Integer version) {
    }

    public record AreaInput(String area, String amount) {
    }

    private final MoneyEntries entries;
    private final AuditLog audit;
    private final Clock clock;
    private final UseImport useImport;
    private final ImportPipeline<MoneyImporter, UseChanges, Boolean> pipeline;
    private final MoneyImports imports;

    MoneyService(MoneyEntries entries, AuditLog audit, Clock clock, UseImport useImport, MoneyImports imports) {
        this.entries = entries;
        this.audit = audit;
        this.clock = clock;
        this.useImport = useImport;
        this.imports = imports;
        this.pipeline = new ImportPipeline<>(useImport, imports, "forbrukat.xlsx", UseImport.REFUSALS);
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** This year, by the clock: the pages' default. */
    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    /** The förbund's year: its annual budget against what is decided, each programme's line, structural grants. */
    @Transactional(readOnly = true)
    public FederationYear year(Actor actor, int year) {
        long federation = federationOf(actor);
        requireYear(year);
        return FederationYear.of(federation, entries.federationName(federation).orElseThrow(), year,
                entries.annualBudget(federation, year).orElse(null), entries.decided(federation, year),
                entries.lines(federation, year), entries.structural(federation, year));
    }

    /** A programme's money page for a year: to its förbund's officer and to the owner organisation's lead. */
    @Transactional(readOnly = true)
    public ProgrammeMoney programme(Actor actor, long programmeId, int year) {
        Programme p = programmeFor(actor, programmeId, true);
        requireYear(year);
        return new ProgrammeMoney(entries.line(programmeId, year), isOfficerOf(actor, p), entries.funders(programmeId),
                entries.budget(programmeId), entries.grants(programmeId), entries.payments(programmeId),
                entries.uses(programmeId), entries.returns(programmeId));
    }

    // ---- the officer's entries ------------------------------------------------------------------------------

    @Transactional
    public long addBudgetLine(Actor actor, long programmeId, BudgetLineInput input) {
        Programme p = programmeFor(actor, programmeId, false);
        var v = new Validation();
        Integer year = year(v, "year", input.year());
        Long funderId = null;
        String funderName = input.funderName() == null || input.funderName().isBlank() ? null
                : input.funderName().strip();
        if (input.funderId() != null && !input.funderId().isBlank()) {
            funderId = entries.funders(programmeId).stream()
                    .filter(f -> String.valueOf(f.id()).equals(input.funderId().strip())).map(f -> f.id())
                    .findFirst().orElse(null);
            if (funderId == null) {
                v.reject("funderId", "validation.invalidValue");
            } else {
                funderName = null;
            }
        } else if (funderName == null) {
            v.reject("funderId", "federation.money.budget.funderRequired");
        }
        v.maxLength("funderName", funderName, 200);
        BigDecimal amount = Amounts.parse(v, "amount", input.amount(), true);
        v.throwIfInvalid();
        if (entries.hasBudgetLine(programmeId, year, funderId, funderName)) {
            throw new InvalidInputException("funderId", "federation.money.budget.duplicate", year);
        }
        long id = entries.insertBudgetLine(programmeId, year, funderId, funderName, amount, actor.userId());
        record(actor, AuditAction.CREATE, p, "budgetrad " + id + " år " + year + ": " + amount);
        return id;
    }

    @Transactional
    public void removeBudgetLine(Actor actor, long programmeId, long lineId) {
        Programme p = programmeFor(actor, programmeId, false);
        if (!entries.deleteBudgetLine(programmeId, lineId)) {
            throw new NotFoundException("budget line " + lineId);
        }
        record(actor, AuditAction.DELETE, p, "budgetrad " + lineId);
    }

    @Transactional
    public long addPayment(Actor actor, long programmeId, PaymentInput input) {
        Programme p = programmeFor(actor, programmeId, false);
        var v = new Validation();
        DatedAmount d = datedAmount(v, "paidOn", input.paidOn(), input.amount());
        String note = blankToNull(input.note());
        v.maxLength("note", note, 500).throwIfInvalid();
        long id = entries.insertPayment(programmeId, d.on(), d.amount(), note, actor.userId());
        record(actor, AuditAction.CREATE, p, "utbetalning " + id + " " + d.on() + ": " + d.amount());
        return id;
    }

    @Transactional
    public long addReturn(Actor actor, long programmeId, ReturnInput input) {
        Programme p = programmeFor(actor, programmeId, false);
        var v = new Validation();
        DatedAmount d = datedAmount(v, "returnedOn", input.returnedOn(), input.amount());
        String reason = blankToNull(input.reason());
        v.require("reason", reason).maxLength("reason", reason, 500).throwIfInvalid();
        long id = entries.insertReturn(programmeId, d.on(), d.amount(), reason, actor.userId());
        record(actor, AuditAction.CREATE, p, "återföring " + id + " " + d.on() + ": " + d.amount());
        return id;
    }

    private record DatedAmount(LocalDate on, BigDecimal amount) {
    }

    /** Money that moved on a day: the day not in the future and in a year Lots knows, more than 0 kr. */
    private DatedAmount datedAmount(Validation v, String dateField, String date, String amount) {
        LocalDate on = v.date(dateField, date, true, LocalDate.now(clock));
        if (on != null && !v.hasErrors(dateField)) {
            year(v, dateField, String.valueOf(on.getYear()));
        }
        return new DatedAmount(on, positive(v, "amount", amount));
    }

    /**
     * The use of a quarter, by the officer or the programme's lead; a quarter entered before is corrected. Refused on
     * {@code confirmAboveGrant} when the year's use would then exceed the year's grant and the user did not confirm
     * it; a {@link ConflictException} when the quarter changed since {@code version}.
     */
    @Transactional
    public ProgrammeLine enterUse(Actor actor, long programmeId, UseInput input) {
        Programme p = programmeFor(actor, programmeId, true);
        var v = new Validation();
        Integer year = year(v, "year", input.year());
        Integer quarter = quarter(v, input.quarter());
        BigDecimal amount = Amounts.parse(v, "amount", input.amount(), true);
        v.throwIfInvalid();
        var existing = entries.use(programmeId, year, quarter);
        if (existing.isPresent() && input.version() != null && existing.get().version() != input.version()) {
            throw new ConflictException("federation.money.use.changed", programmeId, existing.get());
        }
        BigDecimal total = entries.usedExcept(programmeId, year, quarter).add(amount);
        BigDecimal granted = entries.granted(programmeId, year);
        if (total.compareTo(granted) > 0 && !Boolean.TRUE.equals(input.confirmAboveGrant())) {
            throw new InvalidInputException("confirmAboveGrant", "federation.money.use.aboveGrant",
                    Amounts.format(total), Amounts.format(granted), String.valueOf(year));
        }
        if (!entries.saveUse(programmeId, year, quarter, amount, null, actor.userId(),
                existing.map(ProgrammeMoney.QuarterUse::version).orElse(null))) {
            throw new ConflictException("federation.money.use.changed", programmeId);
        }
        record(actor, existing.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, p,
                "förbrukat " + year + " kvartal " + quarter + ": " + amount);
        return entries.line(programmeId, year);
    }

    /**
     * Sets the förbund's budget for a year: the total and the areas (blank rows are skipped), which together may not
     * exceed the total. A {@link ConflictException} when another officer saved the year's budget since {@code version}.
     */
    @Transactional
    public void setAnnualBudget(Actor actor, AnnualBudgetInput input) {
        long federation = federationOf(actor);
        var v = new Validation();
        Integer year = year(v, "year", input.year());
        BigDecimal total = Amounts.parse(v, "total", input.total(), true);
        var areas = new ArrayList<Area>();
        var names = new ArrayList<String>();
        List<AreaInput> given = input.areas() == null ? List.of() : input.areas();
        for (int i = 0; i < given.size(); i++) {
            AreaInput a = given.get(i);
            String name = a == null ? null : blankToNull(a.area());
            String amountText = a == null ? null : blankToNull(a.amount());
            if (name == null && amountText == null) {
                continue;
            }
            String field = "areas[" + i + "]";
            v.require(field + ".area", name).maxLength(field + ".area", name, 200);
            BigDecimal amount = Amounts.parse(v, field + ".amount", amountText, true);
            if (name != null && names.contains(name.toLowerCase(Locale.ROOT))) {
                v.reject(field + ".area", "federation.money.annual.areaTwice", name);
            }
            if (name != null) {
                names.add(name.toLowerCase(Locale.ROOT));
            }
            if (name != null && amount != null) {
                areas.add(new Area(name, amount));
            }
        }
        BigDecimal sum = areas.stream().map(Area::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total != null && sum.compareTo(total) > 0) {
            v.reject("total", "federation.money.annual.areasExceedTotal", Amounts.format(sum), Amounts.format(total));
        }
        v.throwIfInvalid();
        boolean exists = entries.annualBudget(federation, year).isPresent();
        if (exists && input.version() == null) {
            throw new ConflictException("federation.money.annual.changed", year);
        }
        if (!entries.saveAnnualBudget(federation, year, total, areas, exists ? input.version() : null,
                actor.userId())) {
            throw new ConflictException("federation.money.annual.changed", year);
        }
        audit.record(actor, null, exists ? AuditAction.UPDATE : AuditAction.CREATE, AccessBasis.OWN_ORGANISATION,
                "förbundets budget " + year + ": " + total);
    }

    // ---- the import of use ----------------------------------------------------------------------------------

    /** The columns of the use file, as the import page documents them. */
    public List<ImportColumns.Described> importColumns() {
        return useImport.columns().described();
    }

    /** Keeps the file and shows what it would write; saves nothing else. The förbund officer only. */
    @Transactional
    public UsePreview uploadUse(Actor actor, String fileName, byte[] content, Locale locale) {
        return pipeline.upload(importer(actor), fileName, content, locale, Progress.NONE).preview();
    }

    @Transactional
    public UsePreview previewUse(Actor actor, UUID importId, Locale locale) {
        return pipeline.preview(importer(actor), importId, locale).preview();
    }

    /**
     * Writes every row of the file, or none: refused when it has errors, when anything changed since the preview, or
     * (on {@code confirmAboveGrant}) when a programme's use would exceed its grant and the user did not confirm it.
     */
    @Transactional
    public UsePreview confirmUse(Actor actor, UUID importId, String digest, boolean confirmAboveGrant, Locale locale) {
        return pipeline.confirm(importer(actor), importId, digest, confirmAboveGrant, locale, Progress.NONE)
                .preview();
    }

    @Transactional
    public void discardUse(Actor actor, UUID importId) {
        pipeline.discard(importer(actor), importId);
    }

    @Transactional(readOnly = true)
    public List<MoneyImports.UseImportRecord> recentImports(Actor actor) {
        return imports.recent(federationOf(actor), 20);
    }

    private MoneyImporter importer(Actor actor) {
        return new MoneyImporter(actor, federationOf(actor));
    }

    // ---- access and values ----------------------------------------------------------------------------------

    /** The förbund the actor is an officer of; 403 for anyone else. */
    long federationOf(Actor actor) {
        if (actor.role() != Role.FEDERATION_OFFICER
                || entries.federationName(actor.organisationId().value()).isEmpty()) {
            throw new AccessDeniedException("the förbund's money is its officers'");
        }
        return actor.organisationId().value();
    }

    /** The programme, if the actor may see it ({@code leadToo}: the owner's programme lead too) — else 403. */
    private Programme programmeFor(Actor actor, long programmeId, boolean leadToo) {
        Programme p = entries.programme(programmeId).orElseThrow(() -> new NotFoundException("programme"));
        boolean lead = leadToo && actor.role() == Role.PROGRAMME_LEAD && actor.organisationId().value() == p.ownerId();
        if (!isOfficerOf(actor, p) && !lead) {
            throw new AccessDeniedException("another förbund's or organisation's programme");
        }
        return p;
    }

    private static boolean isOfficerOf(Actor actor, Programme p) {
        return actor.role() == Role.FEDERATION_OFFICER && actor.organisationId().value() == p.federationId();
    }

    /** A year the förbund can budget: from 2000 up to ten years ahead. */
    private Integer year(Validation v, String field, String text) {
        int last = currentYear() + YEARS_AHEAD;
        if (text == null || text.isBlank()) {
            v.reject(field, "validation.required");
            return null;
        }
        try {
            int year = Integer.parseInt(text.strip());
            if (year >= FIRST_YEAR && year <= last) {
                return year;
            }
        } catch (NumberFormatException e) {
            // the same message as a year out of range
        }
        v.reject(field, "federation.money.year.unreasonable", String.valueOf(FIRST_YEAR), String.valueOf(last));
        return null;
    }

    private void requireYear(int year) {
        var v = new Validation();
        year(v, "year", String.valueOf(year));
        v.throwIfInvalid();
    }

    private static Integer quarter(Validation v, String text) {
        if (text == null || text.isBlank()) {
            v.reject("quarter", "validation.required");
            return null;
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.matches("[QK]?[1-4]")) {
            return Integer.parseInt(s.substring(s.length() - 1));
        }
        v.reject("quarter", "federation.money.quarter.range");
        return null;
    }

    private static BigDecimal positive(Validation v, String field, String text) {
        BigDecimal amount = Amounts.parse(v, field, text, true);
        if (amount != null && amount.signum() == 0) {
            v.reject(field, "federation.money.amount.zero");
            return null;
        }
        return amount;
    }

    private void record(Actor actor, AuditAction action, Programme p, String what) {
        audit.record(actor, null, action, AccessBasis.OWN_ORGANISATION, "ekonomi insats " + p.id() + ": " + what);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
