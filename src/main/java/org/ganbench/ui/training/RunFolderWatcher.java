package org.ganbench.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ganbench.train.MetricsRow;
import org.ganbench.train.MetricsTail;
import org.ganbench.train.RunFolder;
import org.ganbench.ui.common.ErrorMessages;

/**
 * Follows a run folder that a trainer (this window's, the CLI's, another machine's over a shared disk) is writing:
 * polls {@code metrics.csv}, {@code samples/} and {@code status.json} on its own daemon thread and reports what is new
 * as {@link MonitorEvent}s. The first poll reports everything already there. A status that says running while no
 * process writes the run any more is reported as interrupted.
 */
public final class RunFolderWatcher implements AutoCloseable {
    private final Path run;
    private final Consumer<MonitorEvent> sink;
    private final MetricsTail metrics;
    private long lastSampleStep = -1;
    private RunActivity lastActivity;
    private String lastProblem;
    private ScheduledExecutorService executor;

    public RunFolderWatcher(Path run, Consumer<MonitorEvent> sink) {
        this.run = run;
        this.sink = sink;
        this.metrics = new MetricsTail(new RunFolder(run).metricsFile());
    }

    /** Polls now and then every {@code periodMillis}. */
    public synchronized void start(long periodMillis) {
        if (executor != null) {
            throw new IllegalStateException("already watching " + run);
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-watcher " + run.getFileName());
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::poll, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** One look at the folder (the scheduled task; also called directly by tests). */
    synchronized void poll() {
        try {
            List<MetricsRow> rows = metrics.poll();
            if (!rows.isEmpty()) {
                sink.accept(new MonitorEvent.Metrics(rows));
            }
            NavigableMap<Long, Path> samples = new RunFolder(run).samplesByStep().tailMap(lastSampleStep, false);
            for (Map.Entry<Long, Path> e : samples.entrySet()) {
                sink.accept(new MonitorEvent.Sample(e.getKey(), e.getValue()));
                lastSampleStep = e.getKey();
            }
            RunActivity activity = RunActivity.of(new RunFolder(run).status(), System.currentTimeMillis());
            if (!activity.equals(lastActivity)) {
                lastActivity = activity;
                sink.accept(new MonitorEvent.Activity(activity));
            }
            lastProblem = null;
        } catch (IOException | RuntimeException e) {
            String message = ErrorMessages.of(e);
            if (!message.equals(lastProblem)) {
                lastProblem = message;
                sink.accept(new MonitorEvent.Problem(message));
            }
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
