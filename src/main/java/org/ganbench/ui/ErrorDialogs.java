package org.ganbench.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Clear error dialogs: what failed in words, the core's message, and the details folded away. */
final class ErrorDialogs {
    private ErrorDialogs() {
    }

    static void show(Window owner, String what, Throwable error) {
        Throwable cause = error.getCause() != null && error.getMessage() != null
                && error.getMessage().startsWith(error.getCause().getClass().getName()) ? error.getCause() : error;
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("GanBench");
        alert.setHeaderText(what);
        alert.setContentText(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
    }

    /** The cascade is nowhere: where it was looked for, and a button that fetches it. */
    static void missingCascade(Window owner, String whereLooked, Runnable fetch) {
        ButtonType fetchButton = new ButtonType("Fetch", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, whereLooked, fetchButton, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("GanBench");
        alert.setHeaderText("The face detector's cascade file is missing");
        alert.getDialogPane().setId("missing-cascade");
        alert.getDialogPane().setMinWidth(640);
        alert.resultProperty().addListener((o, old, chosen) -> {
            if (chosen == fetchButton) {
                fetch.run();
            }
        });
        alert.show();
    }
}
