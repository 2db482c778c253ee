package org.ganbench.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's parts that need no window: the title, the sorting of dropped folders, the remembered folders. */
class ShellPartsTest {
    @TempDir
    Path tmp;

    @Test
    void theTitleShortensHomeAndNamesWhatIsInView() {
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals("GanBench — ~/GanBench", WindowTitle.of(home.resolve("GanBench"), ""));
        assertEquals("GanBench — /srv/ws — dragan-1 (step 1,200)", WindowTitle.of(Path.of("/srv/ws"),
                "dragan-1 (step 1,200)"));
        assertEquals("GanBench — " + home, WindowTitle.of(home, null));
    }

    @Test
    void droppedFoldersAreSortedIntoRunsAndFoldersToCropAndPlainFilesLeftOut() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("dragan-1"));
        Files.writeString(run.resolve("config.json"), "{}");
        Path other = Files.createDirectories(tmp.resolve("sngan-1/samples"));
        Path pictures = Files.createDirectories(tmp.resolve("pictures"));
        Path file = Files.writeString(tmp.resolve("a.png"), "x");

        DroppedFolders one = DroppedFolders.sort(List.of(run.toFile(), file.toFile()));
        assertEquals(List.of(run), one.runs());
        assertTrue(one.isOneRunToMonitor());
        DroppedFolders two = DroppedFolders.sort(List.of(run.toFile(), other.getParent().toFile()));
        assertFalse(two.isOneRunToMonitor(), "two runs are compared");
        DroppedFolders mixed = DroppedFolders.sort(List.of(run.toFile(), pictures.toFile()));
        assertEquals(List.of(pictures), mixed.imports());
        assertFalse(mixed.isOneRunToMonitor(), "a run dropped with pictures goes to the comparison");
        assertFalse(DroppedFolders.sort(List.of(file.toFile())).any(), "a plain file is not taken");
    }

    @Test
    void theNextDialogStartsBesideTheLastFolderChosen() {
        AppSettings settings = new AppSettings();
        settings.rememberImportFolder(Path.of("/home/a/pictures/set1"));
        settings.rememberRunFolder(Path.of("/home/a/GanBench/runs/dragan-1"));
        assertEquals(Path.of("/home/a/pictures").toString(), settings.lastImportFolder);
        assertEquals(Path.of("/home/a/GanBench/runs").toString(), settings.lastRunFolder);
        settings.rememberImportFolder(Path.of("set1"));
        assertEquals(null, settings.lastImportFolder, "no parent to start in");
    }
}
