package dev.cfcheck.diagnosis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A covering array of strength 2: rows of value indices, one per dimension, such that every pair of values of
 * any two dimensions meets in at least one row. Greedy and deterministic (in the manner of AETG): each row starts
 * from a pair not yet covered and gives every other dimension the value that covers the most new pairs.
 *
 * <p>Some dimensions do not apply in some rows (no edge exchange when DNS failed): {@link Applies} says so, such a
 * dimension is left at {@code -1} in that row, and pairs that can never meet are not asked for.
 */
final class PairwiseRows {

    /** Whether dimension {@code dim} has a value in {@code row}, where {@code -1} marks a dimension not set yet. */
    @FunctionalInterface
    interface Applies {
        boolean test(int[] row, int dim);
    }

    private final int[] sizes;
    private final Applies applies;
    /** needed[i][j][a * sizes[j] + b], i < j: the pair (dimension i = a, dimension j = b) is still to be covered. */
    private final boolean[][][] needed;
    private int remaining;

    private PairwiseRows(int[] sizes, Applies applies) {
        this.sizes = sizes.clone();
        this.applies = applies;
        int n = sizes.length;
        needed = new boolean[n][n][];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                needed[i][j] = new boolean[sizes[i] * sizes[j]];
                for (int a = 0; a < sizes[i]; a++) {
                    for (int b = 0; b < sizes[j]; b++) {
                        int[] row = unset();
                        row[i] = a;
                        row[j] = b;
                        if (applies.test(row, i) && applies.test(row, j)) {
                            needed[i][j][a * sizes[j] + b] = true;
                            remaining++;
                        }
                    }
                }
            }
        }
    }

    /** The rows; a dimension that does not apply in a row is {@code -1} there. */
    static List<int[]> of(int[] sizes, Applies applies) {
        return new PairwiseRows(sizes, applies).rows();
    }

    private List<int[]> rows() {
        List<int[]> rows = new ArrayList<>();
        while (remaining > 0) {
            int[] row = startingRow();
            for (int k = 0; k < sizes.length; k++) {
                if (row[k] < 0 && applies.test(row, k)) {
                    row[k] = bestValue(row, k);
                }
            }
            cover(row);
            rows.add(row);
        }
        return rows;
    }

    private int[] startingRow() {
        for (int i = 0; i < sizes.length; i++) {
            for (int j = i + 1; j < sizes.length; j++) {
                for (int p = 0; p < needed[i][j].length; p++) {
                    if (needed[i][j][p]) {
                        int[] row = unset();
                        row[i] = p / sizes[j];
                        row[j] = p % sizes[j];
                        return row;
                    }
                }
            }
        }
        throw new IllegalStateException("pairs remain but none is needed");
    }

    /** The value of {@code k} covering the most new pairs with the values set, among those leaving every set dimension applicable. */
    private int bestValue(int[] row, int k) {
        int best = -1;
        int bestGain = -1;
        for (int v = 0; v < sizes[k]; v++) {
            row[k] = v;
            if (!keepsOthers(row, k)) {
                continue;
            }
            int gain = 0;
            for (int m = 0; m < sizes.length; m++) {
                if (m != k && row[m] >= 0 && isNeeded(k, v, m, row[m])) {
                    gain++;
                }
            }
            if (gain > bestGain) {
                best = v;
                bestGain = gain;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no value of dimension " + k + " fits " + Arrays.toString(row));
        }
        return best;
    }

    private boolean keepsOthers(int[] row, int k) {
        for (int m = 0; m < sizes.length; m++) {
            if (m != k && row[m] >= 0 && !applies.test(row, m)) {
                return false;
            }
        }
        return true;
    }

    private boolean isNeeded(int i, int a, int j, int b) {
        return i < j ? needed[i][j][a * sizes[j] + b] : needed[j][i][b * sizes[i] + a];
    }

    private void cover(int[] row) {
        for (int i = 0; i < sizes.length; i++) {
            for (int j = i + 1; j < sizes.length; j++) {
                if (row[i] >= 0 && row[j] >= 0 && needed[i][j][row[i] * sizes[j] + row[j]]) {
                    needed[i][j][row[i] * sizes[j] + row[j]] = false;
                    remaining--;
                }
            }
        }
    }

    private int[] unset() {
        int[] row = new int[sizes.length];
        Arrays.fill(row, -1);
        return row;
    }
}
