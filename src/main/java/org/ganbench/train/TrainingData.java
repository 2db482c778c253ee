package org.ganbench.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.Sha256;
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
            FaceSet faces = FaceSet.loadDataset(folder, side, false, progress, cancel);
            return new TrainingData(folder, faces, Sha256.hex(Files.readAllBytes(manifest)));
        }
        FaceSet faces = FaceSet.loadFolder(folder, side, progress, cancel);
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < faces.count(); i++) {
            list.append(faces.name(i)).append('\n');
        }
        return new TrainingData(folder, faces, Sha256.hex(list.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static void requireFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("dataset not found: " + folder + " is not a folder");
        }
    }
}
