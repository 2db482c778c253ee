package org.ganbench.ui.experiment;

import java.nio.file.Path;
import java.util.List;

/** What the experiment matrix needs of the comparison it fills (the shell connects it to the Compare view). */
public interface RunsShown {
    /** How many runs the comparison shows at once. */
    int capacity();

    /** Shows exactly these runs. */
    void showOnly(List<Path> runs);

    /** Reads a run shown again (new grids, new figures). */
    void reload(Path run);
}
