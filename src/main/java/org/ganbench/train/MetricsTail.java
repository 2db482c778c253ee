package org.ganbench.train;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ganbench.common.Csv;

/**
 * Reads a run's {@code metrics.csv} incrementally while the trainer is still appending to it: each {@link #poll()}
 * returns the rows completed since the last one. A trailing line without its newline is left for the next poll, so a
 * half-written row is never read. Columns are found by name (only {@code step} is required), so files with
 * appended or missing columns read too. Not thread-safe.
 */
public final class MetricsTail {
    private final Path file;
    private long offset;
    private int[] columnIndex;
    private int headerSize;
    private final StringBuilder pending = new StringBuilder();

    public MetricsTail(Path file) {
        this.file = file;
    }

    /** Everything in {@code file} now (convenience for finished runs). */
    public static List<MetricsRow> readAll(Path file) throws IOException {
        return new MetricsTail(file).poll();
    }

    /** New complete rows since the previous call; empty while the file does not exist yet. */
    public List<MetricsRow> poll() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        long size = Files.size(file);
        if (size < offset) {
            // The file was replaced by a shorter one (run restarted): start over.
            offset = 0;
            columnIndex = null;
            pending.setLength(0);
        }
        if (size == offset) {
            return List.of();
        }
        byte[] chunk;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(offset);
            chunk = new byte[(int) Math.min(size - offset, Integer.MAX_VALUE - 16)];
            raf.readFully(chunk);
        }
        int lastNewline = -1;
        for (int i = chunk.length - 1; i >= 0; i--) {
            if (chunk[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            return List.of();
        }
        offset += lastNewline + 1;
        String text = new String(chunk, 0, lastNewline, StandardCharsets.UTF_8);
        List<MetricsRow> rows = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (columnIndex == null) {
                columnIndex = parseHeader(line);
                continue;
            }
            List<String> cells = Csv.parseLine(line);
            if (cells.size() >= headerSize) { // a shorter line is a row cut short by a killed process
                rows.add(parseRow(cells, line));
            }
        }
        return rows;
    }

    private int[] parseHeader(String line) throws IOException {
        Map<String, Integer> positions = new HashMap<>();
        List<String> names = Csv.parseLine(line);
        headerSize = names.size();
        for (int i = 0; i < names.size(); i++) {
            positions.put(names.get(i).strip(), i);
        }
        if (!positions.containsKey("step")) {
            throw new IOException("not a metrics file (no 'step' column): " + file);
        }
        int[] index = new int[MetricsRow.COLUMNS.size()];
        for (int c = 0; c < index.length; c++) {
            index[c] = positions.getOrDefault(MetricsRow.COLUMNS.get(c), -1);
        }
        return index;
    }

    private MetricsRow parseRow(List<String> cells, String line) throws IOException {
        double[] v = new double[columnIndex.length];
        for (int c = 0; c < v.length; c++) {
            int i = columnIndex[c];
            v[c] = i < 0 || cells.get(i).isBlank() ? Double.NaN : parse(cells.get(i), line);
        }
        return new MetricsRow((long) v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    private double parse(String value, String line) throws IOException {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IOException("unreadable number '" + value + "' in " + file + ": " + line);
        }
    }
}
