package org.ganbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndFallsBackToDefaultsOnAnUnreadableFile() throws IOException {
        Path file = dir.resolve("cfg/window.json");
        AppSettings s = AppSettings.load(file);
        assertEquals(1280, s.width);
        s.width = 1000;
        s.x = 12;
        s.lastRunFolder = "/tmp/runs";
        s.save(file);
        AppSettings back = AppSettings.load(file);
        assertEquals(1000, back.width);
        assertEquals(12, back.x);
        assertEquals("/tmp/runs", back.lastRunFolder);

        Files.writeString(file, "{\"width\": ");
        assertEquals(1280, AppSettings.load(file).width);
        Files.writeString(file, "{\"width\": 900, \"fromANewerVersion\": 1}");
        assertEquals(900, AppSettings.load(file).width);
        assertTrue(AppSettings.load(file).lastImportFolder == null);
    }
}
