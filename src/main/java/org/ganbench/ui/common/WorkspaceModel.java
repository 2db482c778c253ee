package org.ganbench.ui.common;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ganbench.common.Workspace;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.train.RunFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace every view shows, in one place: its datasets and runs, the dataset chosen in the Datasets view, and
 * whether a trainer is running. A file watcher on {@code datasets/}, {@code runs/} and their folders keeps the lists
 * current, so a dataset made by the command line or another view appears everywhere without a click. Switching
 * {@link #workspace()} re-lists and re-watches.
 */
public final class WorkspaceModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceModel.class);
    /** Events closer together than this are one change (a crop writes many files; one re-listing is enough). */
    private static final long SETTLE_MILLIS = 250;

    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final ObservableList<Path> datasets = FXCollections.observableArrayList();
    private final ObservableList<Path> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Path> selectedDataset = new SimpleObjectProperty<>();
    private final BooleanProperty trainingActive = new SimpleBooleanProperty();
    private final StringProperty titleDetail = new SimpleStringProperty("");
    private final Executor fxThread;
    private Thread watcher;
    private WatchService watchService;

    /** A model whose watcher hands its changes to the JavaFX thread. */
    public WorkspaceModel(Workspace initial) {
        this(initial, Platform::runLater);
    }

    /** {@code fxThread} runs the list updates (tests without a window pass a direct executor). */
    public WorkspaceModel(Workspace initial, Executor fxThread) {
        this.fxThread = fxThread;
        workspace.set(initial);
        refresh();
        workspace.addListener((o, old, now) -> {
            if (now != null && !now.equals(old)) {
                selectedDataset.set(null);
                refresh();
                if (watcher != null) {
                    watch();
                }
            }
        });
    }

    public ObjectProperty<Workspace> workspace() {
        return workspace;
    }

    /** The dataset folders of the workspace, sorted by name. */
    public ObservableList<Path> datasets() {
        return datasets;
    }

    /** The run folders (with a config.json) of the workspace, sorted by name. */
    public ObservableList<Path> runs() {
        return runs;
    }

    /** The dataset chosen in the Datasets view (null: none); the Training form preselects it. */
    public ObjectProperty<Path> selectedDataset() {
        return selectedDataset;
    }

    /** True while the window's own trainer runs; the workspace cannot be switched then. */
    public BooleanProperty trainingActive() {
        return trainingActive;
    }

    /** What the window title says after the workspace (the run in view and its step), empty for nothing. */
    public StringProperty titleDetail() {
        return titleDetail;
    }

    /** Lists the workspace again now (changes only what changed, so selections bound to the lists survive). */
    public void refresh() {
        Listing now = list(workspace.get());
        apply(now);
    }

    private void apply(Listing now) {
        if (!datasets.equals(now.datasets())) {
            datasets.setAll(now.datasets());
        }
        if (!runs.equals(now.runs())) {
            runs.setAll(now.runs());
        }
    }

    private record Listing(List<Path> datasets, List<Path> runs) {
    }

    private static Listing list(Workspace ws) {
        List<Path> datasets = List.of();
        List<Path> runs = List.of();
        if (ws != null) {
            try {
                datasets = DatasetFolder.list(ws.datasets());
            } catch (IOException e) {
                LOG.warn("cannot list the datasets in {}", ws.datasets(), e);
            }
            try {
                runs = RunFolder.list(ws.runs()).stream().map(RunFolder::dir).toList();
            } catch (IOException e) {
                LOG.warn("cannot list the runs in {}", ws.runs(), e);
            }
        }
        return new Listing(datasets, runs);
    }

    /** Starts (or restarts, after a switch) the file watcher. */
    public synchronized void watch() {
        stopWatching();
        Workspace ws = workspace.get();
        try {
            watchService = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            LOG.warn("no file watcher; the lists refresh on F5 only", e);
            return;
        }
        WatchService service = watchService;
        watcher = new Thread(() -> watchLoop(ws, service), "ganbench-workspace-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watchLoop(Workspace ws, WatchService service) {
        try {
            register(ws, service);
            fxThread.execute(this::refresh); // whatever changed before the folders were registered
            while (true) {
                WatchKey key = service.take();
                // Let a burst of changes settle, then list once (at least once a second while a trainer writes).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                for (WatchKey more = key; more != null && System.nanoTime() < deadline;
                     more = service.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) {
                    more.pollEvents();
                    more.reset();
                }
                register(ws, service); // new dataset and run folders, and datasets/ or runs/ made since
                Listing now = list(ws);
                fxThread.execute(() -> {
                    if (ws.equals(workspace.get())) {
                        apply(now);
                    }
                });
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopped: the workspace was switched or the window closed
        }
    }

    /** Watches the root, datasets/, runs/ and each folder in them (a dataset becomes one when its faces arrive). */
    private static void register(Workspace ws, WatchService service) {
        List<Path> dirs = new ArrayList<>(List.of(ws.root(), ws.datasets(), ws.runs()));
        for (Path parent : List.of(ws.datasets(), ws.runs())) {
            if (Files.isDirectory(parent)) {
                try (var children = Files.list(parent)) {
                    children.filter(Files::isDirectory).forEach(dirs::add);
                } catch (IOException e) {
                    LOG.debug("cannot list {}", parent, e);
                }
            }
        }
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) {
                try {
                    // Registering a folder again returns its existing key.
                    dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                            StandardWatchEventKinds.ENTRY_MODIFY);
                } catch (IOException e) {
                    LOG.debug("cannot watch {}", dir, e);
                }
            }
        }
    }

    private void stopWatching() {
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.debug("closing the workspace watcher", e);
            }
            watchService = null;
        }
        if (watcher != null) {
            watcher.interrupt();
            watcher = null;
        }
    }

    @Override
    public synchronized void close() {
        stopWatching();
    }
}
