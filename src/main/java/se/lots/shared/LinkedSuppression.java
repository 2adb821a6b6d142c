package se.lots.shared;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.lots.shared.SmallCountSuppression.Cell;
import se.lots.shared.SmallCountSuppression.Mark;

/**
 * Small-count suppression over a set of published tables that share cells: every count is a named value, every
 * table's row, column and total an additive {@linkplain #line line} (total = sum of parts), and the same value is
 * named the same in every table that shows it, so it is hidden in all of them or in none. A reader who holds every
 * table can add and subtract any lines of any of them; suppression holds when no "&lt;5" value follows from the shown
 * ones by any such combination.
 *
 * <p>The routine: every count 1–4 is "&lt;5"; then, until stable, a line with exactly one hidden value (or whose shown
 * total pins a "&lt;5" part, as {@link SmallCountSuppression#apply}) hides its smallest shown non-zero part, or its
 * total; then the whole system is audited — a hidden value is recoverable exactly when it is a linear combination of
 * the lines (Gauss–Jordan elimination over the hidden values, modulo a large prime) — and for every recoverable
 * "&lt;5" value one more shown value near it is hidden, and the line rule runs again. It ends because every round
 * hides at least one more value, and once every non-zero value is hidden nothing is recoverable. Values already
 * published ({@link #published}) keep their mark; the routine hides others around them.
 */
public final class LinkedSuppression {

    private static final long PRIME = 2_147_483_647L;

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Long> values = new ArrayList<>();
    private final List<Mark> fixed = new ArrayList<>();
    private final List<int[]> lines = new ArrayList<>();

    /** A published count; naming it again with another value is a programming error. */
    public LinkedSuppression value(String key, long count) {
        Integer i = index.get(key);
        if (i != null) {
            if (values.get(i) != count) {
                throw new IllegalArgumentException(key + " is " + values.get(i) + ", not " + count);
            }
            return this;
        }
        index.put(key, values.size());
        values.add(count);
        fixed.add(null);
        return this;
    }

    /** A count already published with this mark (an earlier period's table): kept as it is. */
    public LinkedSuppression published(String key, Cell cell) {
        value(key, cell.count());
        fixed.set(index.get(key), cell.mark());
        return this;
    }

    public boolean has(String key) {
        return index.containsKey(key);
    }

    /**
     * The total is the sum of the parts; keys not given a value are zero (shown, and adding nothing). A line
     * whose total and parts are all zero is left out.
     */
    public LinkedSuppression line(String total, List<String> parts) {
        var members = new ArrayList<Integer>();
        long sum = 0;
        for (String p : parts) {
            Integer i = index.get(p);
            if (i != null && values.get(i) != 0) {
                members.add(i);
                sum += values.get(i);
            }
        }
        Integer t = index.get(total);
        long totalValue = t == null ? 0 : values.get(t);
        if (sum != totalValue) {
            throw new IllegalArgumentException(total + " is " + totalValue + " but its parts add up to " + sum);
        }
        if (members.isEmpty()) {
            return this;
        }
        int[] line = new int[members.size() + 1];
        for (int k = 0; k < members.size(); k++) {
            line[k] = members.get(k);
        }
        line[members.size()] = t;
        lines.add(line);
        return this;
    }

    /**
     * Where a table's values are named: a key per cell, per row total and per column total, and the grand total's
     * ({@code rowTotals} null: the table prints none and its rows add nothing a reader could use; {@code columnTotals}
     * and {@code total} null: no total row).
     */
    public record Layout(List<List<String>> cells, List<String> rowTotals, List<String> columnTotals, String total) {

        /** Keys {@code prefix|row|column}, {@code *} for a total. */
        public static Layout of(String prefix, List<String> rows, List<String> columns) {
            var cells = new ArrayList<List<String>>();
            for (String r : rows) {
                cells.add(columns.stream().map(c -> prefix + "|" + r + "|" + c).toList());
            }
            return new Layout(List.copyOf(cells), rows.stream().map(r -> prefix + "|" + r + "|*").toList(),
                    columns.stream().map(c -> prefix + "|*|" + c).toList(), prefix + "|*|*");
        }

        public Layout withoutTotalRow() {
            return new Layout(cells, rowTotals, null, null);
        }

        public Layout withoutTotals() {
            return new Layout(cells, null, null, null);
        }

        public Layout withColumnTotals(List<String> keys, String total) {
            return new Layout(cells, rowTotals, keys, total);
        }
    }

    /** A table's counts under its layout: the values, their totals and the lines a reader can add. */
    public LinkedSuppression table(Layout layout, long[][] counts) {
        int rows = layout.cells().size();
        int columns = layout.cells().isEmpty() ? 0 : layout.cells().get(0).size();
        long[] columnSums = new long[columns];
        long total = 0;
        var rowTotalKeys = new ArrayList<String>();
        for (int r = 0; r < rows; r++) {
            long rowSum = 0;
            for (int c = 0; c < columns; c++) {
                value(layout.cells().get(r).get(c), counts[r][c]);
                rowSum += counts[r][c];
                columnSums[c] += counts[r][c];
            }
            total += rowSum;
            if (layout.rowTotals() != null) {
                value(layout.rowTotals().get(r), rowSum);
                line(layout.rowTotals().get(r), layout.cells().get(r));
                rowTotalKeys.add(layout.rowTotals().get(r));
            }
        }
        if (layout.columnTotals() != null) {
            for (int c = 0; c < columns; c++) {
                value(layout.columnTotals().get(c), columnSums[c]);
                var column = new ArrayList<String>();
                for (int r = 0; r < rows; r++) {
                    column.add(layout.cells().get(r).get(c));
                }
                line(layout.columnTotals().get(c), column);
            }
            if (layout.total() != null) {
                value(layout.total(), total);
                line(layout.total(), layout.columnTotals());
                if (layout.rowTotals() != null) {
                    line(layout.total(), rowTotalKeys);
                }
            }
        }
        return this;
    }

    /** The table under its layout as suppressed; a key never given a value is a zero. */
    public static SmallCountSuppression.Table read(Layout layout, Map<String, Cell> cells) {
        var rows = new ArrayList<List<Cell>>();
        for (List<String> row : layout.cells()) {
            rows.add(row.stream().map(k -> cell(cells, k)).toList());
        }
        List<Cell> rowTotals = layout.rowTotals() == null ? List.of()
                : layout.rowTotals().stream().map(k -> cell(cells, k)).toList();
        List<Cell> columnTotals = layout.columnTotals() == null ? List.of()
                : layout.columnTotals().stream().map(k -> cell(cells, k)).toList();
        return new SmallCountSuppression.Table(List.copyOf(rows), rowTotals, columnTotals,
                layout.total() == null ? null : cell(cells, layout.total()));
    }

    private static Cell cell(Map<String, Cell> cells, String key) {
        return cells.getOrDefault(key, new Cell(0, Mark.SHOWN));
    }

    /**
     * {@link #line} when the total is the sum of the parts, otherwise nothing: for relations that hold for most
     * counts but not all (a registration measured after a half-year's end counts in the year, not in the half), which
     * a reader cannot use exactly where they do not hold.
     */
    public boolean lineIfItHolds(String total, List<String> parts) {
        long sum = 0;
        for (String p : parts) {
            Integer i = index.get(p);
            sum += i == null ? 0 : values.get(i);
        }
        Integer t = index.get(total);
        if (sum != (t == null ? 0 : values.get(t))) {
            return false;
        }
        line(total, parts);
        return true;
    }

    public Set<String> keys() {
        return java.util.Collections.unmodifiableSet(index.keySet());
    }

    /** Every value as it is, for the roles that may see individuals: nothing hidden. */
    public Map<String, Cell> exact() {
        var cells = new LinkedHashMap<String, Cell>();
        index.forEach((key, i) -> cells.put(key, new Cell(values.get(i), Mark.SHOWN)));
        return cells;
    }

    /** Every value with its published mark. */
    public Map<String, Cell> suppress() {
        int n = values.size();
        Mark[] m = new Mark[n];
        for (int i = 0; i < n; i++) {
            m[i] = fixed.get(i) != null ? fixed.get(i) : SmallCountSuppression.small(values.get(i)) ? Mark.SMALL
                    : Mark.SHOWN;
        }
        List<List<Integer>> linesOf = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            linesOf.add(new ArrayList<>());
        }
        for (int l = 0; l < lines.size(); l++) {
            for (int i : lines.get(l)) {
                linesOf.get(i).add(l);
            }
        }
        while (true) {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int[] line : lines) {
                    changed |= protect(line, m);
                }
            }
            List<Integer> recoverable = recoverableSmallValues(m);
            if (recoverable.isEmpty()) {
                break;
            }
            boolean hid = false;
            for (int i : recoverable) {
                hid |= hideNear(i, m, linesOf);
            }
            if (!hid) {
                // nothing left that may be hidden (every value near it published already): the best there is
                break;
            }
        }
        var cells = new LinkedHashMap<String, Cell>();
        index.forEach((key, i) -> cells.put(key, new Cell(values.get(i), m[i])));
        return cells;
    }

    private boolean hideable(int i, Mark[] m) {
        return m[i] == Mark.SHOWN && fixed.get(i) == null && values.get(i) > 0;
    }

    /** The line rule of {@link SmallCountSuppression#suppressed}: true when it hid something. */
    private boolean protect(int[] line, Mark[] m) {
        int last = line.length - 1;
        // distinct values: a line may name one twice (the occupations' two column totals are both the discharged)
        long hidden = java.util.Arrays.stream(line).filter(i -> m[i] != Mark.SHOWN).distinct().count();
        if (hidden == 0) {
            return false;
        }
        if (hidden > 1) {
            if (m[line[last]] != Mark.SHOWN) {
                return false;
            }
            var counts = new ArrayList<Long>();
            var marks = new ArrayList<Mark>();
            for (int k = 0; k < last; k++) {
                counts.add(values.get(line[k]));
                marks.add(m[line[k]]);
            }
            if (!SmallCountSuppression.someSmallCellFollowsFromTotal(counts, marks, values.get(line[last]))) {
                return false;
            }
        }
        int pick = -1;
        for (int k = 0; k < last; k++) {
            if (hideable(line[k], m) && (pick < 0 || values.get(line[k]) < values.get(pick))) {
                pick = line[k];
            }
        }
        if (pick < 0 && hideable(line[last], m)) {
            pick = line[last];
        }
        if (pick < 0) {
            return false;
        }
        m[pick] = Mark.SECONDARY;
        return true;
    }

    /**
     * One more value hidden near a recoverable one: the smallest hideable value on a line through it, or, when
     * those are all hidden or published, on a line through the hidden values reached from it.
     */
    private boolean hideNear(int start, Mark[] m, List<List<Integer>> linesOf) {
        var seen = new HashSet<Integer>();
        var queue = new ArrayDeque<Integer>();
        queue.add(start);
        seen.add(start);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            int pick = -1;
            for (int l : linesOf.get(v)) {
                for (int i : lines.get(l)) {
                    if (hideable(i, m) && (pick < 0 || values.get(i) < values.get(pick))) {
                        pick = i;
                    }
                }
            }
            if (pick >= 0) {
                m[pick] = Mark.SECONDARY;
                return true;
            }
            for (int l : linesOf.get(v)) {
                for (int i : lines.get(l)) {
                    if (m[i] != Mark.SHOWN && seen.add(i)) {
                        queue.add(i);
                    }
                }
            }
        }
        return false;
    }

    /**
     * The "&lt;5" values that follow exactly from the shown ones: each line is an equation over its hidden values;
     * after Gauss–Jordan elimination a row with a single hidden value gives that value away.
     */
    private List<Integer> recoverableSmallValues(Mark[] m) {
        var rows = new ArrayList<Map<Integer, Long>>();
        for (int[] line : lines) {
            Map<Integer, Long> row = new HashMap<>();
            for (int k = 0; k < line.length; k++) {
                int i = line[k];
                if (m[i] != Mark.SHOWN) {
                    long coefficient = k == line.length - 1 ? 1 : PRIME - 1;
                    row.merge(i, coefficient, (a, b) -> (a + b) % PRIME);
                    if (row.get(i) == 0) {
                        row.remove(i);
                    }
                }
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        var columnRows = new HashMap<Integer, Set<Integer>>();
        for (int r = 0; r < rows.size(); r++) {
            for (int c : rows.get(r).keySet()) {
                columnRows.computeIfAbsent(c, k -> new HashSet<>()).add(r);
            }
        }
        var pivotRows = new HashSet<Integer>();
        for (int c : new ArrayList<>(columnRows.keySet())) {
            int pivot = -1;
            for (int r : columnRows.getOrDefault(c, Set.of())) {
                if (!pivotRows.contains(r) && (pivot < 0 || rows.get(r).size() < rows.get(pivot).size())) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            pivotRows.add(pivot);
            Map<Integer, Long> p = rows.get(pivot);
            long inverse = inverse(p.get(c));
            for (var e : p.entrySet()) {
                e.setValue(e.getValue() * inverse % PRIME);
            }
            for (int r : new ArrayList<>(columnRows.get(c))) {
                if (r == pivot) {
                    continue;
                }
                Map<Integer, Long> row = rows.get(r);
                long factor = row.get(c);
                for (var e : p.entrySet()) {
                    int col = e.getKey();
                    long updated = ((row.getOrDefault(col, 0L) - factor * e.getValue()) % PRIME + PRIME) % PRIME;
                    if (updated == 0) {
                        row.remove(col);
                        columnRows.get(col).remove(r);
                    } else {
                        if (!row.containsKey(col)) {
                            columnRows.computeIfAbsent(col, k -> new HashSet<>()).add(r);
                        }
                        row.put(col, updated);
                    }
                }
            }
        }
        var recoverable = new ArrayList<Integer>();
        for (var row : rows) {
            if (row.size() == 1) {
                int i = row.keySet().iterator().next();
                if (m[i] == Mark.SMALL) {
                    recoverable.add(i);
                }
            }
        }
        return recoverable;
    }

    private static long inverse(long a) {
        long result = 1;
        long base = a % PRIME;
        long e = PRIME - 2;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = result * base % PRIME;
            }
            base = base * base % PRIME;
            e >>= 1;
        }
        return result;
    }
}
