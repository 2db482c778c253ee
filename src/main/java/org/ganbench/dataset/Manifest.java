package org.ganbench.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a dataset's {@code manifest.csv} (header {@code face,source,...,duplicate_of}). Columns are found by name,
 * so columns appended later do not break it. A dataset without a manifest lists its {@code faces/} folder.
 */
public final class Manifest {
    public static final String FILE = "manifest.csv";
    /** The shared header (columns may be appended, never renamed). */
    public static final String HEADER = "face,source,det_x,det_y,det_w,det_h,crop_x,crop_y,crop_w,crop_h,"
            + "source_sha256,phash,duplicate_of";

    private Manifest() {
    }

    /** One face: its file name under {@code faces/}, its source image, and the face it duplicates (empty if none). */
    public record Entry(String face, String source, String duplicateOf) {
        public boolean isDuplicate() {
            return !duplicateOf.isEmpty();
        }
    }

    /** The entries of {@code datasetDir}, in manifest order (or file-name order without a manifest). */
    public static List<Entry> read(Path datasetDir) throws IOException {
        Path file = datasetDir.resolve(FILE);
        if (!Files.exists(file)) {
            return listFaces(datasetDir.resolve("faces"));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException("empty manifest: " + file);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = splitCsvLine(lines.get(0));
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
        Integer face = columns.get("face");
        if (face == null) {
            throw new IOException("manifest has no 'face' column: " + file);
        }
        int source = columns.getOrDefault("source", -1);
        int duplicate = columns.getOrDefault("duplicate_of", -1);
        List<Entry> entries = new ArrayList<>(lines.size());
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            List<String> f = splitCsvLine(lines.get(n));
            entries.add(new Entry(field(f, face), field(f, source), field(f, duplicate)));
        }
        return entries;
    }

    private static String field(List<String> fields, int index) {
        return index >= 0 && index < fields.size() ? fields.get(index) : "";
    }

    private static List<Entry> listFaces(Path facesDir) throws IOException {
        if (!Files.isDirectory(facesDir)) {
            throw new IOException("not a dataset (no manifest.csv, no faces/ folder): " + facesDir.getParent());
        }
        try (Stream<Path> files = Files.list(facesDir)) {
            return files.filter(Files::isRegularFile).filter(FaceSet::isImageFile)
                    .map(p -> new Entry(p.getFileName().toString(), "", "")).sorted(
                            java.util.Comparator.comparing(Entry::face)).toList();
        }
    }

    /** Splits one CSV line (RFC 4180 quoting: fields with commas or quotes are quoted, quotes doubled). */
    public static List<String> splitCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Quotes a CSV field when it needs it. */
    public static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
