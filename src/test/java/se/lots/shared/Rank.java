package se.lots.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The rank of a set of linear equations in floating point, for tests that check independently of
 * {@link LinkedSuppression} whether a hidden count follows from the shown ones: it does when adding its unit vector
 * to the equations over the hidden counts does not raise their rank.
 */
public final class Rank {

    private Rank() {
    }

    /** Whether the unit vector of column {@code target} lies in the span of {@code rows}. */
    public static boolean inSpan(List<double[]> rows, int columns, int target) {
        int before = of(rows, columns);
        var with = new ArrayList<>(rows);
        double[] unit = new double[columns];
        unit[target] = 1;
        with.add(unit);
        return of(with, columns) == before;
    }

    public static int of(List<double[]> original, int columns) {
        var rows = new ArrayList<double[]>();
        original.forEach(r -> rows.add(r.clone()));
        int rank = 0;
        for (int c = 0; c < columns && rank < rows.size(); c++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (Math.abs(rows.get(r)[c]) > 1e-9
                        && (pivot < 0 || Math.abs(rows.get(r)[c]) > Math.abs(rows.get(pivot)[c]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            var swap = rows.get(rank);
            rows.set(rank, rows.get(pivot));
            rows.set(pivot, swap);
            double[] p = rows.get(rank);
            for (int r = 0; r < rows.size(); r++) {
                if (r != rank && Math.abs(rows.get(r)[c]) > 1e-9) {
                    double f = rows.get(r)[c] / p[c];
                    for (int k = 0; k < columns; k++) {
                        rows.get(r)[k] -= f * p[k];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
