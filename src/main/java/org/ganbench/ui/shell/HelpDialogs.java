package org.ganbench.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.cell.PropertyValueFactory;
import javafx.stage.Window;
import org.ganbench.common.AppLog;
import org.ganbench.common.UserDirs;
import org.ganbench.common.Versions;
import org.ganbench.common.Workspace;
import org.ganbench.train.ComputeBackend;
import org.ganbench.ui.common.BackgroundTasks;

/** Help > About GanBench (versions, compute backend, where things are kept) and Help > Keyboard shortcuts. */
final class HelpDialogs {
    private HelpDialogs() {
    }

    /** What the About box says; {@code device} is filled in once ND4J has loaded. */
    static String about(Workspace workspace, Path windowSettings, String device) {
        UserDirs dirs = UserDirs.fromEnvironment();
        return String.join("\n",
                "GanBench " + Versions.ganbench(),
                "Java " + Versions.java(),
                "Deeplearning4j / ND4J " + Versions.deeplearning4j(),
                "Compute: " + device,
                "",
                "Workspace: " + workspace.root(),
                "Settings: " + dirs.settingsFile() + "  (window: " + windowSettings + ")",
                "Cache (face cascade): " + dirs.cache(),
                "Log: " + AppLog.file());
    }

    static void showAbout(Window owner, Workspace workspace, Path windowSettings, BackgroundTasks tasks) {
        TextArea text = new TextArea(about(workspace, windowSettings, "finding out…"));
        text.setId("about-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(10);
        text.setPrefColumnCount(70);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About GanBench");
        alert.setHeaderText("GanBench " + Versions.ganbench() + ": a workbench for anime-face GAN experiments");
        alert.getDialogPane().setId("about");
        alert.getDialogPane().setContent(text);
        alert.show();
        // Loading ND4J's native backend takes seconds: the box opens at once and names the device when known.
        Task<String> device = new Task<>() {
            {
                updateTitle("Finding the compute backend");
            }

            @Override
            protected String call() {
                return ComputeBackend.describe();
            }
        };
        device.setOnSucceeded(e -> text.setText(about(workspace, windowSettings, device.getValue())));
        tasks.run(device);
    }

    /** One shortcut of the menus: what it does and its keys. */
    public record Shortcut(String action, String keys) {
        public String getAction() {
            return action;
        }

        public String getKeys() {
            return keys;
        }
    }

    /** Every menu item with an accelerator, read from the menus themselves so that the list cannot go stale. */
    static List<Shortcut> shortcuts(MenuBar menus) {
        List<Shortcut> out = new ArrayList<>();
        for (Menu menu : menus.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null) {
                    out.add(new Shortcut(menu.getText().replace("_", "") + " > " + item.getText(),
                            item.getAccelerator().getDisplayText()));
                }
            }
        }
        out.add(new Shortcut("Gallery: add a face to the selection", "Ctrl+click"));
        out.add(new Shortcut("Gallery: select a range of faces", "Shift+click"));
        return out;
    }

    static void showShortcuts(Window owner, MenuBar menus) {
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcuts");
        TableColumn<Shortcut, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(new PropertyValueFactory<>("action"));
        action.setPrefWidth(380);
        TableColumn<Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(new PropertyValueFactory<>("keys"));
        keys.setPrefWidth(160);
        table.getColumns().add(action);
        table.getColumns().add(keys);
        table.getItems().setAll(shortcuts(menus));
        table.setPrefSize(580, 460);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(table);
        alert.getDialogPane().setExpandableContent(new Label("Face actions act only while the gallery is in view; "
                + "the Inspect menu's only while Inspect is."));
        alert.show();
    }
}
