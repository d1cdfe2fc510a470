package dev.shadowbench.core.stats;

/**
 * Pearson's chi-square test of independence on a table of counts, as scipy's
 * {@code chi2_contingency(table, correction=False)}: expected cells from the margins, statistic sum((o - e)^2 / e),
 * p from the chi-square distribution with (rows - 1)(columns - 1) degrees of freedom. No continuity correction, also
 * on a 2x2 table (scipy's default applies Yates there; a canary compares many classes at once, and one rule for every
 * table size keeps the figures comparable across days).
 */
public final class ChiSquare {
    private ChiSquare() {}

    /** The test's outcome; {@code pValue} is null when the table has fewer than two rows or columns with counts. */
    public record Result(double statistic, int dof, Double pValue) {}

    /** Tests {@code table[row][column]}; rows or columns whose counts are all zero are left out (they carry no information). */
    public static Result test(long[][] table) {
        int rows = table.length, cols = rows == 0 ? 0 : table[0].length;
        double[] rowSum = new double[rows], colSum = new double[cols];
        double n = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                rowSum[i] += table[i][j];
                colSum[j] += table[i][j];
                n += table[i][j];
            }
        int r = 0, k = 0;
        for (double s : rowSum) if (s > 0) r++;
        for (double s : colSum) if (s > 0) k++;
        if (r < 2 || k < 2) return new Result(0, 0, null);
        double stat = 0;
        for (int i = 0; i < rows; i++) {
            if (rowSum[i] == 0) continue;
            for (int j = 0; j < cols; j++) {
                if (colSum[j] == 0) continue;
                double e = rowSum[i] * colSum[j] / n, d = table[i][j] - e;
                stat += d * d / e;
            }
        }
        int dof = (r - 1) * (k - 1);
        return new Result(stat, dof, sf(stat, dof));
    }

    /** P(X > x) for X chi-square with {@code dof} degrees of freedom ({@code scipy.stats.chi2.sf}). */
    public static double sf(double x, int dof) {
        if (x <= 0) return 1.0;
        return Distributions.clip(Distributions.gammaQ(dof / 2.0, x / 2.0));
    }
}
