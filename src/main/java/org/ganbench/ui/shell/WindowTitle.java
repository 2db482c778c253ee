package org.ganbench.ui.shell;

import java.nio.file.Path;

/** The window's title, without a window: the workspace (home shortened to ~) and what is in view. */
final class WindowTitle {
    private WindowTitle() {
    }

    /** "GanBench — ~/GanBench — dragan-20261201-1204 (step 1,200)". */
    static String of(Path workspace, String detail) {
        Path home = Path.of(System.getProperty("user.home"));
        String where = workspace.startsWith(home) && !workspace.equals(home)
                ? "~/" + home.relativize(workspace).toString().replace('\\', '/') : workspace.toString();
        return "GanBench — " + where + (detail == null || detail.isBlank() ? "" : " — " + detail);
    }
}
