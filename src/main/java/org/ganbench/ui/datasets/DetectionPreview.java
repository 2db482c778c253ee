package org.ganbench.ui.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.concurrent.Task;
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
import org.ganbench.dataset.DetectionParams;
import org.ganbench.dataset.FaceBox;
import org.ganbench.dataset.FaceCropper;
import org.ganbench.dataset.FaceDetector;
import org.ganbench.dataset.ImageDecoder;
import org.ganbench.train.TrainingConfig;
import org.ganbench.dataset.DatasetActions;

/**
 * Detection preview: a source image with the detector's boxes (yellow) and the crop boxes the crop job would cut
 * (cyan), faces below the minimum size crossed out in red. Detection runs once per image on a worker thread; the
 * margin and minimum-size controls (the crop job's own settings) only redraw.
 */
final class DetectionPreview {
    private final DatasetActions actions;
    private final DoubleProperty margin;
    private final IntegerProperty minFace;
    private final Consumer<Throwable> onFailed;
    private final Canvas canvas = new Canvas();
    private final Label summary = new Label("Pick a source image to see what the detector finds.");
    private final VBox root = new VBox(6);
    private Image image;
    private List<FaceBox> detected = List.of();

    DetectionPreview(DatasetActions actions, DoubleProperty margin, IntegerProperty minFace,
                     Runnable pickImage, Consumer<Throwable> onFailed) {
        this.actions = actions;
        this.margin = margin;
        this.minFace = minFace;
        this.onFailed = onFailed;
        Button pick = new Button("Pick image…");
        pick.setId("preview-pick");
        pick.setOnAction(e -> pickImage.run());
        Slider marginSlider = new Slider(0, 1, margin.get());
        marginSlider.setId("preview-margin");
        marginSlider.valueProperty().bindBidirectional(margin);
        Label marginValue = new Label();
        marginValue.textProperty().bind(margin.asString("%.2f"));
        Spinner<Integer> minSpinner = new Spinner<>(0, 1024, minFace.get(), 8);
        minSpinner.setId("preview-min-face");
        minSpinner.setEditable(true);
        minSpinner.setPrefWidth(80);
        minSpinner.valueProperty().addListener((o, old, now) -> minFace.set(now));
        minFace.addListener((o, old, now) -> minSpinner.getValueFactory().setValue(now.intValue()));
        FlowPane controls = new FlowPane(6, 4, pick, new HBox(4, new Label("margin"), marginSlider, marginValue),
                new HBox(4, new Label("min face (px)"), minSpinner));
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

    /** Detects the faces of {@code file} in the background and draws them. */
    void show(Path file) {
        summary.setText("detecting faces in " + file.getFileName() + "…");
        Task<List<FaceBox>> task = new Task<>() {
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
        task.setOnFailed(e -> {
            summary.setText("no preview: " + task.getException().getMessage());
            onFailed.accept(task.getException());
        });
        Thread thread = new Thread(task, "detection-preview");
        thread.setDaemon(true);
        thread.start();
    }

    /** The detector's boxes of the image shown. */
    List<FaceBox> detected() {
        return detected;
    }

    /** The crop boxes of the faces the crop job would keep with the current settings. */
    List<FaceBox> cropBoxes() {
        FaceCropper cropper = new FaceCropper(margin.get(), TrainingConfig.SIDE);
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
        summary.setText(String.format("%d faces found, %d kept (min %d px), margin %.2f: yellow = detector, "
                + "cyan = crop", detected.size(), kept, minFace.get(), margin.get()));
    }
}
