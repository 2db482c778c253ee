package org.ganbench.ui.training;

import java.nio.file.Path;
import java.util.List;
import org.ganbench.train.MetricsRow;

/**
 * What the training monitor is told: new metrics rows, newly saved sample grids and what the run is doing, from
 * tailing a run folder ({@link RunFolderWatcher}) or from a trainer's events ({@link LiveTraining}).
 */
public sealed interface MonitorEvent {
    record Metrics(List<MetricsRow> rows) implements MonitorEvent {
    }

    record Sample(long step, Path file) implements MonitorEvent {
    }

    /** The run's activity changed (running, paused, stopped, interrupted…). */
    record Activity(RunActivity activity) implements MonitorEvent {
    }

    /** The trainer warns of something that will stop the run unless the user acts (e.g. little disk space left). */
    record Warning(String message) implements MonitorEvent {
    }

    /** A problem reading the run (shown once, watching continues). */
    record Problem(String message) implements MonitorEvent {
    }
}
