package org.ganbench.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.ganbench.common.Workspace;
import org.ganbench.dataset.CascadeLocator;
import org.ganbench.ui.common.DesktopFiles;
import org.ganbench.dataset.DatasetActions;

/** The desktop window. It only observes and commands the headless core. */
public final class GanBenchWindow extends Application {

    /** Kept outside the Application subclass's static init so that Main runs without JavaFX on the module path. */
    public static void launchWindow(String[] args) {
        Application.launch(GanBenchWindow.class, args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        Path settingsFile = AppSettings.defaultFile();
        AppSettings settings = AppSettings.load(settingsFile);
        // Double-clicked from anywhere: GANBENCH_HOME, a workspace as current folder, the last one, or ~/GanBench.
        Workspace workspace = Workspace.forDesktop(settings.lastWorkspace == null ? null
                : Path.of(settings.lastWorkspace));
        DatasetActions actions = new DatasetActions(workspace.datasets(),
                CascadeLocator.forWorkspace(workspace.root()), null);
        MainWindow window = new MainWindow(stage, workspace, settings, settingsFile, actions,
                DesktopFiles.of(getHostServices()));
        window.install();
        stage.show();
    }
}
