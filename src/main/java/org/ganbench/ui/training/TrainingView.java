package org.ganbench.ui.training;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ganbench.train.Algorithm;
import org.ganbench.train.Preset;
import org.ganbench.ui.common.FolderNameCell;
import org.ganbench.ui.training.TrainingForm.Field;

/**
 * The Training view's layout: the form (dataset, algorithm, preset, one field per hyperparameter with its tooltip),
 * the run's buttons, "Continue run" apart from them (it acts on the run in the monitor, not on the form), the
 * loading progress and the form's problem; the monitor below.
 */
final class TrainingView {
    final ComboBox<Path> dataset = new ComboBox<>();
    final ComboBox<Algorithm> algorithm = new ComboBox<>();
    final ComboBox<Preset> preset = new ComboBox<>();
    final Map<Field, TextField> fields = new EnumMap<>(Field.class);
    final Map<Field, Tooltip> tooltips = new EnumMap<>(Field.class);
    final Label problem = new Label();
    final Label device = new Label("device: shown when a run starts");
    final Label state = new Label();
    final Button start = new Button("Start");
    final Button pause = new Button("Pause");
    final Button resume = new Button("Resume");
    final Button stop = new Button("Stop");
    final Button continueRun = new Button("Continue the run shown…");
    final ProgressBar loadProgress = new ProgressBar(-1);
    final Label loadMessage = new Label();
    final HBox loading = new HBox(8, loadProgress, loadMessage);
    final BorderPane root = new BorderPane();

    TrainingView(Node monitor) {
        dataset.setId("train-dataset");
        dataset.setCellFactory(v -> new FolderNameCell());
        dataset.setButtonCell(new FolderNameCell());
        dataset.setPromptText("no datasets yet");
        algorithm.setId("train-algorithm");
        algorithm.getItems().setAll(Algorithm.values());
        preset.setId("train-preset");
        preset.getItems().setAll(Preset.values());
        FlowPane form = new FlowPane(10, 6);
        form.getChildren().addAll(labelled("dataset", dataset), labelled("algorithm", algorithm),
                labelled("preset", preset));
        for (Field f : Field.values()) {
            TextField text = new TextField();
            text.setId("train-" + f.label().replace(' ', '-'));
            text.setPrefColumnCount(f == Field.LR ? 7 : 5);
            Tooltip tip = new Tooltip();
            tip.setShowDelay(Duration.millis(300));
            tip.setShowDuration(Duration.seconds(30));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            text.setTooltip(tip);
            Label label = new Label(f.label());
            label.setTooltip(tip);
            HBox box = new HBox(4, label, text);
            box.setAlignment(Pos.CENTER_LEFT);
            form.getChildren().add(box);
            fields.put(f, text);
            tooltips.put(f, tip);
        }
        start.setId("train-start");
        start.setDefaultButton(true);
        pause.setId("train-pause");
        resume.setId("train-resume");
        stop.setId("train-stop");
        continueRun.setId("train-continue");
        continueRun.setTooltip(new Tooltip("Trains the run shown in the monitor on from its newest checkpoint, with"
                + " its own settings (to the form's step count when that is higher)."));
        problem.setId("train-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        device.setId("train-device");
        state.setId("train-state");
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(6, start, pause, resume, stop, state, device, spacer,
                new Separator(Orientation.VERTICAL), continueRun);
        buttons.setAlignment(Pos.CENTER_LEFT);
        loadProgress.setId("train-load-progress");
        loadProgress.setPrefWidth(240);
        loadMessage.setId("train-load-message");
        loading.setAlignment(Pos.CENTER_LEFT);
        loading.managedProperty().bind(loading.visibleProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox top = new VBox(6, form, buttons, loading, problem);
        top.setPadding(new Insets(8));
        top.setId("train-form");
        root.setTop(top);
        root.setCenter(monitor);
    }

    /** Asks {@code question} (OK or Cancel) before an action the user may not mean; true for OK. */
    boolean confirm(String header, String question) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        ask.setTitle("Continue another run?");
        ask.setHeaderText(header);
        ask.initOwner(root.getScene().getWindow());
        ask.getDialogPane().setId("continue-confirm");
        return ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private static Node labelled(String name, Node control) {
        HBox box = new HBox(4, new Label(name), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
