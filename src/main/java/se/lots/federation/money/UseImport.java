package se.lots.federation.money;

import static se.lots.federation.money.UseColumn.AR;
import static se.lots.federation.money.UseColumn.DIARIENUMMER;
import static se.lots.federation.money.UseColumn.FORBRUKAT;
import static se.lots.federation.money.UseColumn.INSATS;
import static se.lots.federation.money.UseColumn.KVARTAL;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.federation.money.MoneyEntries.Programme;
import se.lots.federation.money.ProgrammeMoney.QuarterUse;
import se.lots.shared.ConflictException;
import se.lots.shared.InvalidInputException;
import se.lots.shared.imports.Cells;
import se.lots.shared.imports.ImportColumns;
import se.lots.shared.imports.ImportColumns.ErrorNames;
import se.lots.shared.imports.ImportFile;
import se.lots.shared.imports.ImportKind;
import se.lots.shared.imports.KeptFile;
import se.lots.shared.imports.Progress;
import se.lots.shared.imports.Refusals;
import se.lots.shared.imports.RowErrors;
import se.lots.shared.imports.Texts;

/**
 * The programmes' use per quarter from a file (xlsx or CSV: diarienummer or programme name, år, kvartal, förbrukat),
 * through the shared import pipeline: every row checked (a wrong value names its row and column), compared with the
 * quarters stored (new, corrected, unchanged), and written all or nothing. A quarter already entered is corrected;
 * the same file twice changes nothing the second time. The decision {@code Boolean} is the confirmation that a
 * programme's use may exceed its grant.
 */
@Component
class UseImport implements ImportKind<MoneyImporter, UseChanges, Boolean> {

    static final Refusals REFUSALS = new Refusals("federation money import", "federation.money.import.stale",
            "federation.money.import.decided");

    private final MoneyEntries entries;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ImportColumns<UseColumn> columns;

    UseImport(MoneyEntries entries, AuditLog audit, MessageSource messages, Clock clock) {
        this.entries = entries;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.columns = new ImportColumns<>(UseColumn.class, "federation.money.import.header", messages,
                ErrorNames.AS_IN_FILE);
    }

    ImportColumns<UseColumn> columns() {
        return columns;
    }

    /** One checked row: the programme found, the year, the quarter and the amount. */
    private record Checked(int row, Programme programme, int year, int quarter, BigDecimal amount) {

        String key() {
            return programme.id() + "|" + year + "|" + quarter;
        }
    }

    @Override
    public UseChanges changes(MoneyImporter who, KeptFile kept, Locale locale, Progress progress) {
        var texts = new Texts(messages, locale);
        var file = ImportFile.read(kept, columns, new RowErrors(texts));
        file.refuseColumnsNamedTwice("kaa.import.duplicateColumn");
        var missing = new ArrayList<>(file.missingHeaders());
        if (!file.has(DIARIENUMMER) && !file.has(INSATS)) {
            missing.add(texts.get("federation.money.import.programmeColumns"));
        }
        var byCase = new HashMap<String, Programme>();
        var byName = new HashMap<String, List<Programme>>();
        for (Programme p : entries.programmes(who.federationId())) {
            if (p.caseNumber() != null) {
                byCase.put(key(p.caseNumber()), p);
            }
            byName.computeIfAbsent(key(p.name()), k -> new ArrayList<>()).add(p);
        }
        int lastYear = LocalDate.now(clock).getYear() + MoneyService.YEARS_AHEAD;
        List<Checked> checked = missing.isEmpty() ? file.checkRows(c -> check(c, byCase, byName, lastYear),
                Checked::key, KVARTAL, "federation.money.import.duplicateRow", progress) : List.of();
        var changes = new UseChanges();
        compare(checked, changes);
        changes.preview = new UsePreview(kept.id(), kept.fileName(), file.encoding(), file.rowCount(),
                file.unknownColumns("kaa.import.unknownColumn"), missing, file.errors().byRow(e -> e),
                changes.added, changes.changed, changes.unchanged, changes.aboveGrant,
                changes.digest.value());
        return changes;
    }

    private Checked check(Cells<UseColumn> cells, Map<String, Programme> byCase, Map<String, List<Programme>> byName,
            int lastYear) {
        Programme programme = programme(cells, byCase, byName);
        Integer year = null;
        String yearText = cells.text(AR);
        if (yearText == null) {
            cells.error(AR, "validation.required");
        } else if (yearText.matches("[0-9]{4}") && Integer.parseInt(yearText) >= MoneyService.FIRST_YEAR
                && Integer.parseInt(yearText) <= lastYear) {
            year = Integer.parseInt(yearText);
        } else {
            cells.error(AR, "federation.money.year.unreasonable", String.valueOf(MoneyService.FIRST_YEAR),
                    String.valueOf(lastYear));
        }
        Integer quarter = null;
        String quarterText = cells.text(KVARTAL);
        if (quarterText == null) {
            cells.error(KVARTAL, "validation.required");
        } else if (quarterText.toUpperCase(Locale.ROOT).matches("[QK]?[1-4]")) {
            quarter = Integer.parseInt(quarterText.substring(quarterText.length() - 1));
        } else {
            cells.error(KVARTAL, "federation.money.quarter.range");
        }
        BigDecimal amount = null;
        String amountText = cells.text(FORBRUKAT);
        if (amountText == null) {
            cells.error(FORBRUKAT, "validation.required");
        } else {
            Amounts.Parsed parsed = Amounts.parse(amountText);
            if (parsed.errorKey() != null) {
                cells.error(FORBRUKAT, parsed.errorKey(), parsed.arguments());
            }
            amount = parsed.amount();
        }
        if (cells.failed()) {
            return null;
        }
        return new Checked(cells.row(), programme, year, quarter, amount);
    }

    /** The förbund's programme the row names: by diarienummer where the row has one, else by name. */
    private static Programme programme(Cells<UseColumn> cells, Map<String, Programme> byCase,
            Map<String, List<Programme>> byName) {
        String caseNumber = cells.text(DIARIENUMMER);
        if (caseNumber != null) {
            Programme p = byCase.get(key(caseNumber));
            if (p == null) {
                cells.error(DIARIENUMMER, "federation.money.import.unknownCase", caseNumber);
            }
            return p;
        }
        String name = cells.text(INSATS);
        if (name == null) {
            cells.error(INSATS, "federation.money.import.programmeRequired");
            return null;
        }
        List<Programme> found = byName.getOrDefault(key(name), List.of());
        if (found.size() != 1) {
            cells.error(INSATS, found.isEmpty() ? "federation.money.import.unknownProgramme"
                    : "federation.money.import.ambiguousProgramme", name);
            return null;
        }
        return found.get(0);
    }

    /** New, corrected or unchanged, against the quarters stored; and the years that would exceed their grant. */
    private void compare(List<Checked> checked, UseChanges changes) {
        var storedOf = new HashMap<Long, List<QuarterUse>>();
        var afterOf = new LinkedHashMap<String, BigDecimal[]>();
        for (Checked c : checked) {
            List<QuarterUse> stored = storedOf.computeIfAbsent(c.programme().id(), entries::uses);
            QuarterUse before = stored.stream().filter(u -> u.year() == c.year() && u.quarter() == c.quarter())
                    .findFirst().orElse(null);
            var entry = new UsePreview.UseEntry(c.row(), c.programme().id(), c.programme().name(), c.year(),
                    c.quarter(), before == null ? null : before.amount(), c.amount());
            if (before == null) {
                changes.added.add(entry);
            } else if (before.amount().compareTo(c.amount()) == 0) {
                changes.unchanged++;
                continue;
            } else {
                changes.changed.add(entry);
            }
            changes.writes.add(new UseChanges.Write(c.programme().id(), c.year(), c.quarter(), c.amount(),
                    before == null ? null : before.version()));
            changes.digest.add(c.programme().id() + " " + c.year() + "Q" + c.quarter() + " "
                    + (before == null ? "new" : "@" + before.version()) + " " + c.amount().toPlainString());
            String year = c.programme().id() + "|" + c.year();
            BigDecimal[] sums = afterOf.computeIfAbsent(year, k -> new BigDecimal[] { BigDecimal.ZERO });
            sums[0] = sums[0].add(c.amount()).subtract(before == null ? BigDecimal.ZERO : before.amount());
        }
        for (var e : afterOf.entrySet()) {
            String[] parts = e.getKey().split("\\|");
            long programmeId = Long.parseLong(parts[0]);
            int year = Integer.parseInt(parts[1]);
            BigDecimal used = storedOf.get(programmeId).stream().filter(u -> u.year() == year)
                    .map(QuarterUse::amount).reduce(BigDecimal.ZERO, BigDecimal::add).add(e.getValue()[0]);
            BigDecimal granted = entries.granted(programmeId, year);
            if (used.compareTo(granted) > 0) {
                String name = checked.stream().filter(c -> c.programme().id() == programmeId).findFirst()
                        .orElseThrow().programme().name();
                changes.aboveGrant.add(new UsePreview.AboveGrant(programmeId, name, year, used, granted));
            }
        }
    }

    @Override
    public RuntimeException refusal(UUID importId, UseChanges changes) {
        return new InvalidInputException("file", "kaa.import.hasErrors");
    }

    @Override
    public void apply(MoneyImporter who, KeptFile file, UseChanges changes, Boolean confirmAboveGrant,
            Progress progress) {
        if (!changes.aboveGrant.isEmpty() && !Boolean.TRUE.equals(confirmAboveGrant)) {
            throw new InvalidInputException("confirmAboveGrant", "federation.money.import.aboveGrant",
                    changes.aboveGrant.size());
        }
        for (UseChanges.Write w : changes.writes) {
            if (!entries.saveUse(w.programmeId(), w.year(), w.quarter(), w.amount(), file.id(), who.userId(),
                    w.version())) {
                throw new ConflictException("federation.money.import.stale", file.id());
            }
        }
        audit.record(who.actor(), null, AuditAction.UPDATE, AccessBasis.OWN_ORGANISATION,
                "ekonomi förbrukat inläst: " + file.fileName() + ", " + changes.writes.size() + " kvartal");
    }

    private static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
