package org.ganbench.ui.experiment;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.ganbench.train.Algorithm;
import org.ganbench.train.Preset;

/** The experiment matrix's layout: algorithms, datasets, shared numbers, buttons, progress and the cells' states. */
final class MatrixView {
    final Map<Algorithm, CheckBox> algorithms = new EnumMap<>(Algorithm.class);
    final VBox datasets = new VBox(2);
    final ComboBox<Preset> preset = new ComboBox<>();
    final Map<String, TextField> fields = new LinkedHashMap<>();
    final Button run = new Button("Run matrix");
    final Button resume = new Button("Continue");
    final Button cancel = new Button("Cancel");
    final Button openReport = new Button("Open report");
    final ProgressBar progress = new ProgressBar(0);
    final Label problem = new Label();
    final Label status = new Label("no experiment");
    final Label more = new Label();
    final TitledPane root;

    MatrixView() {
        FlowPane algos = new FlowPane(8, 4);
        for (Algorithm a : Algorithm.values()) {
            CheckBox box = new CheckBox(a.name());
            box.setId("matrix-algo-" + a.name().toLowerCase(Locale.ROOT));
            algorithms.put(a, box);
            algos.getChildren().add(box);
        }
        datasets.setId("matrix-datasets");
        preset.setId("matrix-preset");
        preset.getItems().setAll(Preset.values());
        FlowPane numbers = new FlowPane(8, 4);
        numbers.getChildren().add(labelled("preset", preset));
        for (String name : MatrixForm.FIELDS) {
            TextField f = new TextField();
            f.setId("matrix-" + name.replace(' ', '-'));
            f.setPrefColumnCount(5);
            fields.put(name, f);
            numbers.getChildren().add(labelled(name, f));
        }
        run.setId("matrix-run");
        resume.setId("matrix-continue");
        cancel.setId("matrix-cancel");
        openReport.setId("matrix-report");
        progress.setId("matrix-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        problem.setId("matrix-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        status.setId("matrix-status");
        status.setWrapText(true);
        more.setId("matrix-more");
        more.setWrapText(true);
        VBox form = new VBox(6, new Label("algorithms"), algos, new Label("datasets"), datasets, numbers, problem,
                new HBox(6, run, cancel), new HBox(6, resume, openReport), progress, status, more);
        form.setPadding(new Insets(6));
        root = new TitledPane("Experiment matrix", form);
        root.setId("matrix");
    }

    /** One check box per dataset, ticked as {@code ticked} says. */
    void showDatasets(List<Path> all, List<Path> ticked, java.util.function.BiConsumer<Path, Boolean> onTick) {
        if (all.isEmpty()) {
            datasets.getChildren().setAll(new Label("no datasets yet (make one in the Datasets view)"));
            return;
        }
        datasets.getChildren().setAll(all.stream().map(d -> {
            CheckBox box = new CheckBox(d.getFileName().toString());
            box.setId("matrix-dataset-" + d.getFileName());
            box.setSelected(ticked.contains(d));
            box.selectedProperty().addListener((o, old, now) -> onTick.accept(d, now));
            return (Node) box;
        }).toList());
    }

    private static Node labelled(String name, Node control) {
        HBox box = new HBox(4, new Label(name), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
