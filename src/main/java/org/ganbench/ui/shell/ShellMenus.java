package org.ganbench.ui.shell;

import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.ganbench.ui.datasets.DatasetsController;

/**
 * The window's menu bar and its shortcuts: File, Edit (the gallery's), View, Inspect and Help. Actions of one view
 * act only while it is in view (Delete must not reject faces one cannot see). Help > Keyboard shortcuts lists what
 * is built here.
 */
final class ShellMenus {
    private final MainWindow window;

    private ShellMenus(MainWindow window) {
        this.window = window;
    }

    static MenuBar build(MainWindow window) {
        ShellMenus menus = new ShellMenus(window);
        MenuBar bar = new MenuBar(menus.file(), menus.edit(), menus.view(), menus.inspect(), menus.help());
        bar.setId("menu-bar");
        return bar;
    }

    private Menu file() {
        FolderChoosers folders = window.folders();
        RunExportActions exports = window.exports();
        return new Menu("_File", null,
                item("Open workspace…", "Shortcut+Shift+W", window.workspaces()::choose),
                new SeparatorMenuItem(),
                item("Crop faces from a folder of illustrations…", "Shortcut+I", folders::cropFolder),
                item("Import already-cropped faces…", "Shortcut+Shift+I", folders::croppedFacesFolder),
                item("Open run…", "Shortcut+O", folders::runToMonitor),
                item("Add run to comparison…", "Shortcut+Shift+O", folders::runToCompare),
                item("Experiment matrix…", "Shortcut+E", () -> {
                    window.show(MainWindow.View.COMPARE);
                    window.views().experiments().expand();
                }),
                item("Open experiment…", "Shortcut+Shift+E", folders::experiment),
                new SeparatorMenuItem(),
                item("Export grid…", "Shortcut+Shift+G", exports::chooseGrid),
                item("Export curves…", "Shortcut+Shift+C", exports::chooseCurves),
                item("Export timelapse of the run…", "Shortcut+T", window.views().monitor()::chooseTimelapse),
                new SeparatorMenuItem(),
                item("Make demo dataset", "Shortcut+Shift+D", () -> {
                    window.show(MainWindow.View.DATASETS);
                    window.views().datasets().jobs().demo(DatasetsController.DEMO_FACES);
                }),
                item("Refresh datasets and runs", "F5", window.model()::refresh),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", window::requestClose));
    }

    private Menu edit() {
        DatasetsController datasets = window.views().datasets();
        MenuItem reject = item("Reject selected faces", "Delete", datasets::rejectSelected);
        MenuItem undo = item("Undo reject", "Shortcut+Z", datasets::undoReject);
        MenuItem selectAll = item("Select all faces", "Shortcut+A", datasets::selectAll);
        MenuItem source = item("Open source image", "Shortcut+Enter", datasets::openSourceOfSelection);
        BooleanBinding galleryHidden = window.notInView(MainWindow.View.DATASETS);
        for (MenuItem item : List.of(reject, selectAll, source)) {
            item.disableProperty().bind(galleryHidden);
        }
        undo.disableProperty().bind(datasets.canUndoProperty().not().or(galleryHidden));
        return new Menu("_Edit", null, reject, undo, selectAll, source);
    }

    private Menu view() {
        return new Menu("_View", null,
                item("Datasets", "Shortcut+1", () -> window.show(MainWindow.View.DATASETS)),
                item("Training", "Shortcut+2", () -> window.show(MainWindow.View.TRAINING)),
                item("Compare", "Shortcut+3", () -> window.show(MainWindow.View.COMPARE)),
                item("Inspect", "Shortcut+4", () -> window.show(MainWindow.View.INSPECT)));
    }

    private Menu inspect() {
        MenuItem open = item("Inspect a run…", "Shortcut+Shift+N", window.folders()::runToInspect);
        MenuItem generate = item("Generate strips and walks", "Shortcut+G", window.views().inspect()::generate);
        MenuItem newSeeds = item("New seeds", "Shortcut+R", window.views().inspect()::newSeeds);
        MenuItem saveStrip = item("Save interpolation strip…", "Shortcut+S", () -> window.views().inspect().save(true));
        MenuItem saveWalk = item("Save walk…", "Shortcut+Shift+S", () -> window.views().inspect().save(false));
        BooleanBinding inspectHidden = window.notInView(MainWindow.View.INSPECT);
        for (MenuItem item : List.of(generate, newSeeds, saveStrip, saveWalk)) {
            item.disableProperty().bind(inspectHidden);
        }
        return new Menu("_Inspect", null, open, generate, newSeeds, saveStrip, saveWalk);
    }

    private Menu help() {
        return new Menu("_Help", null,
                item("About GanBench", "F1", () -> HelpDialogs.showAbout(window.stage(),
                        window.model().workspace().get(), window.settingsFile(), window.tasks())),
                item("Keyboard shortcuts", "Shortcut+Slash", () -> HelpDialogs.showShortcuts(window.stage(),
                        window.menuBar())));
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }
}
