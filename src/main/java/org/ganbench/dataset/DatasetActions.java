package org.ganbench.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.CascadeFetcher;
import org.ganbench.dataset.CascadeLocator;
import org.ganbench.dataset.CropJob;
import org.ganbench.dataset.CropResult;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.dataset.SourceFiles;
import org.ganbench.train.TrainingConfig;

/**
 * What the window asks of the dataset core when folders are dropped or chosen: the crop job (detect and crop faces)
 * or the import of already-cropped faces, into {@code datasets/<folder name>}. A folder added again extends its own
 * dataset (only new images are processed). Called on a worker thread.
 */
public final class DatasetActions {
    private final Path datasetsDir;
    private final CascadeLocator locator;
    private final Path explicitCascade;

    /** {@code explicitCascade} (may be null) wins over the locator's search, as {@code --cascade} does. */
    public DatasetActions(Path datasetsDir, CascadeLocator locator, Path explicitCascade) {
        this.datasetsDir = datasetsDir;
        this.locator = locator;
        this.explicitCascade = explicitCascade;
    }

    /** The cascade file; a {@link CascadeLocator.CascadeNotFoundException} lists where it was looked for. */
    public Path cascade() throws IOException {
        return locator.locate(explicitCascade);
    }

    /** Downloads the cascade into the user cache, where {@link #cascade()} finds it next. */
    public Path fetchCascade() throws IOException {
        return CascadeFetcher.canonical().fetchInto(locator.cacheFile());
    }

    /** Detects the faces of the illustrations under {@code source} and crops them; returns the dataset folder. */
    public Path cropFaces(Path source, double margin, int minFace, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        Path cascade = cascade();
        DatasetFolder target = destination(source);
        return finish(CropJob.detectFaces(source, target.root(), cascade, options(margin, minFace))
                .run(progress, cancel));
    }

    /** Takes every image under {@code source} as one face (squared, resized); returns the dataset folder. */
    public Path importFaces(Path source, ProgressListener progress, CancellationToken cancel) throws IOException {
        DatasetFolder target = destination(source);
        return finish(CropJob.importFaces(source, target.root(), options(0, 0)).run(progress, cancel));
    }

    private static CropJob.Options options(double margin, int minFace) {
        CropJob.Options d = CropJob.Options.DEFAULTS;
        return new CropJob.Options(margin, minFace, TrainingConfig.SIDE, d.threads(), d.duplicateThreshold(),
                d.maxPixels(), d.detection());
    }

    /** Refuses a folder without images before a dataset folder is made for it. */
    private DatasetFolder destination(Path source) throws IOException {
        DatasetFolder target = DatasetFolder.forSource(datasetsDir, source);
        if (SourceFiles.scan(source, target.root()).files().isEmpty()) {
            throw new IOException("no images (JPEG, PNG, WebP, BMP, GIF) in " + source);
        }
        return target;
    }

    /** A cancelled job keeps the faces done so far (adding the folder again resumes), but is no success. */
    private static Path finish(CropResult result) {
        if (result.cancelled()) {
            throw new CancellationException("cancelled; " + result.facesWritten() + " faces kept in "
                    + result.dataset());
        }
        return result.dataset();
    }
}
