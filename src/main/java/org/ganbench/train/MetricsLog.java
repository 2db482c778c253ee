package org.ganbench.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.Csv;

/** Appends one metrics.csv row per step; rows reach the disk before each checkpoint that covers them. */
final class MetricsLog implements AutoCloseable {
    private final FileChannel channel;
    private final BufferedWriter writer;

    private MetricsLog(FileChannel channel) {
        this.channel = channel;
        this.writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8));
    }

    /**
     * Opens metrics.csv for appending after first cutting it back to the rows up to {@code lastStep} (the step
     * of the checkpoint the run continues from): rows written after that checkpoint, and a row cut short by a
     * killed process, would otherwise be repeated or corrupt.
     */
    static MetricsLog openAfterStep(Path file, long lastStep) throws IOException {
        StringBuilder kept = new StringBuilder(RunFolder.METRICS_HEADER).append('\n');
        if (Files.isRegularFile(file)) {
            String csv = Files.readString(file);
            List<String> lines = csv.lines().toList();
            int columns = lines.isEmpty() ? 0 : Csv.parseLine(lines.get(0)).size();
            if (!lines.isEmpty()) {
                kept.setLength(0);
                kept.append(lines.get(0)).append('\n');
            }
            int complete = csv.endsWith("\n") ? lines.size() : lines.size() - 1;
            for (int i = 1; i < complete; i++) {
                List<String> cells = Csv.parseLine(lines.get(i));
                if (cells.size() == columns && stepOf(cells.get(0)) <= lastStep) {
                    kept.append(lines.get(i)).append('\n');
                }
            }
        }
        AtomicFiles.writeString(file, kept.toString());
        return new MetricsLog(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /** The row's step, or MAX_VALUE (dropped) for a line that is not a row. */
    private static long stepOf(String cell) {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    void append(long step, double timeS, StepStats stats, double stepsPerS) throws IOException {
        writer.write(step + "," + timeS + "," + loss(stats, "loss_dis") + "," + loss(stats, "loss_gen") + ","
                + loss(stats, "loss_gp") + "," + stats.dReal() + "," + stats.dFake() + "," + stats.gradNormG() + ","
                + stepsPerS + "\n");
        writer.flush();
    }

    /** Forces the rows written so far to disk. */
    void sync() throws IOException {
        writer.flush();
        channel.force(false);
    }

    private static String loss(StepStats stats, String name) {
        Double value = stats.losses().get(name);
        return value == null ? "" : value.toString();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
