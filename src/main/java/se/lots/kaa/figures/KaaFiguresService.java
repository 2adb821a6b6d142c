package se.lots.kaa.figures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.kaa.ExitReason;
import se.lots.kaa.measure.MeasureCategories;
import se.lots.kaa.measure.MeasureCategory;
import se.lots.kaa.register.KaaAccess;
import se.lots.kaa.register.KaaStatus;
import se.lots.kaa.register.RegistrationReason;
import se.lots.organisation.Organisation;
import se.lots.organisation.Organisations;
import se.lots.organisation.Role;
import se.lots.registry.Gender;
import se.lots.security.Actor;
import se.lots.shared.SmallCountSuppression;
import se.lots.shared.SmallCountSuppression.Cell;
import se.lots.shared.SmallCountSuppression.Mark;

/**
 * The half-year KAA figures a municipality reports (SCB collects them per half-year), the trend of "not known", and
 * the files that leave the KAA role: the xlsx (always with small counts suppressed) and the per-person file for SCB
 * (personal data: the coordinator only, each person audited as an export).
 */
@Service
public class KaaFiguresService {

    public static final int TREND_MONTHS = 24;

    private final HalfYearFigures figures;
    private final NotKnownTrend trend;
    private final MeasureCategories categories;
    private final Organisations organisations;
    private final ScbKaaExporter exporter;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    KaaFiguresService(HalfYearFigures figures, NotKnownTrend trend, MeasureCategories categories,
            Organisations organisations, ScbKaaExporter exporter, AuditLog audit, MessageSource messages,
            Clock clock) {
        this.figures = figures;
        this.trend = trend;
        this.categories = categories;
        this.organisations = organisations;
        this.exporter = exporter;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** One line of a table. */
    public record Row(String key, String label, Cell cell) {
    }

    public record Table(String id, String title, List<Row> rows, Cell total) {

        public Row row(String key) {
            return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        }
    }

    public record Figures(HalfYear half, boolean forReporting, Cell total, List<Table> tables) {

        public Table table(String id) {
            return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        }
    }

    /** {@code percent} is null when the share is not shown (no one open, or hidden with a small count). */
    public record TrendMonth(YearMonth month, Cell open, Cell notKnown, Integer percent) {
    }

    public record Trend(List<TrendMonth> months) {
    }

    public record Download(String fileName, String contentType, byte[] content) {
    }

    @Transactional(readOnly = true)
    public HalfYear currentHalf() {
        return HalfYear.containing(java.time.LocalDate.now(clock));
    }

    /** The figures; exact for the coordinator's own page, with small counts suppressed when meant for others. */
    @Transactional(readOnly = true)
    public Figures figures(Actor actor, HalfYear half, boolean forReporting, Locale locale) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var counts = figures.counts(org.id(), half);
        long total = count(counts, "TOTAL", "ALL");
        var tables = new ArrayList<Table>();
        tables.add(table(counts, "REASON", keys(RegistrationReason.values()), total,
                k -> text(locale, "kaa.reason." + k), forReporting, locale));
        var statusKeys = keys(KaaStatus.values());
        statusKeys.add("AVSLUTAD");
        tables.add(table(counts, "STATUS", statusKeys, total,
                k -> text(locale, k.equals("AVSLUTAD") ? "kaa.figures.closedInPeriod" : "kaa.status." + k),
                forReporting, locale));
        var ages = new TreeSet<String>(List.of("16", "17", "18", "19", "20"));
        ages.addAll(counts.getOrDefault("AGE", Map.of()).keySet());
        var ageKeys = new ArrayList<>(ages.stream().filter(a -> !a.equals("OKAND")).toList());
        if (ages.contains("OKAND")) {
            ageKeys.add("OKAND");
        }
        tables.add(table(counts, "AGE", ageKeys, total, k -> k.equals("OKAND") ? text(locale, "kaa.figures.ageUnknown")
                : messages.getMessage("kaa.figures.years", new Object[] { k }, locale), forReporting, locale));
        tables.add(table(counts, "GENDER", keys(Gender.values()), total, k -> text(locale, "gender." + k),
                forReporting, locale));
        var categoryList = categories.all();
        Function<String, String> categoryName = k -> categoryList.stream().filter(c -> c.code().equals(k))
                .map(MeasureCategory::name).findFirst().orElse(k);
        for (String measureTable : List.of("OFFERED", "UNDER_WAY")) {
            var keys = new LinkedHashSet<String>();
            categoryList.stream().filter(MeasureCategory::active).forEach(c -> keys.add(c.code()));
            counts.getOrDefault(measureTable, Map.of()).keySet().stream().filter(k -> !k.equals("ALL"))
                    .forEach(keys::add);
            tables.add(table(counts, measureTable, new ArrayList<>(keys), count(counts, measureTable, "ALL"),
                    categoryName, forReporting, locale));
        }
        long declinedTotal = count(counts, "DECLINED_FIRST", "JA") + count(counts, "DECLINED_FIRST", "NEJ");
        tables.add(table(counts, "DECLINED_FIRST", new ArrayList<>(List.of("JA", "NEJ")), declinedTotal,
                k -> text(locale, "kaa.figures.declined." + k), forReporting, locale));
        var exitKeys = new ArrayList<String>();
        exitKeys.add("KVAR");
        exitKeys.addAll(keys(ExitReason.values()));
        tables.add(table(counts, "EXIT", exitKeys, total,
                k -> text(locale, k.equals("KVAR") ? "kaa.figures.stillIn" : "kaa.exit." + k), forReporting, locale));
        if (forReporting) {
            // "closed in the period" (STATUS) is the total less "still in the register" (EXIT): hidden in one
            // table, the other would give it away, so each hides what the other hides
            hideTogether(tables, "STATUS", "AVSLUTAD", "EXIT", "KVAR");
        }
        Cell totalCell = forReporting ? SmallCountSuppression.apply(List.of(), total).total() : exact(total);
        // the person total is printed in several tables: hidden in one, it must be hidden in all
        var sharingTotal = List.of("REASON", "STATUS", "AGE", "GENDER", "EXIT");
        if (forReporting && !totalCell.hidden() && tables.stream()
                .anyMatch(t -> sharingTotal.contains(t.id()) && t.total().hidden())) {
            totalCell = new Cell(total, Mark.SECONDARY);
            for (int i = 0; i < tables.size(); i++) {
                Table t = tables.get(i);
                if (sharingTotal.contains(t.id())) {
                    tables.set(i, new Table(t.id(), t.title(), t.rows(), totalCell));
                }
            }
        }
        return new Figures(half, forReporting, totalCell, tables);
    }

    /** The share not known at each of the last months' ends, the newest last. */
    @Transactional(readOnly = true)
    public Trend trend(Actor actor, int months, boolean forReporting) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var raw = trend.months(org.id(), YearMonth.now(clock), months);
        var result = new ArrayList<TrendMonth>();
        for (int i = 0; i < raw.size(); i++) {
            var m = raw.get(i);
            Cell open;
            Cell notKnown;
            if (forReporting) {
                // not known + known = open: the same secondary rule as any table with a total
                var s = SmallCountSuppression.apply(List.of(m.notKnown(), m.open() - m.notKnown()), m.open());
                open = s.total();
                notKnown = s.cells().get(0);
            } else {
                open = exact(m.open());
                notKnown = exact(m.notKnown());
            }
            boolean shown = !open.hidden() && !notKnown.hidden() && m.open() > 0;
            result.add(new TrendMonth(m.month(), open, notKnown, shown ? m.percent() : null));
        }
        return new Trend(result);
    }

    /** The figures as an xlsx workbook for others: small counts are always suppressed here. */
    @Transactional(readOnly = true)
    public Download xlsx(Actor actor, HalfYear half, Locale locale) {
        Figures f = figures(actor, half, true, locale);
        Trend t = trend(actor, TREND_MONTHS, true);
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        var out = new ByteArrayOutputStream();
        try {
            var wb = new Workbook(out, "Lots", "1.0");
            var ws = wb.newWorksheet(half.toString());
            int r = 0;
            ws.value(r++, 0, text(locale, "kaa.figures.heading") + " " + half + " – " + org.name());
            ws.value(r++, 0, text(locale, "kaa.figures.suppressionNote"));
            ws.value(r, 0, text(locale, "kaa.figures.total"));
            put(ws, r++, 1, f.total());
            for (Table table : f.tables()) {
                r++;
                ws.value(r++, 0, table.title());
                for (Row row : table.rows()) {
                    ws.value(r, 0, row.label());
                    put(ws, r++, 1, row.cell());
                }
                ws.value(r, 0, text(locale, "kaa.figures.total"));
                put(ws, r++, 1, table.total());
            }
            var trendSheet = wb.newWorksheet(text(locale, "kaa.trend.sheet"));
            trendSheet.value(0, 0, text(locale, "kaa.trend.month"));
            trendSheet.value(0, 1, text(locale, "kaa.trend.open"));
            trendSheet.value(0, 2, text(locale, "kaa.trend.notKnown"));
            trendSheet.value(0, 3, text(locale, "kaa.trend.share"));
            for (int i = 0; i < t.months().size(); i++) {
                var m = t.months().get(i);
                trendSheet.value(i + 1, 0, m.month().toString());
                put(trendSheet, i + 1, 1, m.open());
                put(trendSheet, i + 1, 2, m.notKnown());
                trendSheet.value(i + 1, 3, m.percent() == null ? "–" : text(locale, "format.percent", m.percent()));
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Download("kaa-" + org.municipalityCode() + "-" + half + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
    }

    /** The per-person file for SCB: personal data, so the coordinator only, and every person in it audited. */
    @Transactional
    public Download scbFile(Actor actor, HalfYear half) {
        Organisation org = KaaAccess.municipalityOf(actor, organisations);
        if (actor.role() != Role.KAA_COORDINATOR) {
            throw new AccessDeniedException("only the KAA coordinator sends the per-person file");
        }
        var people = figures.perPerson(org.id(), half);
        var rows = people.stream().map(p -> new ScbKaaExporter.Row(org.municipalityCode(), half,
                p.personalIdentityNumber(), p.gender(), p.registeredOn(), p.registrationReason(), p.statusAtEnd(),
                p.offered(), p.underWay(), p.declinedFirst(), p.exitedOn(), p.exitReason())).toList();
        audit.recordEach(actor, people.stream().map(HalfYearFigures.PersonRow::personId).toList(),
                AuditAction.EXPORT, AccessBasis.of(KaaAccess.PURPOSE), "KAA: fil per person till SCB " + half);
        return new Download(exporter.fileName(org.municipalityCode(), half), exporter.contentType(),
                exporter.write(rows));
    }

    private static void put(org.dhatim.fastexcel.Worksheet ws, int r, int c, Cell cell) {
        if (cell.hidden()) {
            ws.value(r, c, cell.text());
        } else {
            ws.value(r, c, cell.count());
        }
    }

    private Table table(Map<String, Map<String, Long>> counts, String id, List<String> keys, long total,
            Function<String, String> label, boolean forReporting, Locale locale) {
        var values = keys.stream().map(k -> count(counts, id, k)).toList();
        List<Cell> cells;
        Cell totalCell;
        if (forReporting) {
            var s = SmallCountSuppression.apply(values, total);
            cells = s.cells();
            totalCell = s.total();
        } else {
            cells = values.stream().map(KaaFiguresService::exact).toList();
            totalCell = exact(total);
        }
        var rows = new ArrayList<Row>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(new Row(keys.get(i), label.apply(keys.get(i)), cells.get(i)));
        }
        return new Table(id, text(locale, "kaa.figures.table." + id), rows, totalCell);
    }

    private static void hideTogether(List<Table> tables, String firstTable, String firstKey, String secondTable,
            String secondKey) {
        int a = indexOf(tables, firstTable);
        int b = indexOf(tables, secondTable);
        Row first = tables.get(a).rows().stream().filter(r -> r.key().equals(firstKey)).findFirst().orElseThrow();
        Row second = tables.get(b).rows().stream().filter(r -> r.key().equals(secondKey)).findFirst().orElseThrow();
        if (first.cell().hidden() && !second.cell().hidden()) {
            tables.set(b, withHidden(tables.get(b), secondKey));
        } else if (second.cell().hidden() && !first.cell().hidden()) {
            tables.set(a, withHidden(tables.get(a), firstKey));
        }
    }

    private static int indexOf(List<Table> tables, String id) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("no table " + id);
    }

    private static Table withHidden(Table t, String key) {
        var rows = t.rows().stream().map(r -> r.key().equals(key)
                ? new Row(r.key(), r.label(), new Cell(r.cell().count(), Mark.SECONDARY)) : r).toList();
        return new Table(t.id(), t.title(), rows, t.total());
    }

    private static Cell exact(long n) {
        return new Cell(n, Mark.SHOWN);
    }

    private static long count(Map<String, Map<String, Long>> counts, String dimension, String key) {
        return counts.getOrDefault(dimension, Map.of()).getOrDefault(key, 0L);
    }

    private static <E extends Enum<E>> List<String> keys(E[] values) {
        var result = new ArrayList<String>();
        for (E e : values) {
            result.add(e.name());
        }
        return result;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
