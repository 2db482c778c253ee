package org.ganbench.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.FaceSet;

/**
 * The faces a run trains on, with the hash that config.json records so that a resumed run can tell whether its
 * dataset changed.
 *
 * @param folder a dataset folder ({@code manifest.csv} + {@code faces/}) or a plain folder of images
 * @param sha256 SHA-256 of manifest.csv, or of the sorted list of relative file names for a plain folder
 */
public record TrainingData(Path folder, FaceSet faces, String sha256) {

    /**
     * Loads a dataset folder (the faces its manifest lists, near-duplicates left out) or, without a manifest, every
     * image below the folder, at {@code side} pixels.
     */
    public static TrainingData load(Path folder, int side, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        requireFolder(folder);
        Path manifest = folder.resolve("manifest.csv");
        if (Files.isRegularFile(manifest)) {
            byte[] manifestBytes = Files.readAllBytes(manifest);
            List<Path> files = manifestFaces(folder, new String(manifestBytes, StandardCharsets.UTF_8));
            FaceSet faces = FaceSet.loadFiles(folder.resolve("faces"), files, side, progress, cancel);
            return new TrainingData(folder, faces, sha256(manifestBytes));
        }
        FaceSet faces = FaceSet.loadFolder(folder, side, progress, cancel);
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < faces.count(); i++) {
            list.append(faces.name(i)).append('\n');
        }
        return new TrainingData(folder, faces, sha256(list.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static void requireFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("dataset not found: " + folder + " is not a folder");
        }
    }

    /** The files of the faces that are not near-duplicates of another, in manifest order. */
    private static List<Path> manifestFaces(Path folder, String manifest) throws IOException {
        List<String> lines = manifest.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IOException("empty manifest: " + folder.resolve("manifest.csv"));
        }
        List<String> header = Csv.parseLine(lines.get(0));
        int faceColumn = header.indexOf("face");
        int duplicateColumn = header.indexOf("duplicate_of");
        if (faceColumn < 0) {
            throw new IOException("manifest.csv has no 'face' column: " + folder.resolve("manifest.csv"));
        }
        List<Path> files = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = Csv.parseLine(line);
            boolean duplicate = duplicateColumn >= 0 && duplicateColumn < cells.size()
                    && !cells.get(duplicateColumn).isEmpty();
            if (!duplicate && faceColumn < cells.size()) {
                files.add(folder.resolve("faces").resolve(cells.get(faceColumn)));
            }
        }
        return files;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this Java", e);
        }
    }
}
