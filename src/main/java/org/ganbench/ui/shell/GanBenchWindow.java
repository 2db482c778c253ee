package org.ganbench.ui.shell;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.ganbench.common.Workspace;
import org.ganbench.dataset.CascadeLocator;
import org.ganbench.dataset.DatasetActions;

/** The desktop window. It only observes and commands the headless core. */
public final class GanBenchWindow extends Application {

    /** Kept outside the Application subclass's static init so that Main runs without JavaFX on the module path. */
    public static void launchWindow(String[] args) {
        Application.launch(GanBenchWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        Workspace workspace = Workspace.current();
        Path settingsFile = AppSettings.defaultFile();
        DatasetActions actions = new DatasetActions(workspace.datasets(), CascadeLocator.standard(), null);
        MainWindow window = new MainWindow(stage, workspace, AppSettings.load(settingsFile), settingsFile, actions,
                file -> getHostServices().showDocument(file.toUri().toString()));
        window.install();
        stage.show();
    }
}
