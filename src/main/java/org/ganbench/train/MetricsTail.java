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

/**
 * Reads a run's {@code metrics.csv} incrementally while the trainer is still appending to it: each {@link #poll()}
 * returns the rows completed since the last one. A trailing line without its newline is left for the next poll, so a
 * half-written row is never read. Not thread-safe.
 */
public final class MetricsTail {
    private final Path file;
    private long offset;
    private int[] columnIndex;
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
            rows.add(parseRow(line));
        }
        return rows;
    }

    private int[] parseHeader(String line) throws IOException {
        Map<String, Integer> positions = new HashMap<>();
        String[] names = line.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            positions.put(names[i].strip(), i);
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

    private MetricsRow parseRow(String line) throws IOException {
        String[] f = line.split(",", -1);
        double[] v = new double[columnIndex.length];
        for (int c = 0; c < v.length; c++) {
            int i = columnIndex[c];
            v[c] = i < 0 || i >= f.length || f[i].isBlank() ? Double.NaN : parse(f[i], line);
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
