package org.ganbench.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * What a crop or import run did.
 *
 * @param imagesFound  image files found under the input folder
 * @param imagesRead   images decoded in this run (sources already done are not read again)
 * @param alreadyDone  sources skipped because an earlier run (or an identical file) already processed them
 * @param facesWritten faces written in this run, duplicates included
 * @param duplicates   of those, near-duplicates of an earlier face (flagged, left out of training by default)
 * @param skippedSmall faces (or imported images) below the minimum face size
 * @param imagesWithoutFaces images read in which the detector found no face at all
 * @param failures     every file that could not be used, with its reason
 * @param cancelled    true when the run was cancelled before every file was processed
 */
public record CropResult(Path dataset, int imagesFound, int imagesRead, int alreadyDone, int facesWritten,
                         int duplicates, int skippedSmall, int imagesWithoutFaces, List<SourceFiles.Failure> failures,
                         boolean cancelled,
                         double seconds) {
    public CropResult {
        failures = List.copyOf(failures);
    }

    public double imagesPerSecond() {
        return seconds > 0 ? imagesRead / seconds : 0;
    }

    public double facesPerSecond() {
        return seconds > 0 ? facesWritten / seconds : 0;
    }

    /** A few lines for the end of a run. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s: %d image files found, %d read, %d already done; %d faces written "
                        + "(%d near-duplicates flagged), %d images without a face, %d small faces skipped, %d failed; "
                        + "%.1f s, %.1f images/s, %.1f faces/s%n", cancelled ? "cancelled" : "done", imagesFound,
                imagesRead, alreadyDone, facesWritten, duplicates, imagesWithoutFaces, skippedSmall, failures.size(), seconds, imagesPerSecond(), facesPerSecond()));
        for (SourceFiles.Failure f : failures) {
            sb.append("  failed: ").append(f.source()).append(": ").append(f.reason()).append(System.lineSeparator());
        }
        sb.append("dataset: ").append(dataset);
        return sb.toString();
    }
}
