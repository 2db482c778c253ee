package org.ganbench.ui.shell;

import javafx.stage.Screen;
import javafx.stage.Stage;

/** The window's size, place and maximised state, kept in the settings from one session to the next. */
final class WindowGeometry {
    private WindowGeometry() {
    }

    /** Places {@code stage} where it was last time, but only where a screen still is (a second one may be gone). */
    static void restore(Stage stage, AppSettings settings) {
        if (!Double.isNaN(settings.x) && !Double.isNaN(settings.y)
                && !Screen.getScreensForRectangle(settings.x, settings.y, 100, 100).isEmpty()) {
            stage.setX(settings.x);
            stage.setY(settings.y);
        }
        stage.setMaximized(settings.maximized);
    }

    /** Notes the geometry of the closing {@code stage}; a maximised window keeps its last normal size. */
    static void remember(Stage stage, AppSettings settings) {
        if (!stage.isMaximized() && stage.getWidth() > 0) {
            settings.width = stage.getWidth();
            settings.height = stage.getHeight();
            settings.x = stage.getX();
            settings.y = stage.getY();
        }
        settings.maximized = stage.isMaximized();
    }
}
