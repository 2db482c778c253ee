package org.ganbench.ui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Clear error dialogs: what failed in words, the reason in the user's words, and the details folded away. */
public final class ErrorDialogs {
    private ErrorDialogs() {
    }

    /** Shows {@code error} under the heading {@code what}; {@code owner} may be null. */
    public static void show(Window owner, String what, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("GanBench");
        alert.setHeaderText(what);
        alert.setContentText(ErrorMessages.of(error));
        alert.getDialogPane().setId("error-dialog");
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
    }

    /** The cascade is nowhere: where it was looked for, and a button that fetches it. */
    public static void missingCascade(Window owner, String whereLooked, Runnable fetch) {
        javafx.scene.control.ButtonType fetchButton = new javafx.scene.control.ButtonType("Fetch",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, whereLooked, fetchButton,
                javafx.scene.control.ButtonType.CANCEL);
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
