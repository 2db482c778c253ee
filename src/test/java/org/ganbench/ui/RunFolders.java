package org.ganbench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.ganbench.TestImages;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.RunStatus;

/** Run folders in the shared format, written by tests the way a trainer would. */
public final class RunFolders {
    private RunFolders() {
    }

    /**
     * A run with {@code steps} metrics rows (healthy D), a grid every {@code sampleEvery} steps, a config, and a
     * status saying this process trains it (as a trainer's heartbeat does).
     */
    public static Path write(Path run, int steps, int sampleEvery, boolean penalty) throws IOException {
        Files.createDirectories(run);
        Files.writeString(run.resolve("config.json"), "{\"algorithm\": \"" + (penalty ? "DRAGAN" : "SNGAN")
                + "\", \"steps\": " + (2 * steps) + "}");
        appendMetrics(run, 1, steps, 0.7, 0.3, penalty);
        writeStatus(run, RunStatus.running(steps));
        for (int s = sampleEvery; s <= steps; s += sampleEvery) {
            TestImages.writeGrid(run.resolve(String.format(Locale.ROOT, "samples/step_%06d.png", s)), s / sampleEvery);
        }
        return run;
    }

    /** Writes status.json as a trainer would. */
    public static void writeStatus(Path run, RunStatus status) throws IOException {
        Files.writeString(run.resolve("status.json"), new ObjectMapper().writeValueAsString(status));
    }

    /** Appends rows {@code from..to} with the given discriminator outputs. */
    public static void appendMetrics(Path run, long from, long to, double dReal, double dFake, boolean penalty)
            throws IOException {
        Files.createDirectories(run);
        Path file = run.resolve("metrics.csv");
        StringBuilder sb = new StringBuilder(Files.exists(file) ? "" : String.join(",", MetricsRow.COLUMNS) + "\n");
        // DRAGAN-like runs (with a penalty) get visibly different curves from the others.
        double scale = penalty ? 0.8 : 1.0;
        for (long s = from; s <= to; s++) {
            double t = s / (penalty ? 700.0 : 1000.0);
            // Plain concatenation: String.format makes 100,000 rows take seconds.
            sb.append(s).append(',').append(s * 0.25).append(',')
                    .append(scale * 1.2 * Math.exp(-t) + 0.05 * Math.sin(s * 0.7)).append(',')
                    .append(0.8 + 0.5 * t / (1 + t) + 0.05 * Math.cos(s * 1.3)).append(',')
                    .append(penalty ? Double.toString(0.1 * Math.exp(-t)) : "").append(',')
                    .append(dReal).append(',').append(dFake).append(',').append(2.0 + Math.sin(s * 0.01))
                    .append(",4.0\n");
        }
        Files.writeString(file, sb, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
