package org.ganbench.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import org.ganbench.common.AtomicFiles;
import org.ganbench.eval.LossCurvePlot;
import org.ganbench.train.RunFolder;

/**
 * A run's pictures and numbers as files of the user's choosing (the window's Export menu and {@code ganbench export}):
 * a sample grid as PNG, and the loss curves as CSV (the complete rows of metrics.csv) or as a PNG of
 * {@link LossCurvePlot}. Written atomically; the run folder is only read.
 */
public final class RunExports {
    public static final int CURVES_WIDTH = 960;
    public static final int CURVES_HEIGHT = 480;

    private RunExports() {
    }

    /**
     * Writes the sample grid of {@code step} (null: the newest) to {@code out}; returns the step written.
     */
    public static long grid(RunFolder run, Long step, Path out) throws IOException {
        NavigableMap<Long, Path> grids = run.samplesByStep();
        if (grids.isEmpty()) {
            throw new IOException("the run " + run.dir() + " has no sample grids yet");
        }
        Map.Entry<Long, Path> chosen = step == null ? grids.lastEntry() : grids.containsKey(step)
                ? Map.entry(step, grids.get(step)) : null;
        if (chosen == null) {
            throw new IOException("the run has no grid of step " + step + " (it has " + grids.size()
                    + " grids, steps " + grids.firstKey() + " to " + grids.lastKey() + ")");
        }
        requirePng(out);
        AtomicFiles.write(out, stream -> Files.copy(chosen.getValue(), stream));
        return chosen.getKey();
    }

    /**
     * Writes the loss curves to {@code out}: a PNG ({@value #CURVES_WIDTH}x{@value #CURVES_HEIGHT}) for a .png name, the
     * metrics rows for a .csv name; returns the number of steps (rows) written.
     */
    public static int curves(RunFolder run, Path out) throws IOException {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            var rows = run.metrics();
            LossCurvePlot.write(rows, CURVES_WIDTH, CURVES_HEIGHT, run.dir().getFileName() + " - losses", out);
            return rows.size();
        }
        if (name.endsWith(".csv")) {
            return curvesCsv(run, out);
        }
        throw new IllegalArgumentException("curves are exported as .png or .csv, not " + out.getFileName());
    }

    /** The header and every complete row of metrics.csv (a row being written at this moment is left out). */
    private static int curvesCsv(RunFolder run, Path out) throws IOException {
        if (!Files.isRegularFile(run.metricsFile())) {
            throw new IOException("the run " + run.dir() + " has no metrics.csv");
        }
        String csv = Files.readString(run.metricsFile(), StandardCharsets.UTF_8);
        String complete = csv.substring(0, csv.lastIndexOf('\n') + 1);
        AtomicFiles.writeString(out, complete);
        return (int) Math.max(0, complete.lines().count() - 1);
    }

    private static void requirePng(Path out) {
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("a grid is exported as .png, not " + out.getFileName());
        }
    }
}
