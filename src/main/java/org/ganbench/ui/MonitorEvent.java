package org.ganbench.ui;

import java.nio.file.Path;
import java.util.List;
import org.ganbench.train.MetricsRow;

/**
 * What the training monitor is told: new metrics rows and newly saved sample grids, from tailing a run folder
 * ({@link RunFolderWatcher}) or from a trainer's events ({@link LiveTraining}).
 */
public sealed interface MonitorEvent {
    record Metrics(List<MetricsRow> rows) implements MonitorEvent {
    }

    record Sample(long step, Path file) implements MonitorEvent {
    }

    /** A problem reading the run (shown once, watching continues). */
    record Problem(String message) implements MonitorEvent {
    }
}
