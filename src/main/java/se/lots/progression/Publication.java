package se.lots.progression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import se.lots.progression.report.FunderReports;
import se.lots.shared.LinkedSuppression;
import se.lots.shared.LinkedSuppression.Layout;
import se.lots.shared.SmallCountSuppression.Cell;

/**
 * The published set of a fixed period and how it is suppressed together. Every count that leaves the programme
 * lead's view is named once, by period, programme and what it counts ({@code 2026H1|P7|R|KVINNA|0}: registered women
 * 16–19 in programme 7 in the first half of 2026; {@code *} for a total), and every published table is a layout over
 * those names: Uppföljning Finsam per measure (programmes × gender, with each förbund's totals and the analysts'
 * totals over every programme), each programme's report (registered and discharged by gender × age band, occupations
 * and income sources at start and end, transfers, the Finsam table), and the Finsam export (those, and the
 * participants by gender × age band). A count is therefore hidden in every table that shows it or in none, and
 * {@link LinkedSuppression} sees every sum a reader can form from the tables together — including the relations no
 * table prints (a column of occupations at start adds up to the discharged) and, for a year, year = first half +
 * second half for everything that adds up over time (the participants in a period do not: someone active in both
 * halves counts once in the year).
 */
final class Publication {

    static final List<String> GENDERS = List.of("KVINNA", "MAN", "ANNAT");
    static final List<String> BANDS = List.of("0", "1", "2", "3");
    static final List<String> MEASURES = List.of("A", "R", "D");
    static final String NONE = "-";
    static final String ALL = "ALL";

    private Publication() {
    }

    /** A programme's counts for a period as the report's tables hold them. */
    record Counts(long[][] active, long[][] registered, long[][] discharged, List<String> occupationCodes,
            long[][] occupations, List<String> incomeCodes, long[][] incomes, List<String> transferNames,
            long[][] transfers) {

        long[][] byGenderAndAge(String measure) {
            return switch (measure) {
                case "A" -> active;
                case "R" -> registered;
                default -> discharged;
            };
        }

        /** Participants, new and discharged by gender: the report's Uppföljning Finsam table. */
        long[][] finsam() {
            long[][] f = new long[MEASURES.size()][GENDERS.size()];
            for (int m = 0; m < MEASURES.size(); m++) {
                long[][] t = byGenderAndAge(MEASURES.get(m));
                for (int g = 0; g < GENDERS.size(); g++) {
                    for (long c : t[g]) {
                        f[m][g] += c;
                    }
                }
            }
            return f;
        }

        long total(String measure) {
            long sum = 0;
            for (long c : finsam()[MEASURES.indexOf(measure)]) {
                sum += c;
            }
            return sum;
        }

        /** {@code occupationCodes} and {@code incomeCodes}: every category's code, in the report's order. */
        static Counts of(FunderReports.Tables t, List<String> occupationCodes, List<String> incomeCodes) {
            long[][] registered = new long[GENDERS.size()][BANDS.size()];
            long[][] discharged = new long[GENDERS.size()][BANDS.size()];
            long[][] active = new long[GENDERS.size()][BANDS.size()];
            for (var c : t.genderAge()) {
                int g = genderRow(c.gender());
                registered[g][c.band()] += c.registered();
                discharged[g][c.band()] += c.discharged();
                active[g][c.band()] += c.active();
            }
            var occupationRows = new ArrayList<>(occupationCodes);
            occupationRows.add(NONE);
            long[][] occ = new long[occupationRows.size()][2];
            for (var pair : t.occupations()) {
                occ[occupationRows.indexOf(Objects.requireNonNullElse(pair.start(), NONE))][0] += pair.count();
                occ[occupationRows.indexOf(Objects.requireNonNullElse(pair.end(), NONE))][1] += pair.count();
            }
            long[][] inc = new long[incomeCodes.size()][2];
            for (var i : t.incomes()) {
                inc[incomeCodes.indexOf(i.source())]["START".equals(i.kind()) ? 0 : 1] += i.count();
            }
            var transferRows = new LinkedHashMap<String, long[]>();
            for (var tr : t.transfers()) {
                transferRows.computeIfAbsent(tr.programme(), k -> new long[2])[tr.in() ? 0 : 1] += tr.count();
            }
            return new Counts(active, registered, discharged, List.copyOf(occupationRows), occ,
                    List.copyOf(incomeCodes), inc, List.copyOf(transferRows.keySet()),
                    transferRows.values().toArray(new long[0][]));
        }
    }

    static int genderRow(String gender) {
        return switch (gender) {
            case "KVINNA" -> 0;
            case "MAN" -> 1;
            default -> 2;
        };
    }

    static String programme(FixedPeriod q, long programmeId) {
        return q.key() + "|P" + programmeId;
    }

    static String group(FixedPeriod q, String group) {
        return q.key() + "|G" + group;
    }

    /** The group of the programmes a förbund funds. */
    static String federation(long organisationId) {
        return "F" + organisationId;
    }

    static Layout genderAge(String prefix, String measure) {
        return Layout.of(prefix + "|" + measure, GENDERS, BANDS);
    }

    /** Participants, new and discharged (rows) by gender, each with its total: no total over the three measures. */
    static Layout finsam(String prefix) {
        var cells = new ArrayList<List<String>>();
        for (String m : MEASURES) {
            cells.add(GENDERS.stream().map(g -> prefix + "|" + m + "|" + g + "|*").toList());
        }
        return new Layout(List.copyOf(cells), MEASURES.stream().map(m -> prefix + "|" + m + "|*|*").toList(), null,
                null);
    }

    /**
     * Occupation at start and at end of the discharged: each column adds up to the discharged (every discharged
     * participant has one occupation at start, "not registered" included), so the column totals are that count; no
     * row totals, which would add a start to an end.
     */
    static Layout occupations(String prefix, List<String> codes) {
        var cells = new ArrayList<List<String>>();
        for (String o : codes) {
            cells.add(List.of(prefix + "|O|" + o + "|S", prefix + "|O|" + o + "|E"));
        }
        String discharged = prefix + "|D|*|*";
        return new Layout(List.copyOf(cells), null, List.of(discharged, discharged), null);
    }

    /** Income sources at start and end: a participant may have several, so nothing here adds up. */
    static Layout incomes(String prefix, List<String> codes) {
        var cells = new ArrayList<List<String>>();
        for (String s : codes) {
            cells.add(List.of(prefix + "|I|" + s + "|S", prefix + "|I|" + s + "|E"));
        }
        return new Layout(List.copyOf(cells), null, null, null);
    }

    static Layout transfers(String prefix, List<String> programmes) {
        return Layout.of(prefix + "|T", programmes, List.of("IN", "OUT"));
    }

    /** Uppföljning Finsam's table of one measure: the group's programmes × gender with the group's totals. */
    static Layout overview(FixedPeriod q, String group, String measure, List<Long> programmeIds) {
        var cells = new ArrayList<List<String>>();
        for (long id : programmeIds) {
            cells.add(GENDERS.stream().map(g -> programme(q, id) + "|" + measure + "|" + g + "|*").toList());
        }
        return new Layout(List.copyOf(cells),
                programmeIds.stream().map(id -> programme(q, id) + "|" + measure + "|*|*").toList(),
                GENDERS.stream().map(g -> group(q, group) + "|" + measure + "|" + g).toList(),
                group(q, group) + "|" + measure + "|*");
    }

    /** Every table of the programme's report and export, with their counts, into the published set. */
    static void add(LinkedSuppression s, String prefix, Counts c) {
        for (String m : MEASURES) {
            s.table(genderAge(prefix, m), c.byGenderAndAge(m));
        }
        s.table(finsam(prefix), c.finsam());
        s.table(occupations(prefix, c.occupationCodes()), c.occupations());
        s.table(incomes(prefix, c.incomeCodes()), c.incomes());
        s.table(transfers(prefix, c.transferNames()), c.transfers());
    }

    /**
     * The published set over {@code periods} (one half-year, or a year with both its halves), every programme with
     * participants in them, grouped by the förbund that funds it ({@code fundedBy}, null: none) and all together.
     * {@code published}: counts already published (a first half-year when its year is published), kept as they were.
     */
    static Map<String, Cell> suppress(Map<FixedPeriod, Map<Long, Counts>> periods, Map<Long, Long> fundedBy,
            Map<String, Cell> published) {
        var s = new LinkedSuppression();
        for (var period : periods.entrySet()) {
            FixedPeriod q = period.getKey();
            var groups = new TreeMap<String, List<Long>>();
            for (var p : new TreeMap<>(period.getValue()).entrySet()) {
                add(s, programme(q, p.getKey()), p.getValue());
                groups.computeIfAbsent(ALL, k -> new ArrayList<>()).add(p.getKey());
                Long funder = fundedBy.get(p.getKey());
                if (funder != null) {
                    groups.computeIfAbsent(federation(funder), k -> new ArrayList<>()).add(p.getKey());
                }
            }
            for (var g : groups.entrySet()) {
                for (String m : MEASURES) {
                    long[][] counts = new long[g.getValue().size()][];
                    for (int r = 0; r < counts.length; r++) {
                        counts[r] = period.getValue().get(g.getValue().get(r)).finsam()[MEASURES.indexOf(m)];
                    }
                    s.table(overview(q, g.getKey(), m, g.getValue()), counts);
                }
            }
        }
        published.forEach(s::published);
        yearIsTheSumOfItsHalves(s, periods.keySet());
        return s.suppress();
    }

    /** Year = first half + second half, for every count that adds up over time (not the participants in a period). */
    private static void yearIsTheSumOfItsHalves(LinkedSuppression s, java.util.Set<FixedPeriod> periods) {
        for (FixedPeriod y : periods) {
            if (!y.wholeYear()) {
                continue;
            }
            var h1 = new FixedPeriod(y.year(), 1);
            var h2 = new FixedPeriod(y.year(), 2);
            if (!periods.contains(h1) || !periods.contains(h2)) {
                continue;
            }
            var names = new java.util.TreeSet<String>();
            for (String key : s.keys()) {
                for (FixedPeriod q : List.of(y, h1, h2)) {
                    if (key.startsWith(q.key() + "|")) {
                        names.add(key.substring(q.key().length()));
                    }
                }
            }
            for (String name : names) {
                if (!name.contains("|A|") && !name.endsWith("|A")) {
                    s.lineIfItHolds(y.key() + name, List.of(h1.key() + name, h2.key() + name));
                }
            }
        }
    }
}
