package org.ganbench.ui.datasets;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.Notifications;

/**
 * The end of the last crop or import, said in the view (and in a notification): what was written, skipped and
 * failed, and a button to its report.
 */
final class ImportSummaryPane extends VBox {
    private static final PseudoClass NO_FACES = PseudoClass.getPseudoClass("no-faces");
    private static final PseudoClass SOME_FAILED = PseudoClass.getPseudoClass("some-failed");

    private final Label headline = new Label();
    private final Label details = new Label();
    private final ListView<String> failures = new ListView<>();
    private final Button openReport = new Button("Open report");
    private Path report;

    ImportSummaryPane() {
        setId("import-summary");
        getStyleClass().add("import-summary");
        headline.setId("summary-headline");
        headline.getStyleClass().add("summary-headline");
        details.setId("summary-details");
        details.setWrapText(true);
        failures.setId("summary-failures");
        failures.setPrefHeight(96);
        failures.managedProperty().bind(failures.visibleProperty());
        openReport.setId("summary-open-report");
        Button close = new Button("Close");
        close.setId("summary-close");
        close.setOnAction(e -> setVisible(false));
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, headline, spacer, openReport, close);
        top.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, details, failures);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Opens the report file with {@code open} when its button is pressed. */
    void onOpenReport(Consumer<Path> open) {
        openReport.setOnAction(e -> open.accept(report));
    }

    void show(ImportSummary summary) {
        headline.setText(summary.headline());
        details.setText(summary.details());
        failures.getItems().setAll(summary.failures());
        failures.setVisible(!summary.failures().isEmpty());
        report = summary.report();
        openReport.setVisible(report != null);
        pseudoClassStateChanged(NO_FACES, summary.outcome() == ImportSummary.Outcome.NO_FACES);
        pseudoClassStateChanged(SOME_FAILED, summary.outcome() == ImportSummary.Outcome.SOME_FAILED);
        setVisible(true);
        if (getScene() != null && getScene().getWindow() != null) {
            Notifications.create().owner(getScene().getWindow()).title("GanBench").text(summary.headline())
                    .showInformation();
        }
    }
}
