package org.ganbench.ui;

import java.io.IOException;
import java.nio.file.Path;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;

/**
 * What the window asks of the dataset core when folders are dropped or chosen: turn a source folder into a dataset
 * under the workspace, reporting progress and honouring cancellation, and say where it went. Wired in
 * {@link GanBenchWindow} (today the import of pre-cropped faces; the crop job plugs in here).
 */
@FunctionalInterface
public interface DatasetActions {
    /** Builds a dataset from {@code source}; called on a worker thread. Returns the new dataset folder. */
    Path importFolder(Path source, ProgressListener progress, CancellationToken cancel) throws IOException;
}
