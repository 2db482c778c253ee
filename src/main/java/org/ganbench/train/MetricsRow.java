package org.ganbench.train;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of metrics.csv. {@code lossGp} is NaN for algorithms without a gradient penalty (an empty cell). Columns
 * are found by their header name, so files with appended columns still read.
 */
public record MetricsRow(long step, double timeS, double lossDis, double lossGen, double lossGp, double dReal,
                         double dFake, double gradNormG, double stepsPerS) {
    /** The header every run writes (columns may be appended after these). */
    public static final List<String> COLUMNS = List.of(RunFolder.METRICS_HEADER.split(","));

    /** The rows of a metrics.csv text; a last line cut short by a killed process is left out. */
    static List<MetricsRow> parse(String csv) {
        List<String> lines = csv.lines().toList();
        List<MetricsRow> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        List<String> header = Csv.parseLine(lines.get(0));
        int[] index = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            index[c] = header.indexOf(COLUMNS.get(c));
            if (index[c] < 0) {
                throw new IllegalArgumentException("metrics.csv lacks column " + COLUMNS.get(c));
            }
        }
        boolean lastLineComplete = csv.endsWith("\n");
        for (int i = 1; i < lines.size(); i++) {
            if (i == lines.size() - 1 && !lastLineComplete) {
                break;
            }
            List<String> cells = Csv.parseLine(lines.get(i));
            if (cells.size() < header.size()) {
                continue;
            }
            double[] v = new double[COLUMNS.size()];
            for (int c = 0; c < COLUMNS.size(); c++) {
                String cell = cells.get(index[c]);
                v[c] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            }
            rows.add(new MetricsRow((long) v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
        }
        return rows;
    }
}
