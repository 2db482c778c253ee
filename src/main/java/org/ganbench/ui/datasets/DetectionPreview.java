package org.ganbench.ui.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.concurrent.Task;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.image.Image;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ganbench.dataset.DetectionParams;
import org.ganbench.dataset.FaceBox;
import org.ganbench.dataset.FaceCropper;
import org.ganbench.dataset.FaceDetector;
import org.ganbench.dataset.ImageDecoder;
import org.ganbench.dataset.CropJob;
import org.ganbench.dataset.DatasetActions;
import org.ganbench.ui.common.BackgroundTasks;

/**
 * Detection preview: a source image with the detector's boxes (yellow) and the crop boxes the crop job would cut
 * (cyan), faces below the minimum size crossed out in red. Detection runs once per image in the background; the
 * margin and minimum-size controls are the settings of the next crop, and only redraw here.
 */
final class DetectionPreview {
    private final DatasetActions actions;
    private final DoubleProperty margin;
    private final IntegerProperty minFace;
    private final BackgroundTasks tasks;
    private final Canvas canvas = new Canvas();
    private final Label summary = new Label("Pick a source image to see what the detector finds.");
    private final VBox root = new VBox(6);
    private Image image;
    private List<FaceBox> detected = List.of();

    DetectionPreview(DatasetActions actions, DoubleProperty margin, IntegerProperty minFace, BooleanProperty keepEmpty,
                     Supplier<Window> owner, Consumer<Runnable> ensureCascade, BackgroundTasks tasks) {
        this.actions = actions;
        this.margin = margin;
        this.minFace = minFace;
        this.tasks = tasks;
        Button pick = new Button("Pick image…");
        pick.setId("preview-pick");
        pick.setOnAction(e -> ensureCascade.accept(() -> pickImage(owner.get())));
        Slider marginSlider = new Slider(0, 1, margin.get());
        marginSlider.setId("preview-margin");
        marginSlider.setBlockIncrement(0.01); // arrow keys: 0.01, not 0 -> 1
        marginSlider.valueProperty().bindBidirectional(margin);
        Spinner<Double> marginField = marginSpinner();
        Spinner<Integer> minSpinner = new Spinner<>(0, 1024, minFace.get(), 8);
        minSpinner.setId("preview-min-face");
        minSpinner.setEditable(true);
        minSpinner.setPrefWidth(80);
        minSpinner.valueProperty().addListener((o, old, now) -> minFace.set(now));
        minFace.addListener((o, old, now) -> minSpinner.getValueFactory().setValue(now.intValue()));
        CheckBox keep = new CheckBox("keep an empty dataset when no face is found");
        keep.setId("preview-keep-empty");
        keep.selectedProperty().bindBidirectional(keepEmpty);
        Label next = new Label("Settings of the next crop:");
        next.getStyleClass().add("section-label");
        FlowPane controls = new FlowPane(6, 4, pick, next,
                new HBox(4, new Label("margin"), marginSlider, marginField),
                new HBox(4, new Label("min face (px)"), minSpinner), keep);
        controls.setId("crop-settings");
        Pane holder = new Pane(canvas);
        holder.setMinSize(0, 0);
        VBox.setVgrow(holder, Priority.ALWAYS);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        margin.addListener(o -> draw());
        minFace.addListener(o -> draw());
        summary.setId("preview-summary");
        summary.setWrapText(true);
        root.setId("detection-preview");
        root.setPadding(new Insets(8));
        root.getChildren().addAll(controls, summary, holder);
    }

    VBox view() {
        return root;
    }

    private void pickImage(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Source image to preview the detection on");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                "*.webp", "*.bmp", "*.gif", "*.PNG", "*.JPG", "*.JPEG"));
        java.io.File file = chooser.showOpenDialog(owner);
        if (file != null) {
            show(file.toPath());
        }
    }

    /** The margin as a number: typed, or stepped by 0.01 with the arrow keys, in step with the slider. */
    private Spinner<Double> marginSpinner() {
        SpinnerValueFactory.DoubleSpinnerValueFactory values =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1, margin.get(), 0.01);
        values.setConverter(new javafx.util.converter.DoubleStringConverter() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
            }
        });
        Spinner<Double> spinner = new Spinner<>(values);
        spinner.setId("preview-margin-field");
        spinner.setEditable(true);
        spinner.setPrefWidth(84);
        spinner.setTooltip(new Tooltip("Space around the detected face, as a fraction of its size (default "
                + CropJob.Options.DEFAULTS.margin() + "); used by the next crop"));
        values.valueProperty().addListener((o, old, now) -> {
            if (now != null) {
                margin.set(now);
            }
        });
        margin.addListener((o, old, now) -> values.setValue(Math.round(now.doubleValue() * 100) / 100.0));
        return spinner;
    }

    /** Detects the faces of {@code file} in the background and draws them. */
    void show(Path file) {
        summary.setText("detecting faces in " + file.getFileName() + "…");
        Task<List<FaceBox>> task = new Task<>() {
            {
                updateTitle("Detection preview");
            }

            @Override
            protected List<FaceBox> call() throws Exception {
                try (FaceDetector detector = new FaceDetector(actions.cascade(), DetectionParams.RECIPE)) {
                    return detector.detect(file, ImageDecoder.DEFAULT_MAX_PIXELS);
                }
            }
        };
        task.setOnSucceeded(e -> {
            image = new Image(file.toUri().toString());
            detected = task.getValue();
            draw();
        });
        task.exceptionProperty().addListener((o, old, error) -> summary.setText("no preview: "
                + org.ganbench.ui.common.ErrorMessages.of(error)));
        tasks.run(task);
    }

    /** The detector's boxes of the image shown. */
    List<FaceBox> detected() {
        return detected;
    }

    /** The crop boxes of the faces the crop job would keep with the current settings. */
    List<FaceBox> cropBoxes() {
        FaceCropper cropper = new FaceCropper(margin.get(), CropJob.Options.DEFAULTS.size());
        List<FaceBox> crops = new ArrayList<>();
        for (FaceBox box : detected) {
            if (Math.min(box.w(), box.h()) >= minFace.get()) {
                crops.add(cropper.cropBox(box));
            }
        }
        return crops;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (image == null || image.getWidth() == 0) {
            return;
        }
        double scale = Math.min(canvas.getWidth() / image.getWidth(), canvas.getHeight() / image.getHeight());
        g.drawImage(image, 0, 0, image.getWidth() * scale, image.getHeight() * scale);
        g.setLineWidth(2);
        int kept = 0;
        for (FaceBox box : detected) {
            boolean small = Math.min(box.w(), box.h()) < minFace.get();
            g.setStroke(small ? Color.RED : Color.YELLOW);
            g.strokeRect(box.x() * scale, box.y() * scale, box.w() * scale, box.h() * scale);
            if (small) {
                g.strokeLine(box.x() * scale, box.y() * scale, (box.x() + box.w()) * scale, (box.y() + box.h()) * scale);
            } else {
                kept++;
            }
        }
        g.setStroke(Color.CYAN);
        for (FaceBox crop : cropBoxes()) {
            g.strokeRect(crop.x() * scale, crop.y() * scale, crop.w() * scale, crop.h() * scale);
        }
        summary.setText(String.format(Locale.ROOT, "%d faces found, %d kept (min %d px), margin %.2f: yellow = detector, "
                + "cyan = crop", detected.size(), kept, minFace.get(), margin.get()));
    }
}
