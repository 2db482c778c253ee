package org.ganbench.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop window. It only observes and commands the headless core. */
public final class GanBenchWindow extends Application {

    /** Kept outside the Application subclass's static init so that Main runs without JavaFX on the module path. */
    public static void launchWindow(String[] args) {
        Application.launch(GanBenchWindow.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("GanBench");
        stage.setScene(new Scene(new StackPane(new Label("GanBench — drop a folder of illustrations here")), 960, 640));
        stage.show();
    }
}
