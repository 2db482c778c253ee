package org.ganbench.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
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
}
