package org.ganbench.ui.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ganbench.dataset.CropResult;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.dataset.SourceFiles;

/**
 * What a finished crop or import says to the user, in words (the content of its report.json): a headline, the
 * counts, and each failed file with its reason. A crop that found no face says so and what to try; one in which
 * files failed says how many in its headline, and is shown as a warning rather than as done.
 */
record ImportSummary(String headline, String details, List<String> failures, Path report, Outcome outcome) {
    /** How it went, for the banner's style: done, done but some files failed, or no face found at all. */
    enum Outcome { DONE, SOME_FAILED, NO_FACES }

    static ImportSummary of(CropResult r, boolean crop) {
        String folder = r.dataset().getFileName().toString();
        Path report = new DatasetFolder(r.dataset()).report();
        List<String> failures = r.failures().stream().map(ImportSummary::failure).toList();
        boolean datasetKept = Files.exists(r.dataset());
        if (r.facesWritten() == 0 && r.alreadyDone() == 0 && crop) {
            String headline = "No face was found in the " + count(r.imagesRead(), "image") + " of “" + folder + "”";
            String what = datasetKept ? "The empty dataset was kept, as asked." : "No dataset was made.";
            return new ImportSummary(headline, what + " Try a smaller minimum face size in the Detection preview, "
                    + "or, if these are faces already, File > Import already-cropped faces… (Ctrl+Shift+I)."
                    + (r.skippedSmall() > 0 ? "\n" + count(r.skippedSmall(), "face") + " smaller than the minimum "
                    + "face size skipped." : ""), failures, datasetKept ? report : null, Outcome.NO_FACES);
        }
        String headline = (crop ? "Cropped " : "Imported ") + count(r.facesWritten(), "face") + " into “" + folder
                + "”" + (failures.isEmpty() ? "" : ", " + count(failures.size(), "file") + " failed");
        StringBuilder d = new StringBuilder();
        d.append(count(r.imagesFound(), "image")).append(" found, ").append(count(r.imagesRead(), "read"))
                .append(r.alreadyDone() > 0 ? ", " + r.alreadyDone() + " already in the dataset" : "").append('\n');
        if (crop) {
            d.append(count(r.imagesWithoutFaces(), "image")).append(" without a face\n");
        }
        d.append(count(r.duplicates(), "near-duplicate")).append(" of earlier faces (marked, left out of training)\n");
        d.append(count(r.skippedSmall(), crop ? "face" : "image")).append(" below the minimum size skipped\n");
        d.append(failures.isEmpty() ? "no file failed" : count(failures.size(), "file") + " failed:");
        return new ImportSummary(headline, d.toString(), failures, report,
                failures.isEmpty() ? Outcome.DONE : Outcome.SOME_FAILED);
    }

    private static String failure(SourceFiles.Failure f) {
        return f.source() + ": " + f.reason();
    }

    /** "1 image", "2,400 images" (the words used are all regular plurals). */
    private static String count(int n, String noun) {
        return String.format("%,d %s", n, n == 1 || noun.equals("read") ? noun : noun + "s");
    }
}
