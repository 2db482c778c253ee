package org.ganbench.ui.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.ganbench.common.Workspace;
import org.ganbench.dataset.DatasetActions;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.DesktopFiles;
import org.ganbench.ui.common.WorkspaceModel;

/**
 * The application shell: the Datasets / Training / Compare / Inspect views (one controller each) in tabs, the status
 * line, and the parts around them: the menus ({@link ShellMenus}), folder dialogs ({@link FolderChoosers}),
 * drag-and-drop ({@link FolderDrop}), workspace switching ({@link WorkspaceSwitch}), exports, the title
 * ({@link WindowTitle}) and the remembered geometry ({@link WindowGeometry}).
 */
public final class MainWindow {
    public enum View { DATASETS, TRAINING, COMPARE, INSPECT }

    private final Stage stage;
    private final AppSettings settings;
    private final Path settingsFile;
    private final BackgroundTasks tasks;
    private final WorkspaceModel model;
    private final ShellViews views;
    private final RunExportActions exports;
    private final FolderChoosers folders = new FolderChoosers(this);
    private final FolderDrop drop = new FolderDrop(this);
    private final WorkspaceSwitch workspaces = new WorkspaceSwitch(this);
    private final TabPane tabs = new TabPane();
    private final MenuBar menuBar;
    private final Scene scene;

    public MainWindow(Stage stage, Workspace workspace, AppSettings settings, Path settingsFile,
                      DatasetActions actions, DesktopFiles files) {
        this.stage = stage;
        this.settings = settings;
        this.settingsFile = settingsFile;
        this.tasks = new BackgroundTasks(() -> stage);
        this.model = new WorkspaceModel(workspace);
        views = ShellViews.create(stage, model, tasks, actions, files, folders, settings);
        exports = new RunExportActions(stage, this::exportTarget, tasks);

        tabs.setId("views");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(views.tabs());
        menuBar = ShellMenus.build(this);
        BorderPane root = new BorderPane(tabs);
        root.setTop(menuBar);
        root.setBottom(statusLine());
        scene = new Scene(root, settings.width, settings.height);
        scene.getStylesheets().add(MainWindow.class.getResource("/org/ganbench/ui/ganbench.css").toExternalForm());
        drop.install(scene);
    }

    /** The last thing said or the last error; with nothing to say, where the work goes and how to start. */
    private Label statusLine() {
        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("status-line");
        status.textProperty().bind(Bindings.createStringBinding(() -> tasks.status().get().isEmpty()
                ? "Workspace: " + model.workspace().get().root()
                + "   (drop folders of illustrations onto the window to crop their faces)" : tasks.status().get(),
                tasks.status(), model.workspace()));
        return status;
    }

    public Scene scene() {
        return scene;
    }

    public void show(View view) {
        tabs.getSelectionModel().select(view.ordinal());
    }

    /** True while {@code view} is not the one in view (its menu actions are disabled then). */
    BooleanBinding notInView(View view) {
        return tabs.getSelectionModel().selectedIndexProperty().isNotEqualTo(view.ordinal());
    }

    /** The views, one controller each. */
    public ShellViews views() {
        return views;
    }

    public RunExportActions exports() {
        return exports;
    }

    /** What the Export menu exports: the monitor's run and grid in the Training view, else the comparison's. */
    public RunExportActions.Target exportTarget() {
        if (tabs.getSelectionModel().getSelectedIndex() == View.TRAINING.ordinal()) {
            Path run = views.monitor().run();
            return run == null ? null : new RunExportActions.Target(run, views.monitor().shownStep());
        }
        Path run = views.compare().exportRun();
        return run == null ? null : new RunExportActions.Target(run, views.compare().shownStep(run));
    }

    /**
     * Opens dropped (or chosen) folders: run folders in the monitor (several in the comparison), other folders are
     * cropped into datasets; plain files are ignored. Returns whether anything was accepted.
     */
    public boolean openDropped(List<File> files) {
        return drop.open(files);
    }

    FolderChoosers folders() {
        return folders;
    }

    FolderDrop drop() {
        return drop;
    }

    WorkspaceSwitch workspaces() {
        return workspaces;
    }

    Stage stage() {
        return stage;
    }

    AppSettings settings() {
        return settings;
    }

    Path settingsFile() {
        return settingsFile;
    }

    MenuBar menuBar() {
        return menuBar;
    }

    /** The background-task pool and status line every view shares. */
    public BackgroundTasks tasks() {
        return tasks;
    }

    /** The workspace's datasets and runs, shared by every view. */
    public WorkspaceModel model() {
        return model;
    }

    /** Titles and places the stage as last time, watches the workspace, and closes cleanly. */
    public void install() {
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> WindowTitle.of(model.workspace().get().root(), model.titleDetail().get()), model.workspace(),
                model.titleDetail()));
        stage.setScene(scene);
        WindowGeometry.restore(stage, settings);
        model.watch();
        // A running trainer is stopped first, with a checkpoint of the step it is on; then the window closes.
        stage.setOnCloseRequest(e -> {
            if (views.training().isTraining()) {
                e.consume();
                requestClose();
            }
        });
        stage.setOnHidden(e -> close());
    }

    /** Closes the window, first stopping a running trainer with a checkpoint of the step it is on. */
    void requestClose() {
        if (views.training().isTraining()) {
            tasks.say("Stopping training (checkpoint of the current step) before closing…");
        }
        views.training().stopThen(stage::close);
    }

    /** Stops background work and remembers the window (called when the stage closes). */
    public void close() {
        WindowGeometry.remember(stage, settings);
        views.close();
        model.close();
        tasks.shutdown();
        try {
            settings.save(settingsFile);
        } catch (IOException e) {
            System.err.println("could not save window settings to " + settingsFile + ": " + e.getMessage());
        }
    }
}
