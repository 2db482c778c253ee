package org.ganbench.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.ganbench.TestImages;
import org.ganbench.train.MetricsRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderWatcherTest {
    @TempDir
    Path run;

    @Test
    void reportsWhatIsNewAtEachLookAndAProblemOnlyOnce() throws IOException {
        List<MonitorEvent> events = new ArrayList<>();
        RunFolderWatcher w = new RunFolderWatcher(run, e -> {
            if (!(e instanceof MonitorEvent.Activity)) {
                events.add(e);
            }
        });
        w.poll();
        assertEquals(List.of(), events, "nothing written yet");

        Path metrics = run.resolve("metrics.csv");
        Files.writeString(metrics, String.join(",", MetricsRow.COLUMNS) + "\n1,0.1,1,1,,0.5,0.5,1,9\n");
        TestImages.writeGrid(run.resolve("samples/step_000001.png"), 1);
        w.poll();
        assertEquals(2, events.size());
        assertEquals(1, ((MonitorEvent.Metrics) events.get(0)).rows().size());
        assertEquals(1, ((MonitorEvent.Sample) events.get(1)).step());

        Files.writeString(metrics, "2,0.2,1,1,,0.5,0.5,1,9\n", StandardOpenOption.APPEND);
        TestImages.writeGrid(run.resolve("samples/step_000002.png"), 2);
        w.poll();
        assertEquals(4, events.size());
        assertEquals(2, ((MonitorEvent.Metrics) events.get(2)).rows().get(0).step());
        assertEquals(2, ((MonitorEvent.Sample) events.get(3)).step());

        Files.writeString(metrics, "3,0.3,broken,1,,0.5,0.5,1,9\n", StandardOpenOption.APPEND);
        w.poll();
        w.poll();
        assertEquals(5, events.size(), "the same problem is reported once");
        assertTrue(assertInstanceOf(MonitorEvent.Problem.class, events.get(4)).message().contains("broken"));
    }

    @Test
    void reportsTheRunsActivityWhenItChanges() throws IOException {
        List<RunActivity> said = new ArrayList<>();
        RunFolderWatcher w = new RunFolderWatcher(run, e -> {
            if (e instanceof MonitorEvent.Activity a) {
                said.add(a.activity());
            }
        });
        w.poll();
        org.ganbench.ui.RunFolders.writeStatus(run, org.ganbench.train.RunStatus.running(5));
        w.poll();
        w.poll();
        org.ganbench.ui.RunFolders.writeStatus(run, new org.ganbench.train.RunStatus(
                org.ganbench.train.RunStatus.State.STOPPED, 7, ""));
        w.poll();
        assertEquals(List.of("not started", "running", "stopped at step 7 (checkpoint kept)"),
                said.stream().map(RunActivity::label).toList(), "each change once");
    }
}
