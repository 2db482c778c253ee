package org.ganbench.ui.shell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ganbench.common.AtomicFiles;

/**
 * What the window remembers between sessions (size, position, last folders), kept as JSON in
 * {@code $XDG_CONFIG_HOME/ganbench/window.json} (default {@code ~/.config}); the {@code ganbench.config} system
 * property points elsewhere (tests). A missing or unreadable file gives the defaults: settings never stop the app.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AppSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    public double width = 1280;
    public double height = 800;
    public double x = Double.NaN;
    public double y = Double.NaN;
    public boolean maximized;
    public String lastImportFolder;
    public String lastRunFolder;
    /** The workspace the window showed last (File > Open workspace). */
    public String lastWorkspace;

    /** The next import's folder dialog starts where {@code chosen} is (beside it, in its parent). */
    public void rememberImportFolder(Path chosen) {
        lastImportFolder = parentOf(chosen);
    }

    /** The next run's folder dialog starts beside {@code run}. */
    public void rememberRunFolder(Path run) {
        lastRunFolder = parentOf(run);
    }

    private static String parentOf(Path p) {
        return p.getParent() == null ? null : p.getParent().toString();
    }

    /** The settings file for this user. */
    public static Path defaultFile() {
        String override = System.getProperty("ganbench.config");
        if (override != null && !override.isBlank()) {
            return Path.of(override).resolve("window.json");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(xdg);
        return base.resolve("ganbench").resolve("window.json");
    }

    public static AppSettings load(Path file) {
        if (Files.exists(file)) {
            try {
                return JSON.readValue(file.toFile(), AppSettings.class);
            } catch (IOException e) {
                System.err.println("ignoring unreadable settings " + file + ": " + e.getMessage());
            }
        }
        return new AppSettings();
    }

    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }
}
