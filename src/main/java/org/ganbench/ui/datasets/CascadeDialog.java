package org.ganbench.ui.datasets;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.concurrent.Task;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ganbench.dataset.CascadeFetcher;
import org.ganbench.dataset.CascadeLocator;
import org.ganbench.dataset.DatasetActions;
import org.ganbench.ui.common.BackgroundTasks;
import org.ganbench.ui.common.ErrorMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the face detector's cascade is there before a crop starts: when it is missing, a dialog offers Choose
 * file… (a downloaded lbpcascade_animeface.xml, checked against the genuine file's SHA-256 and copied into the user
 * cache), Fetch (download) and Cancel; the crop asked for goes on once the cascade is found.
 */
public final class CascadeDialog {
    private static final Logger LOG = LoggerFactory.getLogger(CascadeDialog.class);
    static final ButtonType CHOOSE = new ButtonType("Choose file…", ButtonBar.ButtonData.LEFT);
    static final ButtonType FETCH = new ButtonType("Fetch", ButtonBar.ButtonData.OK_DONE);

    private final BackgroundTasks tasks;
    private Function<Window, File> chooseFile = CascadeDialog::showFileChooser;

    CascadeDialog(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    /** How Choose file… picks the file (a file chooser; tests pick theirs). */
    void chooseFileWith(Function<Window, File> chooser) {
        this.chooseFile = chooser;
    }

    /** Runs {@code then} now when {@code actions} finds the cascade, else after the dialog has found it. */
    void ensure(Window owner, DatasetActions actions, Runnable then) {
        if (actions.hasCascade()) {
            then.run();
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("GanBench");
        dialog.setHeaderText("The face detector's cascade file is missing");
        dialog.getDialogPane().setId("missing-cascade");
        dialog.getDialogPane().getButtonTypes().addAll(CHOOSE, FETCH, ButtonType.CANCEL);
        Label explain = new Label("GanBench finds faces with " + CascadeLocator.FILE_NAME + " (247 kB, from "
                + "nagadomi/lbpcascade_animeface on GitHub). Choose a copy you have downloaded, or fetch it now; "
                + "either way it is checked and kept in your cache folder, and the crop goes on.");
        explain.setWrapText(true);
        Label problem = new Label();
        problem.setId("cascade-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setVisible(false);
        VBox content = new VBox(10, explain, problem);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);
        Button choose = (Button) dialog.getDialogPane().lookupButton(CHOOSE);
        Button fetch = (Button) dialog.getDialogPane().lookupButton(FETCH);
        choose.setId("cascade-choose");
        fetch.setId("cascade-fetch");
        // Both buttons keep the dialog open until the cascade is there; a failure is said inside it.
        choose.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            File file = chooseFile.apply(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                found(dialog, problem, then, () -> actions.useCascadeFile(file.toPath()), "Cascade");
            }
        });
        fetch.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            problem.setText("Fetching " + CascadeFetcher.CANONICAL_SOURCE + " …");
            problem.setVisible(true);
            found(dialog, problem, then, actions::fetchCascade, "Fetch");
        });
        dialog.show();
    }

    @FunctionalInterface
    private interface CascadeSource {
        Path get() throws Exception;
    }

    /** Gets the cascade from {@code source} in the background; on success closes the dialog and goes on. */
    private void found(Dialog<ButtonType> dialog, Label problem, Runnable then, CascadeSource source, String what) {
        dialog.getDialogPane().setDisable(true);
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                return source.get();
            }
        };
        task.setOnSucceeded(e -> {
            tasks.say("Cascade installed in " + task.getValue());
            dialog.setResult(ButtonType.OK);
            dialog.close();
            then.run();
        });
        task.setOnFailed(e -> {
            dialog.getDialogPane().setDisable(false);
            Throwable error = task.getException();
            LOG.warn("{} of the cascade failed", what, error);
            problem.setText(error instanceof DatasetActions.CascadeUnreachableException
                    ? error.getMessage() + " Choose a downloaded copy with Choose file…"
                    : ErrorMessages.of(error));
            problem.setVisible(true);
        });
        tasks.run(task);
    }

    private static File showFileChooser(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a downloaded " + CascadeLocator.FILE_NAME);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("OpenCV cascade", "*.xml"));
        return chooser.showOpenDialog(owner);
    }
}
