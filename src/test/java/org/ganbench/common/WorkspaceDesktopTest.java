package org.ganbench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which workspace the double-clicked app opens; the command line's rule stays GANBENCH_HOME, else the cwd. */
class WorkspaceDesktopTest {
    @TempDir
    Path tmp;

    @Test
    void withNothingElseTheAppMakesGanBenchInTheHomeFolderOnFirstStart() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path cwd = Files.createDirectories(tmp.resolve("somewhere"));
        Workspace ws = Workspace.forDesktop(Map.of(), cwd, home, null);
        assertEquals(home.resolve("GanBench"), ws.root());
        for (String dir : new String[] {"datasets", "runs", "experiments"}) {
            assertTrue(Files.isDirectory(ws.root().resolve(dir)), dir);
        }
        assertTrue(Files.readString(ws.root().resolve("README.txt")).contains("datasets/"));
        assertTrue(Files.list(cwd).findAny().isEmpty(), "nothing written where the app was started");
        Files.writeString(ws.root().resolve("README.txt"), "mine");
        Workspace.forDesktop(Map.of(), cwd, home, null);
        assertEquals("mine", Files.readString(ws.root().resolve("README.txt")), "an existing README stays");
    }

    @Test
    void ganbenchHomeThenAWorkspaceAsCurrentFolderThenTheLastOneWin() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path project = Files.createDirectories(tmp.resolve("project/runs")).getParent();
        Path last = Files.createDirectories(tmp.resolve("last"));
        Path explicit = tmp.resolve("explicit");
        assertEquals(explicit, Workspace.forDesktop(Map.of("GANBENCH_HOME", explicit.toString()), project, home,
                last).root());
        assertEquals(project, Workspace.forDesktop(Map.of(), project, home, last).root());
        assertEquals(last, Workspace.forDesktop(Map.of(), home, home, last).root());
        assertEquals(home.resolve("GanBench"), Workspace.forDesktop(Map.of(), home, home,
                tmp.resolve("gone")).root(), "a remembered workspace that is gone is not used");
    }
}
