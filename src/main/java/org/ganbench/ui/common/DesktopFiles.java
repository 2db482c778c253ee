package org.ganbench.ui.common;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.HostServices;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opening files (a face's source image, a report) with the desktop's own programs, and, where the desktop cannot
 * open files (Linux without {@code xdg-open}), showing them in a window of our own that says why.
 */
public final class DesktopFiles {
    static final String NO_OPENER = "This desktop cannot open files (xdg-open is not installed), so GanBench shows "
            + "it here.";

    private final Consumer<Path> opener;
    private final boolean canOpen;

    /** {@code opener} hands a file to the desktop; {@code canOpen} says whether the desktop can take it. */
    public DesktopFiles(Consumer<Path> opener, boolean canOpen) {
        this.opener = opener;
        this.canOpen = canOpen;
    }

    /** The desktop of this process: JavaFX's host services, which on Linux need {@code xdg-open} on the PATH. */
    public static DesktopFiles of(HostServices host) {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        return new DesktopFiles(file -> host.showDocument(file.toUri().toString()), !linux || onPath("xdg-open"));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    public boolean canOpen() {
        return canOpen;
    }

    /** Opens {@code file} with the desktop, else shows it (an image, or text) in a window of our own. */
    public void open(Path file, Window owner) throws IOException {
        if (canOpen) {
            opener.accept(file);
        } else {
            showInOwnWindow(file, owner);
        }
    }

    /** {@link #open}, with a failure reported and a file shown in our own window said in the status line. */
    public void open(Path file, Window owner, BackgroundTasks tasks) {
        try {
            open(file, owner);
            if (!canOpen) {
                tasks.say("No program to open files on this desktop (xdg-open): " + file.getFileName()
                        + " is shown in a window of GanBench's own.");
            }
        } catch (IOException e) {
            tasks.report("Cannot open " + file.getFileName(), e);
        }
    }

    private static void showInOwnWindow(Path file, Window owner) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        BorderPane root = new BorderPane();
        if (name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".log")) {
            TextArea text = new TextArea(Files.readString(file));
            text.setEditable(false);
            root.setCenter(text);
        } else {
            javafx.scene.image.Image image = new javafx.scene.image.Image(file.toUri().toString());
            if (image.isError()) {
                throw new IOException("cannot show " + file + ": " + ErrorMessages.of(image.getException()));
            }
            ImageView view = new ImageView(image);
            view.setPreserveRatio(true);
            root.setCenter(new ScrollPane(view));
        }
        Label why = new Label(NO_OPENER + "   " + file);
        why.setId("own-window-note");
        why.getStyleClass().add("warning-banner");
        why.setMaxWidth(Double.MAX_VALUE);
        root.setTop(why);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(file.getFileName() + " — GanBench");
        Scene scene = new Scene(root, 900, 700);
        scene.getStylesheets().add(DesktopFiles.class.getResource("/org/ganbench/ui/ganbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }
}
