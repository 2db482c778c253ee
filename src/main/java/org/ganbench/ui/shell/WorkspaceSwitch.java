package org.ganbench.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import org.ganbench.common.Workspace;

/** File > Open workspace…: another folder becomes the workspace of every view, unless this window is training. */
final class WorkspaceSwitch {
    private final MainWindow window;

    WorkspaceSwitch(MainWindow window) {
        this.window = window;
    }

    /** Asks for the folder, refused with the reason while a trainer of this window runs. */
    void choose() {
        if (window.model().trainingActive().get() || window.views().training().isTraining()) {
            window.tasks().report("Open workspace", new IllegalStateException("Training is running in this "
                    + "workspace: stop it first (Training view, Stop), then open the other workspace."));
            return;
        }
        Path dir = window.folders().choose("Workspace folder to open",
                window.model().workspace().get().root().toString());
        if (dir != null) {
            open(dir);
        }
    }

    /** Switches every view to the workspace at {@code dir} (made a workspace when it is not one yet). */
    void open(Path dir) {
        Workspace workspace;
        try {
            workspace = Workspace.create(dir);
        } catch (IOException e) {
            window.tasks().report("Cannot open the workspace " + dir, e);
            return;
        }
        window.model().workspace().set(workspace);
        window.settings().lastWorkspace = workspace.root().toString();
        window.settings().lastRunFolder = null;
        window.tasks().say("Workspace: " + workspace.root());
    }
}
