package org.ganbench.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ganbench.common.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared model of the workspace: listing, refreshing, watching and switching, without a window. */
class WorkspaceModelTest {
    @TempDir
    Path tmp;

    private static Path dataset(Path datasets, String name) throws Exception {
        return Files.createDirectories(datasets.resolve(name).resolve("faces")).getParent();
    }

    private static Path run(Path runs, String id) throws Exception {
        Path dir = Files.createDirectories(runs.resolve(id));
        Files.writeString(dir.resolve("config.json"), "{}");
        return dir;
    }

    @Test
    void refreshListsDatasetsAndRunsSortedAndOnlyWhatIsOne() throws Exception {
        Workspace ws = Workspace.create(tmp.resolve("ws"));
        Path b = dataset(ws.datasets(), "b");
        Path a = dataset(ws.datasets(), "a");
        Files.createDirectories(ws.datasets().resolve("not-a-dataset"));
        try (WorkspaceModel model = new WorkspaceModel(ws, Runnable::run)) {
            assertEquals(List.of(a, b), model.datasets());
            assertTrue(model.runs().isEmpty());
            Path r = run(ws.runs(), "dragan-1");
            model.refresh();
            assertEquals(List.of(r), model.runs());
        }
    }

    @Test
    void aDatasetMadeElsewhereAppearsWithoutARefresh() throws Exception {
        Workspace ws = Workspace.create(tmp.resolve("ws"));
        try (WorkspaceModel model = new WorkspaceModel(ws, Runnable::run)) {
            model.watch();
            Thread.sleep(300); // the watcher registers its folders
            Path made = dataset(ws.datasets(), "from-the-cli");
            Path r = run(ws.runs(), "sngan-2");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((!model.datasets().contains(made) || !model.runs().contains(r)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of(made), List.copyOf(model.datasets()));
            assertEquals(List.of(r), List.copyOf(model.runs()));
        }
    }

    @Test
    void switchingTheWorkspaceRelistsAndForgetsTheSelection() throws Exception {
        Workspace first = Workspace.create(tmp.resolve("one"));
        Workspace second = Workspace.create(tmp.resolve("two"));
        Path a = dataset(first.datasets(), "a");
        Path z = dataset(second.datasets(), "z");
        try (WorkspaceModel model = new WorkspaceModel(first, Runnable::run)) {
            model.selectedDataset().set(a);
            model.workspace().set(second);
            assertEquals(List.of(z), model.datasets());
            assertEquals(null, model.selectedDataset().get());
        }
    }
}
