package org.ganbench.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.Csv;

/**
 * The layout of a dataset folder: {@code faces/<face>.png}, {@code manifest.csv} (one row per face),
 * {@code sources.csv} (every source file already processed, by SHA-256, so that re-runs skip it even when it had no
 * face), {@code report.json} (the last run's summary) and {@code rejected/} (faces the user rejected).
 */
public record DatasetFolder(Path root) {
    public static final List<String> MANIFEST_HEADER = List.of("face", "source", "det_x", "det_y", "det_w", "det_h",
            "crop_x", "crop_y", "crop_w", "crop_h", "source_sha256", "phash", "duplicate_of");
    static final List<String> SOURCES_HEADER = List.of("source_sha256", "source", "faces");

    public Path faces() {
        return root.resolve("faces");
    }

    public Path manifest() {
        return root.resolve("manifest.csv");
    }

    public Path sources() {
        return root.resolve("sources.csv");
    }

    public Path report() {
        return root.resolve("report.json");
    }

    public Path rejected() {
        return root.resolve("rejected");
    }

    /**
     * Creates the folders and proves that a file can be written there, so that an unwritable destination fails with
     * a clear message before any work.
     */
    public void prepareForWriting() throws IOException {
        try {
            Files.createDirectories(faces());
            Path probe = Files.createTempFile(root, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("cannot write the dataset folder " + root + ": " + describe(e), e);
        }
    }

    /** The manifest's rows in file order; empty when there is no manifest yet. */
    public List<ManifestRow> readManifest() throws IOException {
        List<ManifestRow> rows = new ArrayList<>();
        for (Map<String, String> r : readTable(manifest(), MANIFEST_HEADER)) {
            rows.add(new ManifestRow(r.get("face"), r.get("source"),
                    box(r, "det_"), box(r, "crop_"), r.get("source_sha256"), r.get("phash"), r.get("duplicate_of")));
        }
        return rows;
    }

    /** The datasets in {@code datasetsDir} (hidden folders left out), by folder name; none when it does not exist. */
    public static List<Path> list(Path datasetsDir) throws IOException {
        if (!Files.isDirectory(datasetsDir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> dirs = Files.list(datasetsDir)) {
            return dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> new DatasetFolder(d).isDataset()).sorted().toList();
        }
    }

    /** True when the folder holds a dataset (a manifest, or at least a {@code faces/} folder). */
    public boolean isDataset() {
        return Files.isRegularFile(manifest()) || Files.isDirectory(faces());
    }

    /**
     * The faces the dataset lists: the manifest's rows, or, for a {@code faces/} folder without a manifest (put
     * together by hand), one row per image file in name order, naming only the face.
     */
    public List<ManifestRow> readFaces() throws IOException {
        if (Files.isRegularFile(manifest())) {
            return readManifest();
        }
        if (!Files.isDirectory(faces())) {
            throw new IOException("not a dataset (no manifest.csv, no faces/ folder): " + root);
        }
        FaceBox none = new FaceBox(0, 0, 0, 0);
        try (Stream<Path> files = Files.list(faces())) {
            return files.filter(Files::isRegularFile).filter(FaceSet::isImageFile)
                    .map(p -> p.getFileName().toString()).sorted()
                    .map(name -> new ManifestRow(name, "", none, none, "", "", "")).toList();
        }
    }

    /**
     * Where a dataset made from {@code source} goes under {@code datasetsDir}: the dataset already made from that
     * same folder (so that adding it again only processes new images), else a new folder named after it, with a
     * numeric suffix when another folder's dataset has the name.
     */
    public static DatasetFolder forSource(Path datasetsDir, Path source) throws IOException {
        Path input = source.toAbsolutePath().normalize();
        String base = input.getFileName() == null ? "dataset" : input.getFileName().toString();
        for (int n = 1; ; n++) {
            DatasetFolder candidate = new DatasetFolder(datasetsDir.resolve(n == 1 ? base : base + "-" + n));
            if (!Files.exists(candidate.root()) || input.equals(candidate.input().orElse(null))) {
                return candidate;
            }
        }
    }

    /** The folder the dataset was made from ({@code "input"} in report.json), if recorded. */
    public Optional<Path> input() throws IOException {
        if (!Files.isRegularFile(report())) {
            return Optional.empty();
        }
        JsonNode input = new ObjectMapper().readTree(report().toFile()).get("input");
        return input != null && input.isTextual() ? Optional.of(Path.of(input.asText())) : Optional.empty();
    }

    public void writeManifest(List<ManifestRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder(Csv.line(MANIFEST_HEADER));
        for (ManifestRow r : rows) {
            FaceBox d = r.detection();
            FaceBox c = r.crop();
            sb.append(Csv.line(List.of(r.face(), r.source(), str(d.x()), str(d.y()), str(d.w()), str(d.h()),
                    str(c.x()), str(c.y()), str(c.w()), str(c.h()), r.sourceSha256(), r.phash(), r.duplicateOf())));
        }
        AtomicFiles.writeString(manifest(), sb.toString());
    }

    /** SHA-256 to relative path of every source processed so far, in processing order. */
    public Map<String, String> readSources() throws IOException {
        Map<String, String> done = new LinkedHashMap<>();
        for (Map<String, String> r : readTable(sources(), SOURCES_HEADER)) {
            done.put(r.get("source_sha256"), r.get("source"));
        }
        return done;
    }

    /** Writes the processed sources: SHA-256, relative path and number of faces found. */
    void writeSources(List<List<String>> rows) throws IOException {
        StringBuilder sb = new StringBuilder(Csv.line(SOURCES_HEADER));
        rows.forEach(r -> sb.append(Csv.line(r)));
        AtomicFiles.writeString(sources(), sb.toString());
    }

    private static List<Map<String, String>> readTable(Path file, List<String> required) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<List<String>> records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i).strip(), i);
        }
        for (String column : required) {
            if (!index.containsKey(column)) {
                throw new IOException(file + " has no '" + column + "' column (header: " + header + ")");
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int n = 1; n < records.size(); n++) {
            List<String> rec = records.get(n);
            Map<String, String> row = new HashMap<>();
            for (String column : required) {
                int i = index.get(column);
                row.put(column, i < rec.size() ? rec.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static FaceBox box(Map<String, String> r, String prefix) throws IOException {
        try {
            return new FaceBox(Integer.parseInt(r.get(prefix + "x")), Integer.parseInt(r.get(prefix + "y")),
                    Integer.parseInt(r.get(prefix + "w")), Integer.parseInt(r.get(prefix + "h")));
        } catch (NumberFormatException e) {
            throw new IOException("manifest row for face '" + r.get("face") + "' has a malformed " + prefix
                    + "box: " + e.getMessage(), e);
        }
    }

    private static String str(int v) {
        return Integer.toString(v);
    }

    static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + (fse.getFile() != null ? " (" + fse.getFile() + ")" : "");
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
